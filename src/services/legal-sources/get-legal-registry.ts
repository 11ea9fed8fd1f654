/** The current registry of legal sources as the public sees it: every source, edition and mapping, with labels. */
import { EDITION_STATUS_LABELS, MAPPING_CONFIDENCE_LABELS, type TLegalRegistry } from '../../contracts/legal-sources.js';
import type { TLegalRegistryResponse, TLegalSourceView } from '../../contracts/legal-sources-api.js';
import { currentEdition } from '../../domain/legal-sources/current-article.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { presentRevision, requireCurrentRegistry } from './current-registry.js';

/** The registry's sources with the status and confidence labels people read (现行有效, 已核对 …). */
export function presentSources(registry: TLegalRegistry): TLegalSourceView[] {
  return registry.sources.map((source) => {
    const current = currentEdition(source);
    return {
      id: source.id,
      title: source.title,
      aliases: source.aliases ?? [],
      rank: source.rank,
      currentEdition: current?.edition ?? null,
      editions: source.editions.map((edition) => ({
        ...edition,
        statusLabel: EDITION_STATUS_LABELS[edition.status],
        isCurrent: edition === current,
      })),
      articleMap: source.articleMap.map((mapping) => ({ ...mapping, confidenceLabel: MAPPING_CONFIDENCE_LABELS[mapping.confidence] })),
    };
  });
}

/**
 * The current registry (public: `legalSources.read`).
 * @throws DomainError 'not-found' before the registry is seeded
 */
export async function getLegalRegistry(ctx: ServiceContext): Promise<TLegalRegistryResponse> {
  await requireAllowed(ctx, 'legalSources.read', null);
  const { revision, registry } = await requireCurrentRegistry(ctx.db);
  return {
    revision: presentRevision(revision),
    about: registry.about ?? null,
    sources: presentSources(registry),
    timeLimits: registry.timeLimits ?? [],
    calendar: registry.calendar ?? null,
    statusLabels: EDITION_STATUS_LABELS,
    confidenceLabels: MAPPING_CONFIDENCE_LABELS,
  };
}
