/**
 * Organisations (组织机构) form a tree: the provincial bureau, the city bureaus below it, the
 * district bureaus below those. Every tenant-owned row carries its organisation id; these helpers
 * answer "is this organisation inside that grant's subtree" without touching the database.
 */
import { DomainError, ERROR_CODES } from '../errors.js';

/** One organisation as the domain sees it. */
export interface Organisation {
  id: string;
  /** null for the root */
  parentId: string | null;
  /** short stable code used in URLs and the CLI: gx, lz, lj */
  code: string;
  name: string;
  /** 发文机关代字 used in document numbers (柳保 in 柳保罚〔2026〕3号); null until configured */
  documentPrefix: string | null;
}

/** An organisation tree indexed for lookups. Build it with buildOrgTree. */
export interface OrgTree {
  readonly byId: ReadonlyMap<string, Organisation>;
  readonly childrenById: ReadonlyMap<string, readonly string[]>;
}

/** The seed shape: the regional bureau, the Liuzhou city bureau below it, a district below that. */
export interface SeedOrganisation {
  code: string;
  parentCode: string | null;
  name: string;
  documentPrefix: string | null;
}

/**
 * The organisations a fresh installation starts with. Ids are assigned by the store; the shape is
 * fixed here so tests, the seed and the bundled list (柳州市国家保密局) agree. Only 柳保 is known
 * from real documents; the other prefixes are left for an administrator to configure.
 */
export const SEED_ORGANISATIONS: readonly SeedOrganisation[] = [
  { code: 'gx', parentCode: null, name: '广西壮族自治区国家保密局', documentPrefix: null },
  { code: 'lz', parentCode: 'gx', name: '柳州市国家保密局', documentPrefix: '柳保' },
  { code: 'lj', parentCode: 'lz', name: '柳江区国家保密局', documentPrefix: null },
];

/**
 * Indexes a flat list of organisations as a tree.
 * @throws DomainError 'validation' for a duplicate id or code, a missing parent, or a cycle.
 */
export function buildOrgTree(organisations: readonly Organisation[]): OrgTree {
  const byId = new Map<string, Organisation>();
  const codes = new Set<string>();
  for (const org of organisations) {
    if (byId.has(org.id)) throw invalidTree(`组织机构编号重复：${org.id}`);
    if (codes.has(org.code)) throw invalidTree(`组织机构代码重复：${org.code}`);
    byId.set(org.id, org);
    codes.add(org.code);
  }
  const childrenById = new Map<string, string[]>();
  for (const org of organisations) {
    if (org.parentId === null) continue;
    if (!byId.has(org.parentId)) throw invalidTree(`组织机构“${org.name}”的上级机构不存在：${org.parentId}`);
    const siblings = childrenById.get(org.parentId) ?? [];
    siblings.push(org.id);
    childrenById.set(org.parentId, siblings);
  }
  const tree: OrgTree = { byId, childrenById };
  // Every organisation must reach a root; walking up more steps than there are nodes means a cycle.
  for (const org of organisations) ancestorIds(org.id, tree);
  return tree;
}

/**
 * The ids of an organisation's ancestors, nearest first (parent, grandparent, …, root).
 * @throws DomainError 'not-found' for an unknown id, 'validation' when the parents form a cycle.
 */
export function ancestorIds(orgId: string, tree: OrgTree): string[] {
  const result: string[] = [];
  let current = requireOrg(orgId, tree);
  while (current.parentId !== null) {
    if (result.length >= tree.byId.size) throw invalidTree(`组织机构上下级关系存在循环：${orgId}`);
    result.push(current.parentId);
    current = requireOrg(current.parentId, tree);
  }
  return result;
}

/** The ancestors of an organisation as objects, nearest first. */
export function ancestorsOf(orgId: string, tree: OrgTree): Organisation[] {
  return ancestorIds(orgId, tree).map((id) => requireOrg(id, tree));
}

/**
 * Whether `orgId` lies in the subtree rooted at `rootId`. An organisation is in its own subtree.
 * Unknown ids are outside every subtree (no error: a stale grant simply reaches nothing).
 */
export function isInSubtree(orgId: string, rootId: string, tree: OrgTree): boolean {
  if (!tree.byId.has(orgId) || !tree.byId.has(rootId)) return false;
  return orgId === rootId || ancestorIds(orgId, tree).includes(rootId);
}

/** The ids of an organisation and everything below it, parents before children. */
export function subtreeIds(rootId: string, tree: OrgTree): string[] {
  requireOrg(rootId, tree);
  const result: string[] = [];
  const pending = [rootId];
  while (pending.length > 0) {
    const id = pending.shift() as string;
    result.push(id);
    pending.push(...(tree.childrenById.get(id) ?? []));
  }
  return result;
}

/** Finds an organisation by its code (gx, lz …), or undefined. */
export function findOrgByCode(code: string, tree: OrgTree): Organisation | undefined {
  for (const org of tree.byId.values()) if (org.code === code) return org;
  return undefined;
}

function requireOrg(orgId: string, tree: OrgTree): Organisation {
  const org = tree.byId.get(orgId);
  if (org === undefined) throw new DomainError(ERROR_CODES.notFound, `组织机构不存在：${orgId}`);
  return org;
}

function invalidTree(message: string): DomainError {
  return new DomainError(ERROR_CODES.validation, message);
}
