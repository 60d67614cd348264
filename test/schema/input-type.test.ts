import { printType } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { builder } from '../../src/schema/builder.js';
import { fieldObject, inputType } from '../../src/schema/input-type.js';
import '../../src/schema/scalars.js';
import { optional } from '../../src/validation/constraints.js';

// The builder is this test file's own (vitest isolates files), so these types touch no real schema.
const item = z.strictObject({ name: z.string().meta({ description: 'Its name.' }) }).meta({
  description: 'One item.',
});
const sample = z
  .strictObject({
    id: z.string(),
    text: optional(z.string().regex(/^a+$/).meta({ description: 'Only a.' })),
    count: z.number().int().min(1),
    ratio: optional(z.number()),
    flag: z.boolean().default(false),
    doc: optional(z.unknown()),
    labels: optional(z.array(z.string()).meta({ description: 'Some labels.' })),
    items: z.array(item).meta({ description: '1..3 items.' }),
    fixed: optional(z.string().meta({ default: 'F' })),
    when: optional(z.preprocess((v) => v, z.iso.datetime())),
  })
  .meta({ description: 'A sample.' });

const Item = inputType('SampleItemInput', fieldObject(sample, 'items'));
const Sample = inputType('SampleInput', sample, { ids: ['id'], refs: { items: Item, when: 'DateTime' } });
builder.queryType({});
builder.queryField('sample', (t) =>
  t.boolean({ args: { input: t.arg({ type: Sample, required: true }) }, resolve: () => true }),
);

describe('inputType', () => {
  it('reads fields, their order, required-ness, lists, defaults and descriptions off the zod schema', () => {
    // Unsorted, as the served schema is, to see the zod order (the committed SDL is sorted by print.ts).
    const schema = builder.toSchema({ sortSchema: false });
    expect(printType(schema.getType('SampleInput') as never)).toBe(
      [
        '"""A sample."""',
        'input SampleInput {',
        '  id: ID!',
        '',
        '  """Only a."""',
        '  text: String',
        '  count: Int!',
        '  ratio: Float',
        '  flag: Boolean! = false',
        '  doc: JSON',
        '',
        '  """Some labels."""',
        '  labels: [String!]',
        '',
        '  """1..3 items."""',
        '  items: [SampleItemInput!]!',
        '  fixed: String! = "F"',
        '  when: DateTime',
        '}',
      ].join('\n'),
    );
    expect(printType(schema.getType('SampleItemInput') as never)).toBe(
      ['"""One item."""', 'input SampleItemInput {', '  """Its name."""', '  name: String!', '}'].join('\n'),
    );
  });

  it('refuses to guess: a ref or id that names no field', () => {
    expect(() => inputType('Typo', sample, { ids: ['nope'] })).toThrow('nope is not a field');
  });

  it('refuses to guess: an enum, object or preprocessed field without a ref fails the build', () => {
    const untyped = z.strictObject({ when: optional(z.preprocess((v) => v, z.string())) });
    expect(() => {
      inputType('Untyped', untyped);
      builder.toSchema();
    }).toThrow('input field when: give its GraphQL type in refs');
  });
});
