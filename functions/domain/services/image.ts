/** Longest image reference accepted, as registries commonly cap it. */
export const MAX_IMAGE_LENGTH = 512;

const HOST =
  /^(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::\d{1,5})?$/i;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export type ImageProblem =
  | 'too_long'
  | 'bad_registry'
  | 'bad_repository'
  | 'bad_tag'
  | 'bad_digest'
  | 'unpinned';

/** A registry is named when the first part has a dot or a port, or is localhost. */
const looksLikeHost = (part: string) =>
  part === 'localhost' || part.includes('.') || part.includes(':');

/**
 * Checks an OCI image reference, `[registry[:port]/]repository[:tag][@sha256:digest]`,
 * such as `ghcr.io/apex-digital/payments-api:v2.4.1`. The reference must pin a tag or
 * a digest: an implied `latest` would make deployments unrepeatable.
 * Returns what is wrong, or null.
 */
export function checkImageReference(reference: string): ImageProblem | null {
  if (reference.length > MAX_IMAGE_LENGTH) return 'too_long';
  const [named = '', digest, ...rest] = reference.split('@');
  if (rest.length > 0 || (digest !== undefined && !DIGEST.test(digest)))
    return 'bad_digest';
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  const path = (colon > slash ? named.slice(0, colon) : named).split('/');
  if (tag !== undefined && !TAG.test(tag)) return 'bad_tag';
  if (path.length > 1 && looksLikeHost(path[0] ?? '')) {
    if (!HOST.test(path.shift() ?? '')) return 'bad_registry';
  }
  if (!path.every((part) => COMPONENT.test(part))) return 'bad_repository';
  if (tag === undefined && digest === undefined) return 'unpinned';
  return null;
}

export const IMAGE_MESSAGES: Readonly<Record<ImageProblem, string>> = {
  too_long: `An image reference has at most ${MAX_IMAGE_LENGTH} characters.`,
  bad_registry:
    'The registry must be a host name with an optional port, such as ghcr.io.',
  bad_repository:
    'The repository must be lower-case path parts, such as apex-digital/payments-api.',
  bad_tag: 'A tag has 1–128 letters, digits, underscores, dots and hyphens.',
  bad_digest: 'A digest is sha256: followed by 64 lower-case hex digits.',
  unpinned:
    'Pin the image with a tag or a digest, such as ghcr.io/apex-digital/payments-api:v2.4.1.',
};
