// Runs in its own process against DynamoDB Local: invokes the create, get and list
// handlers of estates, environments and services (source modules, in process) and
// counts the DynamoDB commands each invocation sends, by a middleware on the stack of
// the functions' document client.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResponse } from '../../functions/platform/http.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { ensureTable } from '../../infra/local/table-setup.ts';
import { environmentBody, serviceBody } from '../../test/support/factories.ts';
import {
  ESTATE_BODY,
  ESTATES_PATH,
  gatewayEvent,
  WORKSPACE_ID,
} from '../fixtures/requests.ts';

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResponse>;

const setup = new DynamoDBClient({});
await ensureTable(setup, process.env.TABLE_NAME ?? '');
setup.destroy();

const { documentClient } = await import('../../functions/store/client.ts');
const sent: string[] = [];
// The functions' one DynamoDB client: every call they make passes here.
documentClient.middlewareStack.add(
  (next, context) => (args) => {
    sent.push(String(context.commandName));
    return next(args);
  },
  { step: 'initialize', name: 'benchCountCommands' },
);

const load = async (entry: string) =>
  ((await import(`../../${entry}`)) as { handler: Handler }).handler;
const create = await load('functions/http/estates/create-estate.ts');
const get = await load('functions/http/estates/get-estate.ts');
const list = await load('functions/http/estates/list-estates.ts');
const createEnvironment = await load('functions/http/environments/create-environment.ts');
const listEnvironments = await load('functions/http/environments/list-environments.ts');
const createService = await load('functions/http/services/create-service.ts');
const listServices = await load('functions/http/services/list-services.ts');

/** The ID a create answered, or a failure naming what it answered instead. */
function idOf(invocation: {
  name: string;
  status: number | undefined;
  body?: string | undefined;
}) {
  const id = (JSON.parse(invocation.body ?? '{}') as { data?: { id?: string } }).data?.id;
  if (!id)
    throw new Error(
      `${invocation.name} answered ${invocation.status}: ${invocation.body}`,
    );
  return id;
}

async function counted(name: string, handler: Handler, event: HttpEvent) {
  sent.length = 0;
  const response = await handler(event, lambdaContext(name, 'bench', 10_000));
  return {
    name,
    event,
    status: response.statusCode,
    commands: [...sent],
    body: response.body,
  };
}

const created = await counted(
  'POST estate',
  create,
  gatewayEvent('POST', ESTATES_PATH, ESTATES_PATH, { body: ESTATE_BODY }),
);
const estateId = (JSON.parse(created.body ?? '{}') as { data?: { id?: string } }).data
  ?.id;
if (!estateId)
  throw new Error(`create-estate answered ${created.status}: ${created.body}`);
const got = await counted(
  'GET estate',
  get,
  gatewayEvent('GET', `${ESTATES_PATH}/${estateId}`, `${ESTATES_PATH}/{id}`, {
    pathParameters: { id: estateId },
  }),
);
const listed = await counted(
  'list estates',
  list,
  gatewayEvent('GET', `${ESTATES_PATH}?workspace_id=${WORKSPACE_ID}`, ESTATES_PATH),
);

// Environments and services need an active estate: provisioning is the workflows'
// part, which this probe does not run, so it marks the estate active itself.
await documentClient.send(
  new UpdateCommand({
    TableName: process.env.TABLE_NAME,
    Key: { pk: `ESTATE#${estateId}`, sk: 'ESTATE' },
    UpdateExpression: 'SET #status = :active',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':active': 'active' },
  }),
);
const ENVIRONMENTS_PATH = '/v1/infrastructure/environments';
const SERVICES_PATH = '/v1/infrastructure/services';
const environment = await counted(
  'POST environment',
  createEnvironment,
  gatewayEvent('POST', ENVIRONMENTS_PATH, ENVIRONMENTS_PATH, {
    body: environmentBody(estateId),
  }),
);
const environmentId = idOf(environment);
const service = await counted(
  'POST service',
  createService,
  gatewayEvent('POST', SERVICES_PATH, SERVICES_PATH, {
    body: serviceBody(environmentId),
  }),
);
idOf(service);
const environments = await counted(
  'list environments',
  listEnvironments,
  gatewayEvent('GET', `${ENVIRONMENTS_PATH}?estate_id=${estateId}`, ENVIRONMENTS_PATH),
);
const services = await counted(
  'list services',
  listServices,
  gatewayEvent('GET', `${SERVICES_PATH}?environment_id=${environmentId}`, SERVICES_PATH),
);

// The same read repeated: the rate limiter reports its local count to DynamoDB in
// batches, so a few of these carry a second call; the average shows how many.
const SUSTAINED = 500;
let sustainedCommands = 0;
let rateLimitReports = 0;
for (let index = 0; index < SUSTAINED; index += 1) {
  const again = await counted('GET estate', get, got.event);
  if (again.status !== 200) throw new Error(`GET estate answered ${again.status}`);
  sustainedCommands += again.commands.length;
  rateLimitReports += again.commands.filter((c) => c === 'UpdateItemCommand').length;
}
documentClient.destroy();
process.send?.({
  estateId,
  invocations: [created, got, listed, environment, service, environments, services].map(
    ({ name, status, commands }) => ({
      name,
      status,
      commands,
    }),
  ),
  sustained: { requests: SUSTAINED, commands: sustainedCommands, rateLimitReports },
});
