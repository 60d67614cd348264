import type { Invocation } from '../operations/invoke-operation.js';

/**
 * What each resolver gets: an operation's invocation (caller, scopes, upstream, metrics) and the
 * request's id. Dependencies travel per request, never as module singletons.
 */
export interface RequestContext extends Invocation {
  requestId: string;
}
