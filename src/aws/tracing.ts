import { Tracer } from '@aws-lambda-powertools/tracer';
import type { AwsClients } from './clients.js';

/**
 * X-Ray: one subsegment per AWS call (Powertools Tracer's SDK v3 middleware on both clients).
 * Loaded with a dynamic import only where tracing is on (src/lambda.ts), so the X-Ray SDK stays off
 * the start-up path otherwise. Node's http/https are not patched: the SDK call's own subsegment
 * already covers its HTTP attempts, and patching would add a duplicate per attempt.
 */
export function traceAwsClients(clients: AwsClients, serviceName: string): Tracer {
  const tracer = new Tracer({ serviceName, captureHTTPsRequests: false });
  tracer.captureAWSv3Client(clients.partnerCentral);
  tracer.captureAWSv3Client(clients.marketplace);
  return tracer;
}
