import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { lambdaContext } from './lambda-context.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** The error a caller of Lambda sees when the function threw: same name and message. */
export class FunctionError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * A local stand-in for a Lambda function: loads its handler module once and invokes
 * it with a JSON round-trip of the payload, so nothing passes by reference. A thrown
 * error comes back with the function's error type as its name, as Lambda reports it.
 */
export function localFunction(
  root: string,
  entry: string,
  name: string,
  timeoutMs = 60_000,
) {
  let loaded: Promise<Handler> | undefined;
  const load = () => {
    loaded ??= import(resolve(root, entry)).then((module: { handler?: Handler }) => {
      if (typeof module.handler !== 'function')
        throw new Error(`${entry} exports no handler`);
      return module.handler;
    });
    return loaded;
  };
  return async (payload: unknown): Promise<unknown> => {
    const handler = await load();
    const event: unknown = JSON.parse(JSON.stringify(payload ?? null));
    try {
      const result = await handler(event, lambdaContext(name, randomUUID(), timeoutMs));
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (error) {
      if (!(error instanceof Error)) throw new FunctionError('Error', String(error));
      throw new FunctionError(error.name, error.message);
    }
  };
}
