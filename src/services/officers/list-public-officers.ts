/**
 * The public notice of enforcement officers (执法人员公示): name, organisation and certificate of
 * every active officer — what a party may check against the certificate shown to them. Public and
 * therefore not audited; conflicts of interest are never part of it.
 */
import type { TPublicOfficerListResponse } from '../../contracts/users.js';
import { listActiveOfficers } from '../../store/repositories/officers.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { shanghaiDate } from './local-date.js';
import { presentPublicOfficer } from './present-officer.js';

/** Active officers of the organisation `orgCode` (the installation's own by default). */
export async function listPublicOfficers(
  ctx: ServiceContext,
  options: { orgCode?: string | undefined } = {},
): Promise<TPublicOfficerListResponse> {
  const tree = await requireAllowed(ctx, 'officers.readPublic', null);
  const org = requireOrgByCode(tree, options.orgCode ?? ctx.settings.homeOrgCode);
  const rows = await listActiveOfficers(ctx.db, [org.id]);
  const today = shanghaiDate(ctx.clock());
  return { officers: rows.map((row) => presentPublicOfficer(row, tree, today)) };
}
