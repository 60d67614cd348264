import type { Logger } from '@aws-lambda-powertools/logger';
import type {
  AbsoluteLocation,
  DeserializeHandlerOptions,
  DeserializeMiddleware,
  MetadataBearer,
} from '@smithy/types';
import { prints } from '../logging/log-level.js';

interface SdkFailure {
  name?: string;
  code?: string;
  $metadata?: MetadataBearer['$metadata'];
}

/** Wraps the deserializer, so it runs once per HTTP attempt (inside the retry loop) and sees AWS's ids. */
export const REQUEST_ID_LOGGING: DeserializeHandlerOptions & AbsoluteLocation = {
  step: 'deserialize',
  priority: 'high',
  name: 'facadeRequestIdLogging',
  override: true,
};

/**
 * One log line per upstream HTTP attempt with AWS's request id, status and duration, so a facade
 * request can be matched with AWS's side (support cases, CloudTrail). Input, output and error
 * messages are never logged: they may carry customer data.
 */
export function requestIdLogging(logger: Logger): DeserializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const started = performance.now();
    const call = {
      awsService: context.clientName?.replace(/Client$/, ''),
      awsOperation: context.commandName?.replace(/Command$/, ''),
    };
    try {
      const result = await next(args);
      if (!prints(logger, 'INFO')) return result;
      const meta = result.output?.$metadata;
      logger.info('AWS call', {
        ...call,
        awsRequestId: meta?.requestId,
        httpStatusCode: meta?.httpStatusCode,
        durationMs: Math.round(performance.now() - started),
      });
      return result;
    } catch (error) {
      const failure = (typeof error === 'object' && error !== null ? error : {}) as SdkFailure;
      logger.warn('AWS call failed', {
        ...call,
        awsRequestId: failure.$metadata?.requestId,
        httpStatusCode: failure.$metadata?.httpStatusCode,
        errorName: failure.name,
        errorCode: failure.code,
        durationMs: Math.round(performance.now() - started),
      });
      throw error;
    }
  };
}
