/** The system administrator adds an organisation below one in reach (e.g. a county bureau). */
import type { TOrganisation } from '../../contracts/organisations.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findOrganisationByCode, insertOrganisation } from '../../store/repositories/organisations.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { presentOrganisation } from './list-organisations.js';
import { loadOrgTree, requireOrgByCode } from './load-org-tree.js';

export interface CreateOrganisationOptions {
  code: string;
  name: string;
  parentCode: string;
  documentPrefix: string | null;
}

/** Creates the organisation; audited on the parent's chain. @throws DomainError 'conflict' for a taken code */
export async function createOrganisation(ctx: ServiceContext, options: CreateOrganisationOptions): Promise<TOrganisation> {
  const tree = await requireAllowed(ctx, 'organisations.write', null);
  const parent = requireOrgByCode(tree, options.parentCode);
  await requireAllowed(ctx, 'organisations.write', parent.id, tree);
  return inTransaction(ctx, async (tx) => {
    if (await findOrganisationByCode(tx.db, options.code)) {
      throw new DomainError(ERROR_CODES.conflict, `机构代码 ${options.code} 已被使用。`, {
        issues: [{ path: ['code'], message: '机构代码已被使用' }],
      });
    }
    const id = tx.newId();
    await insertOrganisation(tx.db, {
      id,
      code: options.code,
      name: options.name,
      parent_id: parent.id,
      doc_prefix: options.documentPrefix,
      created_at: tx.clock().toISOString(),
    });
    await recordAudit(tx, {
      orgId: parent.id,
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: id,
      details: { code: options.code, name: options.name, parentCode: parent.code, documentPrefix: options.documentPrefix },
    });
    const created = (await loadOrgTree(tx.db)).byId.get(id);
    if (!created) throw new Error('the organisation just inserted must be readable');
    return presentOrganisation(created, await loadOrgTree(tx.db));
  });
}
