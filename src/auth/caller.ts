import type { Config } from '../config.js';
import { FacadeError } from '../errors/facade-error.js';

export type Operation = keyof Config['auth']['scopes'];

/** Who is calling, as far as the facade knows. `scopes: 'all'` when AUTH_MODE grants everything. */
export interface Caller {
  subject: string | undefined;
  scopes: ReadonlySet<string> | 'all';
}

export const UNRESTRICTED_CALLER: Caller = { subject: undefined, scopes: 'all' };

/** Someone not authenticated where that is allowed (the GraphiQL page): may call no operation. */
export const ANONYMOUS_CALLER: Caller = { subject: undefined, scopes: new Set() };

/** Refuses, before any AWS call, an operation whose scope the caller's token does not carry. */
export function requireScope(caller: Caller, scopes: Config['auth']['scopes'], operation: Operation): void {
  if (caller.scopes === 'all') return;
  const needed = scopes[operation];
  if (!caller.scopes.has(needed)) {
    throw new FacadeError('FORBIDDEN', `This operation needs the scope "${needed}".`, { requestStatus: 403 });
  }
}
