/** The organisation tree as the domain's access rules need it, read from the database. */
import { buildOrgTree, type Organisation, type OrgTree } from '../../domain/access/organisations.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { listOrganisations, type OrganisationRow, organisationsGeneration } from '../../store/repositories/organisations.repository.js';

/** A stored organisation as the domain's Organisation. */
export function organisationOf(row: OrganisationRow): Organisation {
  return { id: row.id, parentId: row.parent_id, code: row.code, name: row.name, documentPrefix: row.doc_prefix };
}

/**
 * How long another process's change of the organisation tree may go unseen here. The tree is read
 * by every authorised request (twice: the route's first check and the use case's), yet changes
 * only when an administrator adds or renames an organisation; this process's own writes are seen
 * at once (the repository's generation counter).
 */
const TREE_TTL_MS = 5_000;
const treeCache = new WeakMap<Db, { generation: number; readAt: number; tree: OrgTree }>();

/** Every organisation, indexed as a tree (kept for a few seconds outside transactions). */
export async function loadOrgTree(db: Db): Promise<OrgTree> {
  // Inside a transaction the tree is read as that transaction sees it (it may have just added one).
  if (db.isTransaction) return buildOrgTree((await listOrganisations(db)).map(organisationOf));
  const generation = organisationsGeneration();
  const cached = treeCache.get(db);
  if (cached && cached.generation === generation && performance.now() - cached.readAt < TREE_TTL_MS) return cached.tree;
  const tree = buildOrgTree((await listOrganisations(db)).map(organisationOf));
  // Cache only if no write happened meanwhile (the tree read might predate it).
  if (organisationsGeneration() === generation) treeCache.set(db, { generation, readAt: performance.now(), tree });
  return tree;
}

/** The organisation with this code in the tree. @throws DomainError 'not-found' */
export function requireOrgByCode(tree: OrgTree, code: string): Organisation {
  for (const org of tree.byId.values()) if (org.code === code) return org;
  throw new DomainError(ERROR_CODES.notFound, `机构代码 ${code} 不存在。`, {
    issues: [{ path: ['org'], message: `机构代码 ${code} 不存在` }],
  });
}

/** The organisation with this id in the tree. @throws DomainError 'not-found' */
export function requireOrgById(tree: OrgTree, id: string): Organisation {
  const org = tree.byId.get(id);
  if (!org) throw new DomainError(ERROR_CODES.notFound, '组织机构不存在。');
  return org;
}

/** The reference other resources carry: id, code and name. */
export function orgRef(org: Organisation): { id: string; code: string; name: string } {
  return { id: org.id, code: org.code, name: org.name };
}
