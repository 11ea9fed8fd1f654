/** Loading an officer for a use case on it, with the actor's grant checked against its organisation. */
import type { OrgTree } from '../../domain/access/organisations.js';
import type { Action } from '../../domain/access/policies.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findOfficer, type OfficerWithUser } from '../../store/repositories/officers.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';

/** The officer `officerId` when the actor may perform `action` on it. @throws DomainError 'forbidden' / 'not-found' */
export async function loadOfficerFor(
  ctx: ServiceContext,
  action: Action,
  officerId: string,
): Promise<{ officer: OfficerWithUser; tree: OrgTree }> {
  const tree = await requireAllowed(ctx, action, null);
  const officer = await findOfficer(ctx.db, officerId);
  if (!officer) throw new DomainError(ERROR_CODES.notFound, '执法人员不存在。');
  await requireAllowed(ctx, action, officer.org_id, tree);
  return { officer, tree };
}
