/**
 * The system administrator enters holiday arrangements (节假日安排): next year's State Council
 * notice, or a correction of a day. Entries are upserted by date (`remove` drops one); years named
 * in `coveredYears` become complete, so their unlisted days are ordinary weekdays and weekends.
 *
 * One transaction: the entries, the declared years, a history row and the audit record. The answer
 * names every date whose kind changed; after the commit the registered follow-ups (the case
 * engine's recount of running deadlines, see calendar-changed.ts) run with those dates.
 */
import { type TCalendarImportRequest, type TCalendarImportResponse, ZCalendarImportRequest } from '../../contracts/calendar.js';
import { type CalendarOverride, changedDates, createWorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { isUniqueViolation } from '../../store/errors.js';
import {
  deleteCalendarOverride,
  insertCalendarRevision,
  insertCoveredYear,
  latestCalendarRevision,
  listCalendarOverrides,
  upsertCalendarOverride,
} from '../../store/repositories/calendar.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { calendarAuditOrgId } from './calendar-audit-org.js';
import { notifyCalendarChanged } from './calendar-changed.js';
import { chineseDaysData } from './chinese-days-data.js';
import { loadCalendarOverrides } from './load-working-calendar.js';

export interface ImportCalendarOptions {
  /** the file it came from, for the audit record */
  fileName?: string;
}

/** Most dates listed in the audit record (a whole new year would be 365). */
const AUDITED_DATES = 120;

export async function importCalendarOverrides(
  ctx: ServiceContext,
  input: TCalendarImportRequest,
  options: ImportCalendarOptions = {},
): Promise<TCalendarImportResponse> {
  const tree = await requireAllowed(ctx, 'settings.write', null);
  const parsed = ZCalendarImportRequest.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: i.message,
    }));
    throw new DomainError(ERROR_CODES.validation, issues[0]?.message ?? '节假日数据无效', { issues });
  }
  const request = parsed.data;
  const base = chineseDaysData();

  const outcome = await inTransaction(ctx, async (tx) => {
    const current = await loadCalendarOverrides(tx.db);
    const before = createWorkingCalendar(base, current);
    const existing = new Map((await listCalendarOverrides(tx.db)).map((r) => [r.date, r]));

    const next = new Map<string, CalendarOverride>(current.days.map((d) => [d.date, d]));
    const toSet: CalendarOverride[] = [];
    const toRemove: string[] = [];
    let added = 0;
    let updated = 0;
    let removed = 0;
    let unchanged = 0;
    for (const entry of request.entries) {
      const had = existing.get(entry.date);
      if (entry.kind === 'remove') {
        if (!had) unchanged++;
        else {
          removed++;
          toRemove.push(entry.date);
          next.delete(entry.date);
        }
        continue;
      }
      if (had && had.kind === entry.kind && had.name === entry.name) {
        unchanged++;
        continue;
      }
      if (had) updated++;
      else added++;
      const override = { date: entry.date, kind: entry.kind, name: entry.name };
      toSet.push(override);
      next.set(entry.date, override);
    }
    const newlyCoveredYears = [...new Set(request.coveredYears)].filter((y) => !before.isCovered(y)).sort((a, b) => a - b);
    const after = createWorkingCalendar(base, { days: [...next.values()], coveredYears: [...current.coveredYears, ...newlyCoveredYears] });
    const years = new Set<number>([...request.entries.map((e) => Number(e.date.slice(0, 4))), ...newlyCoveredYears]);
    const changed = changedDates(before, after, years);

    const latest = await latestCalendarRevision(tx.db);
    const nothingToWrite = toSet.length === 0 && toRemove.length === 0 && newlyCoveredYears.length === 0;
    const result = {
      dryRun: request.dryRun,
      revisionNo: null as number | null,
      added,
      updated,
      removed,
      unchanged,
      newlyCoveredYears,
      changedDates: changed,
    };
    if (request.dryRun || nothingToWrite) return result;

    const at = tx.clock().toISOString();
    const revisionNo = (latest?.revision_no ?? 0) + 1;
    const actor = { created_by: tx.actor.id, created_by_name: tx.actor.name, created_at: at, revision_no: revisionNo };
    await insertCalendarRevision(tx.db, {
      revision_no: revisionNo,
      id: tx.newId(),
      at,
      actor_id: tx.actor.id,
      actor_name: tx.actor.name,
      summary: JSON.stringify({
        source: request.source,
        fileName: options.fileName ?? null,
        set: toSet,
        removed: toRemove,
        coveredYears: newlyCoveredYears,
        changedDates: changed,
      }),
    });
    for (const date of toRemove) await deleteCalendarOverride(tx.db, date);
    for (const o of toSet) await upsertCalendarOverride(tx.db, { id: tx.newId(), date: o.date, kind: o.kind, name: o.name, ...actor });
    for (const year of newlyCoveredYears) await insertCoveredYear(tx.db, { year, source: request.source, ...actor });
    await recordAudit(tx, {
      orgId: calendarAuditOrgId(tx, tree),
      action: 'calendar.import',
      targetType: 'calendar',
      targetId: String(revisionNo),
      details: {
        revisionNo,
        ...(request.source ? { source: request.source } : {}),
        ...(options.fileName ? { fileName: options.fileName } : {}),
        added,
        updated,
        removed,
        newlyCoveredYears,
        set: toSet.slice(0, AUDITED_DATES).map((o) => `${o.date} ${o.kind === 'holiday' ? '放假' : '上班'}${o.name ? ` ${o.name}` : ''}`),
        removedDates: toRemove.slice(0, AUDITED_DATES),
        changedDates: changed.length > AUDITED_DATES ? `${changed.length} 天` : changed,
      },
    });
    return { ...result, revisionNo };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new DomainError(ERROR_CODES.conflict, '另一项节假日导入刚刚完成，请刷新后重试。', { cause: error });
    throw error;
  });

  const followUps =
    outcome.revisionNo !== null && outcome.changedDates.length > 0
      ? await notifyCalendarChanged(ctx, {
          changedDates: outcome.changedDates,
          newlyCoveredYears: outcome.newlyCoveredYears,
          revisionNo: outcome.revisionNo,
          reason: `节假日日历变更（第 ${outcome.revisionNo} 次导入）`,
        })
      : [];
  return { ...outcome, followUps };
}
