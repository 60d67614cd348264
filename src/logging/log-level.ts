import { type Logger, LogLevelThreshold } from '@aws-lambda-powertools/logger';

/**
 * Whether `logger` prints lines of `level` now (its level may change per invocation: Powertools'
 * debug sampling). Asked before a line is built: Powertools builds each line (the X-Ray trace id
 * from the environment, its attribute stores) before its own level check, ~25 µs a request on the
 * build machine for yoga's unprinted debug lines alone.
 */
export function prints(logger: Logger, level: keyof typeof LogLevelThreshold): boolean {
  return logger.level <= LogLevelThreshold[level];
}
