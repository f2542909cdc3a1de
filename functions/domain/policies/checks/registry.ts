/** A registry is named when the first part has a dot or a port, or is localhost. */
const looksLikeHost = (part: string) =>
  part === 'localhost' || part.includes('.') || part.includes(':');

/**
 * The image's repository with its registry spelled out, without tag or digest:
 * `payments-api:v1` is `docker.io/library/payments-api`, as Docker reads it.
 */
export function repositoryOf(image: string): string {
  const [named = ''] = image.split('@');
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const repository = colon > slash ? named.slice(0, colon) : named;
  const parts = repository.split('/');
  if (parts.length > 1 && looksLikeHost(parts[0] ?? '')) return repository;
  return parts.length === 1
    ? `docker.io/library/${repository}`
    : `docker.io/${repository}`;
}

/** Whether an image comes from one of the registries (a host, or a host and path prefix). */
export function fromRegistry(image: string, registries: readonly string[]): boolean {
  const repository = repositoryOf(image);
  return registries.some(
    (registry) => repository === registry || repository.startsWith(`${registry}/`),
  );
}
