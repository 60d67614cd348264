/**
 * AWS adds enum values over time (a new change-set status, failure code, reason). An output field
 * typed as a GraphQL enum would turn a new value into a field error and null; as String, it passes
 * AWS's value through unchanged and the description lists the values known today. Inputs keep
 * GraphQL enums: there the facade decides what it accepts.
 */
export function openEnum(values: readonly string[]): string {
  return `One of ${values.join(', ')} today; AWS may add values, which pass through unchanged`;
}
