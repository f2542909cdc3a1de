import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

// Point the SDK at DynamoDB Local the same way the local runtime does, before any
// module under test creates a client. Each test file gets its own table name.
Object.assign(process.env, {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
  TABLE_NAME: `test-${randomBytes(4).toString('hex')}`,
  CURSOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  // Simulated clouds answer in milliseconds rather than seconds in tests.
  SIM_TIME_SCALE: process.env.SIM_TIME_SCALE ?? '0.01',
});
