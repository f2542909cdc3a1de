import type { ParametersOf } from '../kinds.ts';
import type { EstateFacts, PolicySubject } from '../subject.ts';
import { fromRegistry } from './registry.ts';

/** The estate's region must be one of the allowed regions for anything placed in it. */
export function checkAllowedRegions(
  parameters: ParametersOf<'allowed_regions'>,
  estate: EstateFacts,
): string | null {
  if (parameters.regions.includes(estate.region)) return null;
  return `Estate ${estate.id} is in ${estate.region}; allowed regions are ${parameters.regions.join(', ')}.`;
}

/** A new service must be of an allowed type. */
export function checkAllowedServiceTypes(
  parameters: ParametersOf<'allowed_service_types'>,
  subject: PolicySubject,
): string | null {
  if (subject.action !== 'create_service') return null;
  if (parameters.types.includes(subject.service.type)) return null;
  return `Service type ${subject.service.type} is not allowed; allowed types are ${parameters.types.join(', ')}.`;
}

/** The image of a new service, or of a deployment, must come from an allowed registry. */
export function checkAllowedImageRegistries(
  parameters: ParametersOf<'allowed_image_registries'>,
  subject: PolicySubject,
): string | null {
  const image =
    subject.action === 'create_deployment'
      ? subject.image
      : subject.action === 'create_service'
        ? subject.service.image
        : null;
  if (image === null || fromRegistry(image, parameters.registries)) return null;
  return `Image ${image} is not from an allowed registry (${parameters.registries.join(', ')}).`;
}

/** The estate must carry every required project tag. */
export function checkRequiredProjectTags(
  parameters: ParametersOf<'required_project_tags'>,
  estate: EstateFacts,
): string | null {
  const missing = parameters.tags.filter((tag) => !estate.project_tags.includes(tag));
  if (missing.length === 0) return null;
  return `Estate ${estate.id} lacks the project tags ${missing.join(', ')}.`;
}

/** A new service must not take its environment past the maximum. */
export function checkMaxServices(
  parameters: ParametersOf<'max_services_per_environment'>,
  subject: PolicySubject,
): string | null {
  if (subject.action !== 'create_service') return null;
  const { environment } = subject;
  const types = parameters.environment_types;
  if (types && !types.includes(environment.type)) return null;
  if (environment.service_count < parameters.max) return null;
  return `Environment ${environment.name} already has ${environment.service_count} services; at most ${parameters.max} are allowed.`;
}
