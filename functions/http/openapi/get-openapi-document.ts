import type {
  APIGatewayProxyEventV2 as Event,
  APIGatewayProxyStructuredResultV2 as Result,
} from 'aws-lambda';
import type { RouteDoc } from '../../openapi/route-doc.ts';

const spec = { summary: 'Get this OpenAPI document' } satisfies RouteDoc;

/**
 * GET /v1/openapi.json — the API's OpenAPI document, without a token. It serves
 * docs/openapi.json, which `npm run openapi` writes from the route specs (a test fails
 * when the file is stale); bundling the file keeps every handler out of this function.
 */
export const handler = Object.assign(
  async (event: Event): Promise<Result> => {
    const document = await import('../../../docs/openapi.json', {
      with: { type: 'json' },
    });
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/json',
        'cache-control': 'public, max-age=300',
        'x-request-id': event.requestContext?.requestId ?? 'unknown',
      },
      body: JSON.stringify(document.default),
    };
  },
  { spec },
);
