import { readConfig } from '../config.js';
import { createOpenApiDocument } from './openapi-document.js';

/**
 * The OpenAPI document as committed in schema/openapi.json: as deployed (Lambda, AUTH_MODE=jwt, so
 * Bearer JWT with each operation's scope), under `/rest`, with the default scopes.
 */
export function committedOpenApiDocument(): string {
  const config = readConfig('lambda', { AUTH_MODE: 'jwt' });
  return `${JSON.stringify(createOpenApiDocument({ basePath: '/rest', auth: config.auth }), null, 2)}\n`;
}
