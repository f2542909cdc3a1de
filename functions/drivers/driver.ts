import type { Provider } from '../domain/estates/regions.ts';

/** The kinds of workload a service can be. */
export const WORKLOAD_TYPES = [
  'container_service',
  'serverless_function',
  'managed_database',
  'message_queue',
] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

/** The kinds of environment; the type decides the suffix of resource names. */
export const ENVIRONMENT_TYPES = [
  'production',
  'staging',
  'development',
  'preview',
] as const;
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];

/** Which estate an operation is about; drivers use it for naming, tagging and logs. */
export interface EstateRef {
  readonly estateId: string;
  readonly estateName: string;
}

export interface ProvisionNetworkInput extends EstateRef {
  readonly provider: Provider;
  readonly region: string;
  /** The estate's IPv4 block, e.g. `10.0.0.0/16`. */
  readonly vpcCidr: string;
  /** Zones in the provider's naming; one subnet is carved for each, in this order. */
  readonly zones: readonly string[];
}

export interface Subnet {
  readonly zone: string;
  readonly cidr: string;
  readonly subnetId: string;
}

/** A started cloud operation: poll its status until the clock passes `readyAt`. */
export interface OperationHandle {
  readonly operationId: string;
  readonly networkId: string;
  /** ISO 8601 instant the operation is expected to finish; a Wait state can use it. */
  readonly readyAt: string;
}

/** What provisioning a network returns; the workflow keeps it in the estate's item. */
export interface NetworkHandle extends OperationHandle {
  readonly subnets: readonly Subnet[];
}

export interface DeprovisionNetworkInput extends EstateRef {
  readonly provider: Provider;
  readonly region: string;
  readonly networkId: string;
}

/** Status polls take the stored handle together with the estate it belongs to. */
export type OperationStatusInput = EstateRef & OperationHandle;

export interface NetworkStatus {
  readonly state: 'pending' | 'ready';
}

export interface DeprovisionStatus {
  readonly state: 'pending' | 'deprovisioned';
}

/**
 * Sizing of a workload, as stored on the service. Every field is optional; the
 * simulated driver's defaults are listed in docs/drivers.md.
 */
export interface WorkloadConfig {
  /** vCPU per replica (container services). */
  readonly cpu?: number;
  /** Memory per replica or per invocation, in MiB. */
  readonly memory_mb?: number;
  readonly replicas?: number;
  /** Database instances (a primary and its replicas). */
  readonly instances?: number;
  readonly storage_gb?: number;
  /** Steady request rate of functions and queues. */
  readonly requests_per_hour?: number;
  /** Mean function invocation time, in milliseconds. */
  readonly duration_ms?: number;
}

export interface CreateWorkloadInput {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly environmentName: string;
  readonly environmentType: EnvironmentType;
  readonly type: WorkloadType;
  readonly config: WorkloadConfig;
}

/** A workload's provider-shaped name, e.g. `ecs/payments-api-prod`. */
export interface WorkloadRef {
  readonly providerResource: string;
}

export interface WorkloadRemoval {
  readonly removedAt: string;
}

export interface RollBatchInput extends WorkloadRef {
  readonly deploymentId: string;
  readonly image: string;
  /** Zero-based index of this batch among `batchCount`. */
  readonly batchIndex: number;
  readonly batchCount: number;
  /** Replicas of the whole service; the batches share them out. */
  readonly replicas: number;
}

export interface BatchRoll {
  /** Replicas moved to the new image by this batch. */
  readonly replicasUpdated: number;
  /** ISO 8601 instant the batch has finished rolling. */
  readonly completedAt: string;
}

export interface ReadHealthInput extends WorkloadRef {
  /** The image now running, e.g. `ghcr.io/apex-digital/payments-api:v2.4.1`. */
  readonly image: string;
}

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface HealthReading {
  /** 0–100, integer. */
  readonly score: number;
  readonly status: HealthStatus;
  /** Share of successful health probes over the last window, 0–1. */
  readonly availability: number;
  /** Share of failed requests over the last window, 0–1. */
  readonly errorRate: number;
}

export interface CollectUsageInput extends WorkloadRef {
  readonly serviceId: string;
  readonly type: WorkloadType;
  readonly config: WorkloadConfig;
  /** ISO 8601 start of the metered interval (inclusive). */
  readonly from: string;
  /** ISO 8601 end of the metered interval (exclusive). */
  readonly to: string;
}

export interface UsageRecord {
  readonly metric: string;
  readonly quantity: number;
  readonly unit: string;
}

export interface UsageReport {
  readonly records: readonly UsageRecord[];
}

/**
 * Everything the platform asks of a cloud. One implementation serves one provider.
 *
 * Every operation is async, takes plain serialisable input and returns plain
 * serialisable output: they run in Step Functions task Lambdas, possibly in
 * different processes, and the workflow stores the handles they return between
 * steps. An implementation must therefore not rely on in-process memory for the
 * correctness of normal operation. Failures are thrown as `TransientDriverError`
 * (retry) or `PermanentDriverError` (give up); anything else is a bug.
 */
export interface CloudDriver {
  /** The provider this driver talks to. */
  readonly provider: Provider;
  /** `simulated`, or the provider name for a real driver. */
  readonly implementation: string;
  /** Starts creating the estate's network: one subnet per zone, carved from the VPC CIDR. */
  readonly provisionNetwork: (input: ProvisionNetworkInput) => Promise<NetworkHandle>;
  /** Whether a network started by `provisionNetwork` is ready. */
  readonly networkStatus: (input: OperationStatusInput) => Promise<NetworkStatus>;
  /** Starts deleting the estate's network. */
  readonly deprovisionNetwork: (
    input: DeprovisionNetworkInput,
  ) => Promise<OperationHandle>;
  /** Whether a deletion started by `deprovisionNetwork` has finished. */
  readonly deprovisionStatus: (input: OperationStatusInput) => Promise<DeprovisionStatus>;
  /** Creates (idempotently) the workload of a service and returns its resource name. */
  readonly createWorkload: (input: CreateWorkloadInput) => Promise<WorkloadRef>;
  /** Deletes a workload created by `createWorkload`. */
  readonly removeWorkload: (input: WorkloadRef) => Promise<WorkloadRemoval>;
  /** Moves one batch of a rolling deployment's replicas to the new image. */
  readonly rollBatch: (input: RollBatchInput) => Promise<BatchRoll>;
  /** Reads the current health of a workload running `image`. */
  readonly readHealth: (input: ReadHealthInput) => Promise<HealthReading>;
  /** Meters what a workload consumed over an interval. */
  readonly collectUsage: (input: CollectUsageInput) => Promise<UsageReport>;
}

/** The operations of a driver, by name, as failure injection and logs refer to them. */
export type DriverOperation = Exclude<keyof CloudDriver, 'provider' | 'implementation'>;

const OPERATION_SET: Readonly<Record<DriverOperation, true>> = {
  provisionNetwork: true,
  networkStatus: true,
  deprovisionNetwork: true,
  deprovisionStatus: true,
  createWorkload: true,
  removeWorkload: true,
  rollBatch: true,
  readHealth: true,
  collectUsage: true,
};

/** Every operation name; the record above makes the compiler keep it complete. */
export const DRIVER_OPERATIONS = Object.keys(OPERATION_SET) as readonly DriverOperation[];

export const isDriverOperation = (name: string): name is DriverOperation =>
  Object.hasOwn(OPERATION_SET, name);
