import { builder } from './builder.js';
import './scalars.js';
import './resource-snapshots.js';
import './change-sets.js';
import './change-set-lifecycle.js';

builder.queryType({});
builder.mutationType({});

/** The executable schema. `schema/schema.graphql` is this, sorted (see scripts/print-schema.ts). */
export const schema = builder.toSchema();
