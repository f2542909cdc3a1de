import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/store/client.ts';

interface Sent {
  readonly name: string;
  readonly input: unknown;
}

const sent: Sent[] = [];
let recording = false;
let installed = false;

function recordOn(client: DynamoDBDocumentClient, name: string) {
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (recording) sent.push({ name: String(context.commandName), input: args.input });
      return next(args);
    },
    { step: 'initialize', name },
  );
}

/**
 * The DynamoDB commands the store's clients send while `act` runs, in order (each
 * once, however often the SDK retried it). The workspace rate limit is switched off
 * meanwhile: its call is the same for every route and has tests of its own.
 */
async function recorded(act: () => Promise<unknown>): Promise<Sent[]> {
  if (!installed) {
    recordOn(documentClient, 'testCountCommands');
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

/** The names of the DynamoDB commands sent while `act` runs, in order. */
export async function commandsSent(act: () => Promise<unknown>): Promise<string[]> {
  return (await recorded(act)).map((command) => command.name);
}

/** One item of a transaction as the document client sends it. */
export type SentTransactItem = Readonly<
  Record<
    string,
    | { readonly Item?: Record<string, unknown>; readonly Key?: Record<string, unknown> }
    | undefined
  >
>;

/** The items of every transaction sent while `act` runs, one list per transaction. */
export async function transactionsSent(
  act: () => Promise<unknown>,
): Promise<SentTransactItem[][]> {
  return (await recorded(act))
    .filter((command) => command.name === 'TransactWriteItemsCommand')
    .map(
      (command) => (command.input as { TransactItems: SentTransactItem[] }).TransactItems,
    );
}

/** The items a transaction puts, whatever else it does. */
export const putItems = (transaction: readonly SentTransactItem[]) =>
  transaction.flatMap((item) => (item.Put?.Item ? [item.Put.Item] : []));

/** The workflow starts a transaction puts, as `[workflow, execution name, input]`. */
export const startsPut = (transaction: readonly SentTransactItem[]) =>
  putItems(transaction)
    .filter((item) => item.entity === 'workflow_start')
    .map((item) => [item.workflow, item.execution_name, JSON.parse(String(item.input))]);
