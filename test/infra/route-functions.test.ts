import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes.ts';
import {
  actionsOf,
  functionEntries,
  functionFor,
  onlyLogicalId,
  resourceById,
} from './support/resources.ts';
import { templateFor } from './support/synth.ts';

const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
const readRoutes = ROUTES.filter((route) => !route.grants.includes('table:write'));
const writeRoutes = ROUTES.filter((route) => route.grants.includes('table:write'));
const routeEntries: readonly unknown[] = ROUTES.map((route) => route.entry);

describe('RouteFunctions', () => {
  it('creates one function per route', () => {
    const template = templateFor();

    const entries = [...functionEntries(template).values()];

    expect(entries.filter((entry) => routeEntries.includes(entry)).sort()).toEqual(
      [...routeEntries].sort(),
    );
  });

  it.each(ROUTES)('runs $name on Node.js 26 on arm64', (route) => {
    const fn = functionFor(templateFor(), route.entry);

    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs26.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
      TracingConfig: { Mode: 'Active' },
    });
  });

  it.each(ROUTES)('gives $name the table, the cursor key and its settings', (route) => {
    const template = templateFor();
    const table = onlyLogicalId(template, 'AWS::DynamoDB::Table');
    const secret = onlyLogicalId(template, 'AWS::SecretsManager::Secret');

    const fn = functionFor(template, route.entry);

    expect(fn.Properties?.Environment).toEqual({
      Variables: {
        TABLE_NAME: { Ref: table },
        CURSOR_SIGNING_KEY: {
          'Fn::Join': [
            '',
            ['{{resolve:secretsmanager:', { Ref: secret }, ':SecretString:::}}'],
          ],
        },
        WORKSPACE_RATE_LIMIT_PER_MINUTE: '600',
        POWERTOOLS_SERVICE_NAME: 'platforms-infrastructure-api',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
  });

  it.each(ROUTES)('keeps the logs of $name for a month in its own log group', (route) => {
    const template = templateFor();

    const fn = functionFor(template, route.entry);

    const logging = fn.Properties?.LoggingConfig as { LogGroup: { Ref: string } };
    expect(resourceById(template, logging.LogGroup.Ref)).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
    });
  });

  it.each(readRoutes)('lets $name read the table but not write it', (route) => {
    const actions = actionsOf(templateFor(), route.entry, { unconditional: true });

    expect(actions).toContain('dynamodb:Query');
    expect(actions.filter((action) => WRITE_ACTIONS.includes(action))).toEqual([]);
  });

  it.each(readRoutes.filter((route) => route.authorized))(
    'lets $name update only rate-limit counters',
    (route) => {
      const template = templateFor();

      const all = actionsOf(template, route.entry);
      const unconditional = actionsOf(template, route.entry, { unconditional: true });

      expect(all.filter((action) => !unconditional.includes(action))).toEqual([
        'dynamodb:UpdateItem',
      ]);
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: 'dynamodb:UpdateItem',
              Condition: {
                'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATELIMIT#*'] },
              },
            }),
          ]),
        },
      });
    },
  );

  it.each(ROUTES.filter((route) => !route.authorized))(
    'gives the public $name no write at all, not even rate-limit counters',
    (route) => {
      const actions = actionsOf(templateFor(), route.entry);

      expect(actions.filter((action) => WRITE_ACTIONS.includes(action))).toEqual([]);
    },
  );

  it.each(writeRoutes)('lets $name write the table', (route) => {
    const actions = actionsOf(templateFor(), route.entry);

    expect(actions).toEqual(expect.arrayContaining(WRITE_ACTIONS));
  });

  it('gives no function the basic execution managed policy', () => {
    const template = templateFor();

    const roles = template.findResources('AWS::IAM::Role', {
      Properties: { ManagedPolicyArns: Match.anyValue() },
    });

    expect(roles).toEqual({});
  });
});
