/**
 * Reading, checking and changing the registry of legal sources. Every function is pure and returns
 * a new registry; a change that names an unknown source or edition, or that would leave the
 * registry inconsistent, throws a `validation` DomainError whose issues carry the path of the
 * offending field (relative to the change, or to the registry for `parseRegistry`).
 */
import type { z } from 'zod';
import {
  type TArticleMapping,
  type TCitationField,
  type TCitationLocation,
  type TEdition,
  type TEditionStatus,
  type TLegalRegistry,
  type TLegalSource,
  type TRegistryChange,
  ZArticleMapping,
  ZEdition,
  ZEditionStatus,
  ZLegalRegistry,
  ZRegistryChange,
} from '../../contracts/legal-sources.js';
import type { TArticleRef, TCitation, TPowerItem } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES, type FieldIssue } from '../errors.js';
import { editionKey, findEdition, findSource, titleKey } from './resolve-citation.js';

function validationError(message: string, issues: FieldIssue[]): DomainError {
  const first = issues[0];
  return new DomainError(ERROR_CODES.validation, message, { issues, location: first ? { path: first.path } : undefined });
}

function zodIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')],
    message: issue.message,
  }));
}

/**
 * The rules across records that the schema alone cannot state: unique source ids and titles,
 * unique editions per source, at most one edition in force, and mappings that name editions of
 * their own source (and not the edition they come from). Returns the issues, empty when consistent.
 */
export function checkRegistry(registry: TLegalRegistry): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Map<string, number>();
  const titles = new Map<string, number>();
  registry.sources.forEach((source, s) => {
    const at = (...rest: (string | number)[]) => ['sources', s, ...rest];
    const sameId = ids.get(source.id);
    if (sameId === undefined) ids.set(source.id, s);
    else issues.push({ path: at('id'), message: `来源编号 ${source.id} 与第 ${sameId + 1} 个来源重复` });

    [source.title, ...(source.aliases ?? [])].forEach((name, n) => {
      const key = titleKey(name);
      const owner = titles.get(key);
      if (owner === undefined) titles.set(key, s);
      else if (owner !== s)
        issues.push({
          path: n === 0 ? at('title') : at('aliases', n - 1),
          message: `名称《${name}》已属于另一来源（${registry.sources[owner]?.id}）`,
        });
    });

    const editions = new Map<string, number>();
    source.editions.forEach((edition, e) => {
      const key = editionKey(edition.edition);
      const same = editions.get(key);
      if (same === undefined) editions.set(key, e);
      else
        issues.push({ path: at('editions', e, 'edition'), message: `版本 ${edition.edition} 与 ${source.editions[same]?.edition} 重复` });
    });
    const inForce = source.editions.flatMap((edition, e) => (edition.status === 'in-force' ? [e] : []));
    for (const e of inForce.slice(1)) {
      issues.push({
        path: at('editions', e, 'status'),
        message: `《${source.title}》只能有一个现行有效版本，已有 ${source.editions[inForce[0] ?? 0]?.edition}`,
      });
    }

    const known = new Set(source.editions.map((edition) => edition.edition));
    const froms = new Set<string>();
    source.articleMap.forEach((mapping, m) => {
      if (!known.has(mapping.from.edition)) {
        issues.push({ path: at('articleMap', m, 'from', 'edition'), message: `《${source.title}》没有版本 ${mapping.from.edition}` });
      }
      mapping.to.forEach((to, t) => {
        if (!known.has(to.edition))
          issues.push({ path: at('articleMap', m, 'to', t, 'edition'), message: `《${source.title}》没有版本 ${to.edition}` });
        else if (to.edition === mapping.from.edition)
          issues.push({ path: at('articleMap', m, 'to', t, 'edition'), message: '对应条款应指向另一版本' });
      });
      const fromKey = `${mapping.from.edition}#${mapping.from.article}#${mapping.from.paragraph ?? ''}`;
      if (froms.has(fromKey)) issues.push({ path: at('articleMap', m, 'from'), message: `${mapping.from.edition} 的该条款已有对应关系` });
      froms.add(fromKey);
    });
  });
  return issues;
}

/**
 * Read a registry from JSON text or an already parsed value, checking the schema and the
 * cross-record rules. Throws a `validation` DomainError listing every problem with its path.
 */
export function parseRegistry(json: unknown): TLegalRegistry {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw new DomainError(ERROR_CODES.validation, `法律依据库不是有效的 JSON：${(cause as Error).message}`, { cause });
    }
  }
  const parsed = ZLegalRegistry.safeParse(value);
  if (!parsed.success) throw validationError('法律依据库格式不正确', zodIssues(parsed.error));
  const issues = checkRegistry(parsed.data);
  if (issues.length > 0) throw validationError('法律依据库内容不一致', issues);
  return parsed.data;
}

/** The registry as JSON text (two-space indent, final newline); `parseRegistry` reads it back unchanged. */
export function serializeRegistry(registry: TLegalRegistry): string {
  return `${JSON.stringify(registry, null, 2)}\n`;
}

function sourceIndex(registry: TLegalRegistry, sourceId: string): number {
  const index = registry.sources.findIndex((source) => source.id === sourceId);
  if (index < 0) throw validationError(`法律依据库中没有来源 ${sourceId}`, [{ path: ['sourceId'], message: `未知来源 ${sourceId}` }]);
  return index;
}

function replaceSource(registry: TLegalRegistry, index: number, source: TLegalSource): TLegalRegistry {
  return { ...registry, sources: registry.sources.map((existing, i) => (i === index ? source : existing)) };
}

function editionIndex(source: TLegalSource, edition: string, path: (string | number)[]): number {
  const index = source.editions.findIndex((existing) => existing.edition === edition);
  if (index < 0) throw validationError(`《${source.title}》没有版本 ${edition}`, [{ path, message: `未知版本 ${edition}` }]);
  return index;
}

/** The editions of `source` in force other than the ones listed, as issues at `path`. */
function otherInForce(source: TLegalSource, except: ReadonlySet<string>, path: (string | number)[]): FieldIssue[] {
  return source.editions
    .filter((edition) => edition.status === 'in-force' && !except.has(edition.edition))
    .map((edition) => ({ path, message: `《${source.title}》已有现行有效版本 ${edition.edition}，请先将其标为已修订或已废止` }));
}

/** Options of `addEdition`. */
export interface AddEditionOptions {
  sourceId: string;
  edition: TEdition;
  /** editions of the same source the new one replaces; they are set to superseded (已修订) */
  supersedes?: string[];
}

/**
 * Add an edition to a source, marking the editions it supersedes as superseded. A new edition in
 * force must supersede the edition in force so far — the registry never has two.
 */
export function addEdition(registry: TLegalRegistry, options: AddEditionOptions): TLegalRegistry {
  const s = sourceIndex(registry, options.sourceId);
  const source = registry.sources[s] as TLegalSource;
  const parsed = ZEdition.safeParse(options.edition);
  if (!parsed.success) throw validationError('版本信息不正确', zodIssues(parsed.error, ['edition']));
  const edition = parsed.data;
  if (source.editions.some((existing) => editionKey(existing.edition) === editionKey(edition.edition))) {
    throw validationError(`《${source.title}》已有版本 ${edition.edition}`, [{ path: ['edition', 'edition'], message: '版本已存在' }]);
  }
  const supersedes = options.supersedes ?? [];
  supersedes.forEach((name, i) => {
    editionIndex(source, name, ['supersedes', i]);
  });
  if (edition.status === 'in-force') {
    const issues = otherInForce(source, new Set(supersedes), ['edition', 'status']);
    if (issues.length > 0) throw validationError(issues[0]?.message ?? '', issues);
  }
  const superseded = new Set(supersedes);
  const editions = [
    ...source.editions.map((existing): TEdition => (superseded.has(existing.edition) ? { ...existing, status: 'superseded' } : existing)),
    edition,
  ];
  return replaceSource(registry, s, { ...source, editions });
}

/** Options of `setEditionStatus`. */
export interface SetEditionStatusOptions {
  sourceId: string;
  edition: string;
  status: TEditionStatus;
}

/** Record the status of an edition. Setting one in force while another is in force is refused. */
export function setEditionStatus(registry: TLegalRegistry, options: SetEditionStatusOptions): TLegalRegistry {
  const s = sourceIndex(registry, options.sourceId);
  const source = registry.sources[s] as TLegalSource;
  const e = editionIndex(source, options.edition, ['edition']);
  const status = ZEditionStatus.safeParse(options.status);
  if (!status.success) throw validationError('版本状态不正确', zodIssues(status.error, ['status']));
  if (status.data === 'in-force') {
    const issues = otherInForce(source, new Set([options.edition]), ['status']);
    if (issues.length > 0) throw validationError(issues[0]?.message ?? '', issues);
  }
  const editions = source.editions.map((edition, i): TEdition => (i === e ? { ...edition, status: status.data } : edition));
  return replaceSource(registry, s, { ...source, editions });
}

/** Options of `addArticleMapping`. */
export interface AddArticleMappingOptions {
  sourceId: string;
  mapping: TArticleMapping;
}

/** Record where an article of one edition went in another; both editions must be registered. */
export function addArticleMapping(registry: TLegalRegistry, options: AddArticleMappingOptions): TLegalRegistry {
  const s = sourceIndex(registry, options.sourceId);
  const source = registry.sources[s] as TLegalSource;
  const parsed = ZArticleMapping.safeParse(options.mapping);
  if (!parsed.success) throw validationError('条款对应关系不正确', zodIssues(parsed.error, ['mapping']));
  const mapping = parsed.data;
  editionIndex(source, mapping.from.edition, ['mapping', 'from', 'edition']);
  mapping.to.forEach((to, t) => {
    editionIndex(source, to.edition, ['mapping', 'to', t, 'edition']);
    if (to.edition === mapping.from.edition)
      throw validationError('对应条款应指向另一版本', [{ path: ['mapping', 'to', t, 'edition'], message: '与原版本相同' }]);
  });
  const duplicate = source.articleMap.some(
    (existing) =>
      existing.from.edition === mapping.from.edition &&
      existing.from.article === mapping.from.article &&
      existing.from.paragraph === mapping.from.paragraph,
  );
  if (duplicate)
    throw validationError(`${mapping.from.edition} 的该条款已有对应关系`, [{ path: ['mapping', 'from'], message: '对应关系已存在' }]);
  return replaceSource(registry, s, { ...source, articleMap: [...source.articleMap, mapping] });
}

/** Apply one administrator change (validated against its schema first). */
export function applyRegistryChange(registry: TLegalRegistry, change: TRegistryChange): TLegalRegistry {
  const parsed = ZRegistryChange.safeParse(change);
  if (!parsed.success) throw validationError('法律依据库变更不正确', zodIssues(parsed.error));
  const valid = parsed.data;
  switch (valid.kind) {
    case 'add-edition':
      return addEdition(registry, valid);
    case 'set-status':
      return setEditionStatus(registry, valid);
    case 'add-mapping':
      return addArticleMapping(registry, valid);
  }
}

const CITATION_FIELDS: readonly TCitationField[] = ['legalBases', 'dutyBases', 'accountabilityBases'];

/** Every citation of the items with its location, in list order. */
export function eachCitation(
  items: readonly TPowerItem[],
): { item: TPowerItem; field: TCitationField; entry: number; citation: TCitation }[] {
  return items.flatMap((item) =>
    CITATION_FIELDS.flatMap((field) => item[field].map((citation, entry) => ({ item, field, entry, citation }))),
  );
}

function articleTouched(articles: readonly TArticleRef[], mapping: TArticleMapping): boolean {
  return articles.some(
    (ref) => ref.article === mapping.from.article && (mapping.from.paragraph === undefined || ref.paragraph === mapping.from.paragraph),
  );
}

/**
 * The citations a change touches, resolved against the registry before the change: for a new
 * edition, citations of the editions it supersedes and of itself (which the registry did not
 * know before); for a status, citations of that edition; for a mapping, citations of the mapped
 * article of its edition. Citations naming no edition are never counted — they cite no edition.
 */
export function affectedCitations(items: readonly TPowerItem[], change: TRegistryChange, registry: TLegalRegistry): TCitationLocation[] {
  const source = registry.sources.find((candidate) => candidate.id === change.sourceId);
  if (source === undefined) return [];
  // Editions the registry already has are matched as resolveCitation matches them; the new
  // edition of an add-edition change is not registered yet, so it is matched by its key.
  const touched = new Set(
    change.kind === 'add-edition'
      ? (change.supersedes ?? [])
      : [change.kind === 'set-status' ? change.edition : change.mapping.from.edition],
  );
  const newKey = change.kind === 'add-edition' ? editionKey(change.edition.edition) : null;
  return eachCitation(items)
    .filter(({ citation }) => {
      if (citation.title === null || citation.edition === null) return false;
      if (findSource(citation.title, registry) !== source) return false;
      const cited = findEdition(source, citation.edition);
      const isTouched = cited === null ? newKey !== null && editionKey(citation.edition) === newKey : touched.has(cited.edition);
      if (!isTouched) return false;
      return change.kind !== 'add-mapping' || articleTouched(citation.articles, change.mapping);
    })
    .map(({ item, field, entry, citation }) => ({ item: item.no, field, entry, sameAs: citation.sameAs, articles: citation.articles }));
}
