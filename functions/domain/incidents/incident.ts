import { platformId } from '../common.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Statuses in which an incident still counts against health and blocks a duplicate. */
export const UNRESOLVED: readonly IncidentStatus[] = ['open', 'acknowledged'];

/** Why an incident opened; one unresolved incident per resource and cause. */
export const CAUSES = [
  'estate_failed',
  'service_failed',
  'deployment_failed',
  'service_unhealthy',
] as const;
export type Cause = (typeof CAUSES)[number];

export const IncidentId = platformId('INFINC');

export interface AffectedResource {
  readonly type: 'estate' | 'environment' | 'service' | 'deployment';
  readonly id: string;
}

/** A deployment or policy change on the affected resources shortly before opening. */
export interface SuspectedChange {
  readonly kind: 'deployment' | 'policy';
  readonly id: string;
  /** The latest event of the change within the window, e.g. infrastructure.deployment.rolled_back. */
  readonly last_event: string;
  readonly at: string;
}

/** An incident as stored and shown. */
export interface Incident {
  readonly id: string;
  readonly type: 'infrastructure_failure';
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly service_line_id: string | null;
  readonly environment_id: string | null;
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly title: string;
  readonly cause: {
    readonly code: Cause;
    /** The resource the cause is about; with the code, the dedupe key. */
    readonly resource_id: string;
    readonly detail: string | null;
    /** The platform event that opened the incident, if one did. */
    readonly event_id: string | null;
  };
  readonly affected_resources: readonly AffectedResource[];
  readonly suspected_changes: readonly SuspectedChange[];
  readonly opened_at: string;
  readonly acknowledged_at: string | null;
  readonly acknowledged_by: string | null;
  readonly resolved_at: string | null;
  /** A user's subject, or `platform` when the cause cleared by itself. */
  readonly resolved_by: string | null;
  readonly resolution: string | null;
  readonly version: number;
}
