import type { IncomingHttpHeaders } from 'node:http';
import { MARKETPLACE_OPERATIONS, PARTNER_CENTRAL_OPERATIONS } from './options.js';
import type { Protocol } from './wire.js';

export type Route =
  | { known: true; protocol: Protocol; operation: string }
  | { known: false; protocol: Protocol; message: string };

const TARGET_PREFIX = 'AWSPartnerCentralSelling.';
const MPC_METHODS: Record<string, string> = {
  StartChangeSet: 'POST',
  DescribeChangeSet: 'GET',
  CancelChangeSet: 'PATCH',
  ListChangeSets: 'POST',
  DescribeEntity: 'GET',
};

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** awsJson1_0 sends X-Amz-Target; without one, the SigV4 scope or content type still tells PCS apart. */
function looksLikePartnerCentral(headers: IncomingHttpHeaders): boolean {
  return (
    header(headers, 'x-amz-target') !== '' ||
    header(headers, 'authorization').includes('/partnercentral-selling/aws4_request') ||
    header(headers, 'content-type').toLowerCase().startsWith('application/x-amz-json-1.0')
  );
}

/**
 * Picks the service and operation from the request line and headers alone. Base paths are
 * tolerated: PCS accepts any path, MPC matches on the last path segment.
 */
export function routeRequest(method: string, pathname: string, headers: IncomingHttpHeaders): Route {
  if (looksLikePartnerCentral(headers)) {
    const target = header(headers, 'x-amz-target');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const known = PARTNER_CENTRAL_OPERATIONS.some((op) => op === operation);
    if (operation === undefined || !known) {
      const message = target === '' ? 'Missing X-Amz-Target header' : `Unknown operation ${target}`;
      return { known: false, protocol: 'partner-central', message };
    }
    if (method !== 'POST') {
      return { known: false, protocol: 'partner-central', message: `${operation} must be called with POST` };
    }
    return { known: true, protocol: 'partner-central', operation };
  }
  const segment = pathname.replace(/\/+$/, '').split('/').at(-1) ?? '';
  const operation = MARKETPLACE_OPERATIONS.find((op) => op === segment);
  if (operation !== undefined && MPC_METHODS[operation] === method) {
    return { known: true, protocol: 'marketplace', operation };
  }
  return { known: false, protocol: 'marketplace', message: `No operation matches ${method} ${pathname}` };
}
