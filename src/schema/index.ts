import { builder } from './builder.js';
import { withOpenEnums } from './open-enum.js';
import './scalars.js';
import './resource-snapshots.js';
import './change-sets.js';
import './change-set-lifecycle.js';

builder.queryType({
  description: 'Reads: every root field is nullable, so one failing field keeps the others.',
});
builder.mutationType({
  description: 'Writes: every root field is nullable, so one failing field keeps the others.',
});

/**
 * The executable schema. `schema/schema.graphql` is this, sorted (src/schema/print.ts). Not sorted
 * here: sorting rebuilds every type, ~10 ms of each cold start (measured), and introspection then
 * lists fields in the order they are written, which reads better in GraphiQL's docs.
 */
export const schema = withOpenEnums(builder.toSchema({ sortSchema: false }));
