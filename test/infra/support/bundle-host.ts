// Runs in a process of its own, as a Lambda execution environment does: imports one
// bundled handler (the init phase), then invokes it for each event the parent sends
// and sends back what it returned or the error it threw.
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { lambdaContext } from '../../../infra/local/lambda-context.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const file = process.argv[2];
const send = process.send?.bind(process);
if (!file || !send)
  throw new Error('fork bundle-host.ts with an IPC channel and <bundle>');
const { handler } = (await import(pathToFileURL(file).href)) as { handler: Handler };

process.on('message', async ({ id, event }: { id: number; event: unknown }) => {
  try {
    const result = await handler(event, lambdaContext('bundled', `invoke-${id}`, 10_000));
    send({ id, result });
  } catch (error) {
    send({ id, error: error instanceof Error ? (error.stack ?? error.message) : error });
  }
});
send({ ready: true });
