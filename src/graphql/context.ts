import type { Caller } from '../auth/caller.js';
import type { Config } from '../config.js';
import type { Upstream } from '../operations/operation.js';

/** What each resolver gets: dependencies travel per request, never as module singletons. */
export interface RequestContext {
  requestId: string;
  caller: Caller;
  scopes: Config['auth']['scopes'];
  /** What the operations of src/operations/ call AWS with. */
  upstream: Upstream;
}
