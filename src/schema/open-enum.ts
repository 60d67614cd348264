import { GraphQLEnumType, type GraphQLSchema } from 'graphql';

/**
 * AWS adds enum values over time (a new change-set status, failure code). The contract types them
 * as GraphQL enums (ChangeSetStatus, ...), and a plain GraphQL enum would turn a value AWS added
 * later into a field error and null. An open enum serializes it unchanged instead, as the AWS SDK's
 * own enums are open string unions: typed clients get the known values as a union, and a new one
 * still reaches them. Inputs stay strict: there the facade decides what it accepts.
 */
export const OPEN_ENUM = { openEnum: true } as const;

/** The schema with every enum marked OPEN_ENUM (in its extensions) serializing unknown strings as is. */
export function withOpenEnums(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLEnumType) || type.extensions.openEnum !== true) continue;
    const known = type.serialize.bind(type);
    const knownValues = new Set(type.getValues().map((v) => v.value));
    type.serialize = (value: unknown) =>
      typeof value === 'string' && !knownValues.has(value) ? value : known(value);
  }
  return schema;
}
