import { Logger } from '@aws-lambda-powertools/logger';

/** The one logger every function uses: JSON lines, service name from env. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'platforms-infrastructure-api',
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO') as 'INFO',
});
