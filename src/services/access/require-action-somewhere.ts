/**
 * The first check of a request, before its body is read: the actor must be able to perform the
 * route's action on at least one organisation. It refuses the anonymous and the roleless early
 * (401/403 instead of parsing a 20 MB upload); the use case then checks again against the
 * resource's own organisation.
 */
import type { TAction } from '../../contracts/access.js';
import { isAction } from '../../domain/access/policies.js';
import type { ServiceContext } from '../context.js';
import { requireAllowed } from './authorize.js';

/** @throws DomainError 'unauthenticated' / 'forbidden' */
export async function requireActionSomewhere(ctx: ServiceContext, action: TAction): Promise<void> {
  if (!isAction(action)) throw new Error(`unknown action ${action}`);
  await requireAllowed(ctx, action, null);
}
