import { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from '../config.js';

/**
 * Structured JSON logs (Powertools); the same logger locally and on Lambda. The service name is
 * POWERTOOLS_SERVICE_NAME (default aws-partner-facade) and the level LOG_LEVEL, else
 * POWERTOOLS_LOG_LEVEL (src/config.ts); Lambda's own log-level control still wins, as Powertools does.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'observability'>>,
): Logger {
  return new Logger({
    serviceName: config.observability?.serviceName ?? 'aws-partner-facade',
    logLevel: config.logLevel,
  });
}
