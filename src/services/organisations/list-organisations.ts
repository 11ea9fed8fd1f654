/** The organisation tree for forms and the public portal: public, not audited. */
import type { TOrganisation, TOrganisationListResponse } from '../../contracts/organisations.js';
import { type Organisation, type OrgTree, subtreeIds } from '../../domain/access/organisations.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';

/** An organisation as the API shows it. */
export function presentOrganisation(org: Organisation, tree: OrgTree): TOrganisation {
  const parent = org.parentId === null ? undefined : tree.byId.get(org.parentId);
  return { id: org.id, code: org.code, name: org.name, parentCode: parent?.code ?? null, documentPrefix: org.documentPrefix };
}

/** Every organisation, parents before children (roots by code). */
export async function listOrganisations(ctx: ServiceContext): Promise<TOrganisationListResponse> {
  const tree = await requireAllowed(ctx, 'organisations.read', null);
  const roots = [...tree.byId.values()].filter((o) => o.parentId === null).sort((a, b) => a.code.localeCompare(b.code));
  const ordered = roots.flatMap((root) => subtreeIds(root.id, tree));
  return { organisations: ordered.map((id) => presentOrganisation(tree.byId.get(id) as Organisation, tree)) };
}
