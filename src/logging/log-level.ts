import { type Logger, LogLevelThreshold } from '@aws-lambda-powertools/logger';

/**
 * Whether `logger` prints lines of `level` now (its level may change per invocation: Powertools'
 * debug sampling). Asked before calling it: Powertools reads the X-Ray trace id from the
 * environment and its attribute stores before its own level check, and environment reads are
 * slow here (~24 µs a request in the profile for yoga's unprinted debug lines). Powertools' log
 * buffering would want the call anyway; it is not enabled in this project.
 */
export function prints(logger: Logger, level: keyof typeof LogLevelThreshold): boolean {
  return logger.level <= LogLevelThreshold[level];
}
