import { type CallSite, translateAwsError } from './translate-error.js';

/**
 * Every AWS call goes through here: one deadline over all of the SDK's attempts (so an answer
 * always beats API Gateway's 29 s), and one translation of whatever goes wrong.
 */
export async function callAws<Out>(
  site: CallSite,
  deadlineMs: number,
  send: (options: { abortSignal: AbortSignal }) => Promise<Out>,
): Promise<Out> {
  try {
    return await send({ abortSignal: AbortSignal.timeout(deadlineMs) });
  } catch (error) {
    throw translateAwsError(error, site);
  }
}
