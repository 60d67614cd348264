import { notFoundError } from '../errors.js';
import { isoSeconds } from './change-set-record.js';
import { baseEntityType } from './change-types.js';
import type { EntityRegistry } from './entities.js';
import { FieldProblems } from './field-problems.js';
import { checkCatalog } from './validation.js';

export interface DescribeEntityDeps {
  accountId: string;
  region: string;
  entities: EntityRegistry;
}

const ENTITY_ID = { min: 1, max: 255, patterns: [/^[\w-]+$/] };

/** GET /DescribeEntity?catalog=&entityId=: the entity's current revision and DetailsDocument. */
export function describeEntity(deps: DescribeEntityDeps, query: URLSearchParams): Record<string, unknown> {
  const p = new FieldProblems();
  const catalog = query.get('catalog') ?? undefined;
  const id = query.get('entityId') ?? undefined;
  checkCatalog(p, 'Catalog', catalog);
  p.string('EntityId', id, ENTITY_ID, true);
  p.throwIfAny();
  const entity = deps.entities.find(id as string);
  if (entity === undefined) {
    throw notFoundError(`The entity ${id} was not found in the AWSMarketplace catalog.`);
  }
  const { region, accountId } = deps;
  return {
    EntityType: entity.type,
    EntityIdentifier: `${entity.identifier}@${entity.revision}`,
    EntityArn: `arn:aws:aws-marketplace:${region}:${accountId}:AWSMarketplace/${baseEntityType(entity.type)}/${entity.identifier}`,
    LastModifiedDate: isoSeconds(entity.lastModified),
    Details: JSON.stringify(entity.details),
    DetailsDocument: entity.details,
  };
}
