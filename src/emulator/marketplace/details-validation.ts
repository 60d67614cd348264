import { baseEntityType } from './change-types.js';
import type { ChangeContext, FieldProblems, StringRule } from './field-problems.js';

/**
 * Checks of the members inside a change's details that the emulator knows, reported as AWS does:
 * `Field` relative to the change (`Details.ProductTitle`, `Details.Highlights[1]`), placed by the
 * entry's ChangeType, EntityType and EntityId (absent for a Create change, which names no entity).
 * Members it does not know are accepted, as the emulator models only a few change types.
 */

type Rule = { string: StringRule } | { list: { min: number; max: number; item: StringRule } };

const text = (max: number, patterns?: RegExp[]): Rule => ({ string: { min: 1, max, patterns } });
const texts = (max: number, itemMax: number): Rule => ({
  list: { min: 1, max, item: { min: 1, max: itemMax } },
});

const PRODUCT_INFORMATION: Record<string, Rule> = {
  ProductTitle: text(255),
  ShortDescription: text(1000),
  LongDescription: text(5000),
  Highlights: texts(3, 250),
  SearchKeywords: texts(15, 250),
  Categories: texts(3, 80),
};
const OFFER_INFORMATION: Record<string, Rule> = { Name: text(150), Description: text(255) };
const NEW_OFFER: Record<string, Rule> = { ProductId: text(255, [/^[\w-]+$/]), Name: text(150) };

function rulesFor(entityType: string, changeType: string): Record<string, Rule> | undefined {
  const base = baseEntityType(entityType);
  if (base.endsWith('Product') && (changeType === 'UpdateInformation' || changeType === 'CreateProduct')) {
    return PRODUCT_INFORMATION;
  }
  if (base === 'Offer' && changeType === 'UpdateInformation') return OFFER_INFORMATION;
  if (base === 'Offer' && changeType === 'CreateOffer') return NEW_OFFER;
  return undefined;
}

export function checkDetailsContent(
  p: FieldProblems,
  details: Record<string, unknown>,
  context: ChangeContext,
): void {
  if (context.EntityType === undefined || context.ChangeType === undefined) return;
  const rules = rulesFor(context.EntityType, context.ChangeType);
  if (rules === undefined) return;
  for (const [key, rule] of Object.entries(rules)) {
    const field = `Details.${key}`;
    const value = details[key];
    if (value === undefined) continue;
    if ('string' in rule) {
      p.string(field, value, rule.string, true, context);
      continue;
    }
    if (!Array.isArray(value)) {
      p.add(field, `${field} must be a list`, context);
      continue;
    }
    if (value.length < rule.list.min || value.length > rule.list.max) {
      p.add(field, `${field} must have between ${rule.list.min} and ${rule.list.max} items`, context);
    }
    value.forEach((item, i) => {
      p.string(`${field}[${i}]`, item, rule.list.item, true, context);
    });
  }
}
