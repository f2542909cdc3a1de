import type { Provider } from '../domain/estates/regions.ts';
import type { EnvironmentType, WorkloadType } from './driver.ts';
import { digest } from './hash.ts';

interface Shape {
  /** The part before the slash in a provider resource name. */
  readonly prefix: string;
  /** The provider's length limit on the name after the slash. */
  readonly maxLength: number;
}

/**
 * Which managed service runs each workload type, per provider. AWS: ECS, Lambda,
 * RDS, SQS. GCP: Cloud Run, Cloud Functions, Cloud SQL, Pub/Sub. Azure: Container
 * Apps, Functions, Azure Database flexible servers, Service Bus.
 */
const SHAPES: Readonly<Record<Provider, Readonly<Record<WorkloadType, Shape>>>> = {
  aws: {
    container_service: { prefix: 'ecs', maxLength: 255 },
    serverless_function: { prefix: 'lambda', maxLength: 64 },
    managed_database: { prefix: 'rds', maxLength: 63 },
    message_queue: { prefix: 'sqs', maxLength: 80 },
  },
  gcp: {
    container_service: { prefix: 'run', maxLength: 49 },
    serverless_function: { prefix: 'cloudfunctions', maxLength: 63 },
    managed_database: { prefix: 'cloudsql', maxLength: 63 },
    message_queue: { prefix: 'pubsub', maxLength: 255 },
  },
  azure: {
    container_service: { prefix: 'containerapps', maxLength: 32 },
    serverless_function: { prefix: 'functionapps', maxLength: 60 },
    managed_database: { prefix: 'flexibleservers', maxLength: 63 },
    message_queue: { prefix: 'servicebus', maxLength: 260 },
  },
};

/** Lower-case letters, digits and single hyphens, starting with a letter. */
function slug(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(plain) ? plain : `svc-${plain}`.replace(/-$/, '');
}

/**
 * The name suffix an environment gives its workloads: production → `prod`,
 * staging → `staging`, development → `dev`, preview → `preview-<environment name>`
 * (one estate can hold many previews; a name already starting with `preview` is kept).
 */
export function environmentSuffix(
  type: EnvironmentType,
  environmentName: string,
): string {
  if (type === 'production') return 'prod';
  if (type === 'development') return 'dev';
  if (type === 'staging') return 'staging';
  const name = slug(environmentName);
  return name.startsWith('preview') ? name : `preview-${name}`;
}

/** Cuts a name to the limit, keeping it unique with a short digest of the whole. */
function withinLimit(name: string, maxLength: number): string {
  if (name.length <= maxLength) return name;
  const head = name.slice(0, maxLength - 7).replace(/-+$/, '');
  return `${head}-${digest(name).slice(0, 6)}`;
}

export interface WorkloadNaming {
  readonly serviceName: string;
  readonly environmentName: string;
  readonly environmentType: EnvironmentType;
  readonly type: WorkloadType;
}

/** The provider-shaped resource name of a workload, e.g. `ecs/payments-api-prod`. */
export function workloadResourceName(provider: Provider, naming: WorkloadNaming): string {
  const shape = SHAPES[provider][naming.type];
  const suffix = environmentSuffix(naming.environmentType, naming.environmentName);
  return `${shape.prefix}/${withinLimit(`${slug(naming.serviceName)}-${suffix}`, shape.maxLength)}`;
}

/** The workload type a resource name of this provider stands for, or null if none. */
export function workloadTypeOf(
  provider: Provider,
  providerResource: string,
): WorkloadType | null {
  const [prefix, name] = providerResource.split('/', 2);
  if (!name) return null;
  const entries = Object.entries(SHAPES[provider]) as [WorkloadType, Shape][];
  return entries.find(([, shape]) => shape.prefix === prefix)?.[0] ?? null;
}

/** Network and subnet ID shapes per provider: AWS-style hex IDs, GCP and Azure names. */
const NETWORK_IDS: Readonly<Record<Provider, readonly [string, string, number]>> = {
  aws: ['vpc', 'subnet', 17],
  gcp: ['network', 'subnetwork', 12],
  azure: ['vnet', 'snet', 12],
};

/** The stable network ID of an estate, e.g. `vpc-0f3a…` on AWS. */
export function networkIdOf(provider: Provider, estateId: string): string {
  const [network, , length] = NETWORK_IDS[provider];
  return `${network}-${digest('network', estateId).slice(0, length)}`;
}

/** The stable ID of an estate's subnet in one zone, e.g. `subnet-9c1e…` on AWS. */
export function subnetIdOf(provider: Provider, estateId: string, zone: string): string {
  const [, subnet, length] = NETWORK_IDS[provider];
  return `${subnet}-${digest('subnet', estateId, zone).slice(0, length)}`;
}
