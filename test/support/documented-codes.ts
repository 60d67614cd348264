import { ERROR_HTTP_STATUS } from '../../src/errors/error-codes.js';

/** Every error code a client may see for a request that is not a bug: all of them but the masked one. */
export const DOCUMENTED_CODES: ReadonlySet<string> = new Set(
  Object.keys(ERROR_HTTP_STATUS).filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
);
