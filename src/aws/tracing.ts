import { Tracer } from '@aws-lambda-powertools/tracer';
import type { AwsClients } from './clients.js';

export interface AwsTracing {
  tracer: Tracer;
  /**
   * Runs `work` (the init warm-up) with its AWS calls untraced and unreported: Lambda's init has
   * no trace, and the X-Ray SDK would log "Missing AWS Lambda trace data" with a stack for each.
   */
  untraced<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * X-Ray: one subsegment per AWS call (Powertools Tracer's SDK v3 middleware on both clients).
 * Loaded with a dynamic import only where tracing is on (src/lambda.ts), so the X-Ray SDK stays off
 * the start-up path otherwise. Node's http/https are not patched: the SDK call's own subsegment
 * already covers its HTTP attempts, and patching would add a duplicate per attempt.
 */
export function traceAwsClients(clients: AwsClients, serviceName: string): AwsTracing {
  const tracer = new Tracer({ serviceName, captureHTTPsRequests: false });
  tracer.captureAWSv3Client(clients.partnerCentral);
  tracer.captureAWSv3Client(clients.marketplace);
  return {
    tracer,
    async untraced(work) {
      // Both calls are no-ops where AWS_XRAY_CONTEXT_MISSING is set: the X-Ray SDK then keeps that.
      tracer.provider.setContextMissingStrategy(() => undefined);
      try {
        return await work();
      } finally {
        // The X-Ray SDK's default.
        tracer.provider.setContextMissingStrategy('LOG_ERROR');
      }
    },
  };
}
