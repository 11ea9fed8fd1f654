/**
 * Import a power list for an organisation: parse, lint, diff against the current version, and
 * store it as the next version — all or nothing. A dry run does everything but the write.
 *
 * A 10,000-item list is 30 MB of text; handling it must not hold the event loop that answers
 * everyone else (issue 10). So:
 * - parsing, the checks, the diff and the rows' text are made in a worker thread (analyse(),
 *   read-power-list-isolated.ts), and cross to this thread as strings, a batch at a time;
 * - the rows are written as a 'staging' version, one short write per batch with a turn of the
 *   event loop between batches, instead of one transaction that holds the database connection —
 *   and with SQLite the thread — for seconds;
 * - one quick transaction then publishes the version and writes its audit record. Until then no
 *   read sees any of it; a failure removes the staged rows, and rows left by a process that died
 *   half-way are removed by the organisation's next import.
 */
import { createHash } from 'node:crypto';
import type { TFinding, TPowerItem, TPowerList, TPowerListDiff } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ReadPowerListOptions } from '../../io/read-power-list-file.js';
import type { Db } from '../../store/database.js';
import { isUniqueViolation } from '../../store/errors.js';
import { findOrganisationByCode } from '../../store/repositories/organisations.repository.js';
import {
  deleteStagedVersion,
  findVersionHeader,
  type ItemRow,
  indexItems,
  insertItems,
  insertStagedVersion,
  listStagedVersionIds,
  loadItemJsonPage,
  publishVersion,
  setStagedFindings,
} from '../../store/repositories/power-lists.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { primeRegistryCounts, registryCheckFor } from '../legal-sources/live-findings.js';
import { inTransaction } from '../transaction.js';
import { defaultParser, type IsolatedParser } from './read-power-list-isolated.js';

export interface ImportPowerListOptions extends ReadPowerListOptions {
  orgCode: string;
  fileName: string;
  bytes: Uint8Array;
  dryRun?: boolean;
  /** also return the list read (items and findings) — for the CLI; the HTTP answer needs only the findings */
  withList?: boolean;
  /** the caller will not read `bytes` again: they move to the parsing worker instead of being copied */
  handOverBytes?: boolean;
  /** the parser to use (tests); the installation's by default */
  parser?: IsolatedParser;
}

export interface ImportPowerListResult {
  /** the version number written, or the one a real import would write (dry run) */
  versionNo: number;
  dryRun: boolean;
  format: string;
  encoding: string | null;
  title: string;
  itemCount: number;
  findingCount: number;
  /** every finding (the linter's and the registry's): a JSON array in UTF-8, in parts, sent on as it is (findingsOf() parses it) */
  findingsJson: Uint8Array[];
  diff: TPowerListDiff | null;
  /** with `withList` only */
  list?: TPowerList;
}

/** Items per batch written (and pulled from the worker): one batch is a write of a few milliseconds. */
const BATCH = 25;
/** Items of the previous version per page sent to the worker for the diff. */
const PREVIOUS_PAGE = 500;

/** Staged versions being written by this process: the only staged rows an import must not remove. */
const inFlight = new Set<string>();

/** Let the event loop answer what waits (I/O, timers) between two batches. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Import a file as the organisation's next list version. Needs `powerlist.import` on the
 * organisation (the system administrator or a legal reviewer; the CLI acts as the system); a real
 * import is audited in the transaction that publishes it.
 */
export async function importPowerList(ctx: ServiceContext, options: ImportPowerListOptions): Promise<ImportPowerListResult> {
  const org = await findOrganisationByCode(ctx.db, options.orgCode);
  if (!org) throw new DomainError(ERROR_CODES.notFound, `机构代码 ${options.orgCode} 不存在。`);
  await requireAllowed(ctx, 'powerlist.import', org.id);
  // The result reports the registry's findings too; the version stores only the linter's, since
  // the registry's are recomputed against the registry as it stands whenever the list is read.
  const registryCheck = await registryCheckFor(ctx);
  const previous = await findVersionHeader(ctx.db, org.id);
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  const session = await (options.parser ?? defaultParser).analyse(options.bytes, options.fileName, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    handOverBytes: options.handOverBytes === true,
    registry: registryCheck === null ? null : { registry: registryCheck.registry, asOf: registryCheck.asOf },
    previous: previous ? { title: previous.title, pages: itemJsonPages(ctx.db, previous.id) } : null,
  });
  try {
    const { summary } = session;
    const versionNo = (previous?.version_no ?? 0) + 1;
    const items: TPowerItem[] | null = options.withList ? [] : null;
    const resultWith = (findingsJson: Uint8Array[]): ImportPowerListResult => ({
      versionNo,
      dryRun: options.dryRun === true,
      format: summary.format,
      encoding: summary.encoding,
      title: summary.title,
      itemCount: summary.itemCount,
      findingCount: summary.findingCount,
      findingsJson,
      diff: summary.diffJson === null ? null : (JSON.parse(summary.diffJson) as TPowerListDiff),
      ...(items ? { list: { title: summary.title, items, findings: parseFindings(findingsJson) } } : {}),
    });
    if (options.dryRun) {
      if (items)
        for (let rows = await session.nextRows(BATCH); rows.length > 0; rows = await session.nextRows(BATCH)) addItems(items, rows);
      return resultWith((await session.findings()).parts);
    }

    await removeAbandonedStaging(ctx.db, org.id);
    const versionId = ctx.newId();
    const importedAt = ctx.clock().toISOString();
    const version = { id: versionId, source_sha256: sha256, imported_at: importedAt };
    try {
      await insertStagedVersion(ctx.db, {
        id: versionId,
        org_id: org.id,
        version_no: versionNo,
        title: summary.title,
        source_name: options.fileName,
        source_sha256: sha256,
        source_format: summary.format,
        imported_at: importedAt,
        imported_by: ctx.actor.id,
        // the linter's findings about no item, written after the rows (setStagedFindings); each item keeps its own
        findings_json: '[]',
        diff_json: summary.diffJson,
        item_count: summary.itemCount,
        finding_count: summary.lintFindingCount,
      });
    } catch (error) {
      // Two concurrent imports both pick the same version number; the unique key makes the loser
      // fail here, before it wrote anything, and we report it as a conflict rather than a crash.
      if (isUniqueViolation(error)) throw new DomainError(ERROR_CODES.conflict, '另一次导入同时进行，请稍后重试。', { cause: error });
      throw error;
    }
    inFlight.add(versionId);
    let findingsJson: Uint8Array[];
    try {
      // The worker makes the next batch while this one is written. (A pull that fails is awaited
      // in the next round — or never, when the write failed first: it must not count as unhandled.)
      const pull = () => {
        const rows = session.nextRows(BATCH);
        rows.catch(() => {});
        return rows;
      };
      let next = pull();
      for (;;) {
        const rows = await next;
        if (rows.length === 0) break;
        next = pull();
        if (items) addItems(items, rows);
        const itemRows = rows.map(
          (row): ItemRow => ({
            id: ctx.newId(),
            org_id: org.id,
            version_id: versionId,
            item_no: row.no,
            category: row.category,
            name: row.name,
            search_text: row.searchText,
            item_json: row.itemJson,
            finding_count: row.findingCount,
            findings_json: row.findingsJson,
          }),
        );
        await inTransaction(ctx, (tx) => insertItems(tx.db, itemRows));
        await nextTurn();
        await indexItems(
          ctx.db,
          itemRows.map((row) => row.id),
        );
        await nextTurn();
      }
      // Taken only now: the worker has let go of the items, so the two never sit in memory together.
      const findings = await session.findings();
      findingsJson = findings.parts;
      await setStagedFindings(ctx.db, versionId, findings.lintJson);
      await inTransaction(ctx, async (tx) => {
        if (!(await publishVersion(tx.db, versionId))) {
          throw new DomainError(ERROR_CODES.conflict, '另一次导入同时进行，请稍后重试。');
        }
        await recordAudit(tx, {
          orgId: org.id,
          action: 'powerlist.import',
          targetType: 'powerlist-version',
          targetId: versionId,
          details: {
            versionNo,
            fileName: options.fileName,
            sha256,
            format: summary.format,
            items: summary.itemCount,
            findings: summary.findingCount,
          },
        });
      });
    } catch (error) {
      if (!ctx.db.isTransaction) await deleteStagedVersion(ctx.db, versionId, BATCH * 4, nextTurn).catch(() => {});
      throw error;
    } finally {
      inFlight.delete(versionId);
    }
    if (registryCheck !== null && summary.registryCounts !== null) {
      // The registry's findings were just counted: the first reads of the new version need not recount them.
      primeRegistryCounts(version, registryCheck.current.revision, {
        total: summary.registryCounts.total,
        byItem: new Map(summary.registryCounts.byItem),
      });
    }
    return resultWith(findingsJson);
  } finally {
    session.close();
  }
}

/** The findings of an import's result. */
export function findingsOf(result: Pick<ImportPowerListResult, 'findingsJson'>): TFinding[] {
  return parseFindings(result.findingsJson);
}

function parseFindings(parts: readonly Uint8Array[]): TFinding[] {
  return JSON.parse(Buffer.concat(parts).toString('utf8')) as TFinding[];
}

function addItems(items: TPowerItem[], rows: readonly { itemJson: string }[]): void {
  for (const row of rows) items.push(JSON.parse(row.itemJson) as TPowerItem);
}

/** The previous version's stored items, a page at a time (each page one short read). */
async function* itemJsonPages(db: Db, versionId: string): AsyncGenerator<string[]> {
  let after = 0;
  for (;;) {
    const page = await loadItemJsonPage(db, versionId, after, PREVIOUS_PAGE);
    if (page.length === 0) return;
    yield page.map((p) => p.json);
    after = page[page.length - 1]?.no ?? after;
    await nextTurn();
  }
}

/** Staged rows of the organisation that no import of this process is writing: left by one that died. */
async function removeAbandonedStaging(db: Db, orgId: string): Promise<void> {
  for (const id of await listStagedVersionIds(db, orgId)) {
    if (!inFlight.has(id)) await deleteStagedVersion(db, id, BATCH * 4, nextTurn);
  }
}
