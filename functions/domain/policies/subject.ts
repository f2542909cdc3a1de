import type {
  EnvironmentType,
  HealthStatus,
  WorkloadType,
} from '../../drivers/driver.ts';

/** What an estate contributes to a verdict. */
export interface EstateFacts {
  readonly id: string;
  readonly region: string;
  readonly project_tags: readonly string[];
  /** Month-to-date cost in micro-dollars, as metering has added it up. */
  readonly cost_mtd_micros?: number | undefined;
}

/** The environment something is created in or deployed to. */
export interface EnvironmentFacts {
  readonly id?: string;
  readonly name: string;
  readonly type: EnvironmentType;
  /** Services the environment holds before this change. */
  readonly service_count: number;
}

/** What a policy is asked about: one change about to be made to an estate. */
export type PolicySubject =
  | { readonly action: 'create_environment'; readonly environment: EnvironmentFacts }
  | {
      readonly action: 'create_service';
      readonly environment: EnvironmentFacts;
      readonly service: { readonly type: WorkloadType; readonly image: string | null };
    }
  | {
      readonly action: 'create_deployment';
      readonly environment: EnvironmentFacts;
      readonly service: { readonly id: string; readonly type: WorkloadType };
      readonly image: string;
    };

export type PolicyAction = PolicySubject['action'];

/** The last success of an image in an environment type of the estate. */
export interface PromotionFact {
  readonly succeeded_at: string;
  readonly environment_id: string;
  readonly service_id: string;
  /** The health of that service now (`unknown` while it has no workload); null when it is gone. */
  readonly service_health: HealthStatus | 'unknown' | null;
}

/** Facts read from the table for the policies that need them. */
export interface PolicyFacts {
  readonly now: Date;
  /** Per environment type: the image's last success there, or null for none. */
  readonly promotions: Partial<Record<EnvironmentType, PromotionFact | null>>;
}
