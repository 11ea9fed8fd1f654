/**
 * What happens after the working calendar changed. The case engine registers its recount of
 * running deadlines here (`onCalendarChanged('case-deadlines', …)`); the import service calls every
 * listener after its transaction committed, with the dates whose kind changed. A listener's failure
 * does not undo the import: it is reported in the import's answer (followUps) for a person to see.
 */
import type { ServiceContext } from '../context.js';

export interface CalendarChange {
  /** dates whose kind or holiday name changed (a newly covered year: all its days) */
  changedDates: readonly string[];
  /** years that became covered */
  newlyCoveredYears: readonly number[];
  revisionNo: number;
  /** Chinese, for the record on each case: 节假日日历变更（第 3 次导入） */
  reason: string;
}

/** A follow-up; returns a short Chinese summary (重新计算了 3 个案件的期限). */
export type CalendarChangeListener = (ctx: ServiceContext, change: CalendarChange) => Promise<string>;

const listeners = new Map<string, CalendarChangeListener>();

/** Registers a follow-up under a name (registering the same name again replaces it); returns an unregister function. */
export function onCalendarChanged(name: string, listener: CalendarChangeListener): () => void {
  listeners.set(name, listener);
  return () => {
    if (listeners.get(name) === listener) listeners.delete(name);
  };
}

/** Runs every follow-up in registration order; never throws. */
export async function notifyCalendarChanged(
  ctx: ServiceContext,
  change: CalendarChange,
): Promise<{ name: string; ok: boolean; message: string }[]> {
  const out: { name: string; ok: boolean; message: string }[] = [];
  for (const [name, listener] of listeners) {
    try {
      out.push({ name, ok: true, message: await listener(ctx, change) });
    } catch (error) {
      out.push({ name, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}
