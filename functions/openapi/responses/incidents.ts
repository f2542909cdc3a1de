import * as z from 'zod/mini';
import {
  IncidentResponse,
  IncidentSchema,
} from '../../domain/incidents/incident-schema.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The success responses of the incident routes (functions/http/incidents/). */
export const INCIDENT_RESPONSES: ResponsesByRoute = {
  ListIncidents: {
    200: z.object({
      data: z.array(IncidentSchema),
      next_cursor: z.nullable(z.string()),
    }),
  },
  GetIncident: { 200: IncidentResponse },
  AcknowledgeIncident: { 200: IncidentResponse },
  ResolveIncident: { 200: IncidentResponse },
};
