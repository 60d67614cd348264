import { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from '../config.js';

export const SERVICE_NAME = 'aws-partner-facade';

/** Structured JSON logs (Powertools); the same logger locally and on Lambda. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return new Logger({ serviceName: SERVICE_NAME, logLevel: config.logLevel });
}
