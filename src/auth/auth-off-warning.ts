import type { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from '../config.js';

/** Said once at start, by whichever host builds the app: with AUTH_MODE=none nobody is authenticated. */
export function warnIfAuthOff(config: Config, logger: Logger): void {
  if (config.auth.mode !== 'none') return;
  logger.warn('AUTH_MODE=none: authentication is OFF, every caller may call every operation', {
    runtime: config.runtime,
  });
}
