import type { Provider } from '../estates/regions.ts';

/**
 * Published list prices in nano-dollars (1e-9 USD) per unit, on demand, for each
 * provider's reference region (AWS us-east-1, GCP us-central1, Azure eastus), keyed
 * `<service type>.<metric>`. docs/costs.md names the product each stands for, the
 * source and the date it was read, and says plainly which could not be verified.
 */
export const LIST_PRICES: Readonly<Record<Provider, Readonly<Record<string, bigint>>>> = {
  aws: {
    // Fargate, Linux/x86: $0.04048 per vCPU-hour, $0.004445 per GB-hour.
    'container_service.vcpu_hours': 40_480_000n,
    'container_service.memory_gb_hours': 4_445_000n,
    // Lambda: $0.20 per million requests, $0.00001667 per GB-second.
    'serverless_function.requests': 200n,
    'serverless_function.compute_gb_seconds': 16_670n,
    // RDS for PostgreSQL db.t4g.medium single-AZ, gp3 storage $0.115 per GB-month.
    'managed_database.instance_hours': 65_000_000n,
    'managed_database.storage_gb_hours': 157_534n,
    // SQS standard: $0.40 per million requests.
    'message_queue.requests': 400n,
  },
  gcp: {
    // Cloud Run, request-based billing, tier 1: $0.000024 per vCPU-second and
    // $0.0000025 per GiB-second, as hours.
    'container_service.vcpu_hours': 86_400_000n,
    'container_service.memory_gb_hours': 9_000_000n,
    // Cloud Run functions: $0.40 per million invocations, $0.0000025 per GiB-second.
    'serverless_function.requests': 400n,
    'serverless_function.compute_gb_seconds': 2_500n,
    // Cloud SQL for PostgreSQL, 1 vCPU / 3.75 GB, SSD storage $0.17 per GB-month.
    'managed_database.instance_hours': 82_200_000n,
    'managed_database.storage_gb_hours': 232_877n,
    // Pub/Sub: $40 per TiB, each request counted at the 1 KB minimum.
    'message_queue.requests': 37n,
  },
  azure: {
    // Container Apps consumption, active: $0.000024 per vCPU-second, $0.000003 per GiB-second.
    'container_service.vcpu_hours': 86_400_000n,
    'container_service.memory_gb_hours': 10_800_000n,
    // Functions consumption: $0.20 per million executions, $0.000016 per GB-second.
    'serverless_function.requests': 200n,
    'serverless_function.compute_gb_seconds': 16_000n,
    // Database for PostgreSQL flexible server, Burstable B2s; storage $0.115 per GB-month.
    'managed_database.instance_hours': 68_000_000n,
    'managed_database.storage_gb_hours': 157_534n,
    // Service Bus standard: $0.80 per million operations (the base charge is left out).
    'message_queue.requests': 800n,
  },
};

/**
 * Region multipliers in basis points (10000 = the reference region's price). They
 * are estimates from the providers' regional price differences, not published
 * figures; docs/costs.md says so. A region not listed uses FALLBACK_BASIS_POINTS.
 */
export const REGION_BASIS_POINTS: Readonly<
  Record<Provider, Readonly<Record<string, number>>>
> = {
  aws: {
    'us-east-1': 10_000,
    'us-east-2': 10_000,
    'us-west-2': 10_000,
    'us-west-1': 11_200,
    'ca-central-1': 11_000,
    'eu-west-1': 10_800,
    'eu-west-2': 11_300,
    'eu-central-1': 11_500,
    'eu-north-1': 10_500,
    'ap-southeast-1': 12_000,
    'ap-southeast-2': 12_200,
    'ap-northeast-1': 12_400,
    'ap-south-1': 10_500,
    'sa-east-1': 15_500,
  },
  gcp: {
    'us-central1': 10_000,
    'us-east1': 10_000,
    'us-east4': 11_300,
    'us-west1': 10_000,
    'europe-west1': 10_000,
    'europe-west2': 12_000,
    'europe-west3': 12_000,
    'europe-west4': 11_000,
    'asia-northeast1': 12_800,
    'asia-southeast1': 12_300,
    'australia-southeast1': 14_000,
  },
  azure: {
    eastus: 10_000,
    eastus2: 10_000,
    centralus: 10_500,
    westus2: 10_000,
    westus3: 10_000,
    northeurope: 10_700,
    westeurope: 11_000,
    uksouth: 11_500,
    germanywestcentral: 11_500,
    japaneast: 12_500,
    australiaeast: 13_000,
  },
};

/** The multiplier of a region no table lists: a conservative 1.15. */
export const FALLBACK_BASIS_POINTS = 11_500;
