import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/**
 * A local command's options from its command line; for anything it does not know, the
 * reason and its usage line on stderr and exit 2, rather than a stack trace.
 */
export function readCommandLine<const T extends ParseArgsOptionsConfig>(
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ options });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
