/**
 * What the registry says today about the citations of list items — stale citations with the
 * current edition and article (or unknown), citations of unknown status, unresolved ones. For the
 * item page (through the read side of the catalog) and, later, for running cases whose step cites
 * a superseded edition.
 */
import type { TCitationNotice } from '../../contracts/legal-sources.js';
import type { TPowerItem } from '../../contracts/power-list.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { citationNoticesOf, registryCheckFor } from './live-findings.js';

/**
 * The notices on the items' citations against the current registry, as of today's date in
 * Asia/Shanghai; none before the registry is seeded. Public (`legalSources.read`).
 */
export async function citationNotices(ctx: ServiceContext, items: readonly TPowerItem[]): Promise<TCitationNotice[]> {
  await requireAllowed(ctx, 'legalSources.read', null);
  return citationNoticesOf(items, await registryCheckFor(ctx));
}
