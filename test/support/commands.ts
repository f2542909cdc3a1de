import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/store/client.ts';

const sent: string[] = [];
let recording = false;
let installed = false;

function countOn(client: DynamoDBDocumentClient, name: string) {
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (recording) sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name },
  );
}

/**
 * The DynamoDB commands the store's clients send while `act` runs, by name, in
 * order (each once, however often the SDK retried it). The workspace rate limit
 * is switched off meanwhile: its call is the same for every route and has tests
 * of its own.
 */
export async function commandsSent(act: () => Promise<unknown>): Promise<string[]> {
  if (!installed) {
    countOn(documentClient, 'testCountCommands');
    installed = true;
  }
  const limit = process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE;
  process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE = '0';
  sent.length = 0;
  recording = true;
  try {
    await act();
    return [...sent];
  } finally {
    recording = false;
    if (limit === undefined) delete process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE;
    else process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE = limit;
  }
}
