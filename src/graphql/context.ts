import type { Caller } from '../auth/caller.js';
import type { ChangeSets } from '../aws/change-sets.js';
import type { ResourceSnapshots } from '../aws/resource-snapshots.js';
import type { Config } from '../config.js';
import type { Upstream } from '../operations/operation.js';

/** What each resolver gets: dependencies travel per request, never as module singletons. */
export interface RequestContext {
  requestId: string;
  caller: Caller;
  scopes: Config['auth']['scopes'];
  resourceSnapshots: ResourceSnapshots;
  changeSets: ChangeSets;
  /** For the operations of src/operations/. */
  upstream: Upstream;
}
