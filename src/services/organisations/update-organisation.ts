/** The system administrator renames an organisation or sets its document prefix (发文机关代字). */
import type { TOrganisation } from '../../contracts/organisations.js';
import { updateOrganisation as updateOrganisationRow } from '../../store/repositories/organisations.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { presentOrganisation } from './list-organisations.js';
import { loadOrgTree, requireOrgByCode } from './load-org-tree.js';

export interface UpdateOrganisationOptions {
  name?: string | undefined;
  /** null clears the prefix; undefined leaves it */
  documentPrefix?: string | null | undefined;
}

/** Applies the changes given; audited with before and after. */
export async function updateOrganisation(ctx: ServiceContext, code: string, options: UpdateOrganisationOptions): Promise<TOrganisation> {
  const tree = await requireAllowed(ctx, 'organisations.write', null);
  const org = requireOrgByCode(tree, code);
  await requireAllowed(ctx, 'organisations.write', org.id, tree);
  return inTransaction(ctx, async (tx) => {
    const changes = {
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.documentPrefix !== undefined ? { doc_prefix: options.documentPrefix } : {}),
    };
    if (Object.keys(changes).length > 0) await updateOrganisationRow(tx.db, org.id, changes);
    await recordAudit(tx, {
      orgId: org.id,
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: org.id,
      details: {
        before: { name: org.name, documentPrefix: org.documentPrefix },
        after: {
          name: options.name ?? org.name,
          documentPrefix: options.documentPrefix === undefined ? org.documentPrefix : options.documentPrefix,
        },
      },
    });
    const fresh = await loadOrgTree(tx.db);
    return presentOrganisation(requireOrgByCode(fresh, code), fresh);
  });
}
