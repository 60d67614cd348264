/**
 * A request well-formed by the model that names something AWS does not have (a template, or a
 * page token it never issued) is refused by AWS's own business validation: not an invalid request
 * the facade should have stopped. The fuzz and property runs count every other ValidationException
 * that reached AWS as a facade defect.
 */
export function isAwsReferenceRefusal(message: unknown): boolean {
  return typeof message === 'string' && /does not exist|NextToken is not valid/.test(message);
}
