/** The OpenAPI response entries of the problem+json answers a route can give, by status. */
import { ZProblem } from '../contracts/api.js';

/** `{ 400: ZProblem, 404: ZProblem, … }` for the statuses given. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof ZProblem> {
  return Object.fromEntries(statuses.map((status) => [status, ZProblem])) as Record<S, typeof ZProblem>;
}
