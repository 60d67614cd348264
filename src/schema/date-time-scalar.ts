import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isRfc3339 } from '../validation/rfc3339.js';

/**
 * graphql-scalars' DateTime (RFC 3339 in, a Date to resolvers), except on output: a time AWS sent as
 * text is passed on as AWS wrote it (`2026-11-04T10:00:00Z` stays so, microseconds stay), rather than
 * re-rendered at millisecond precision; a Date is rendered as ISO 8601 UTC.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize(value) {
    if (typeof value === 'string' && isRfc3339(value)) return value;
    return DateTimeResolver.serialize(value);
  },
});
