/**
 * The difference between two versions of a power list (清单动态调整): which powers were added,
 * removed or changed, and for a changed one each field before and after. Pure and deterministic.
 */
import type { TItemDiff, TPowerItem, TPowerListDiff } from '../../contracts/power-list.js';

/** What the diff reads: a list without its findings. */
export interface DiffablePowerList {
  title: string;
  items: TPowerItem[];
}

type TFieldChange = TItemDiff['changes'][number];
type ComparedField = Exclude<TFieldChange['field'], 'extraFields'>;

/**
 * The fields compared, in the order changes are reported. `no` is not among them: renumbering
 * alone (an item inserted above) is not a change of the power; `noBefore`/`noAfter` show it.
 */
const COMPARED_FIELDS: readonly ComparedField[] = [
  'category',
  'name',
  'subItem',
  'legalBases',
  'duties',
  'dutyBases',
  'accountabilityPreamble',
  'accountability',
  'accountabilityBases',
  'note',
];

interface MatchedPair {
  before: TPowerItem;
  after: TPowerItem;
}

/**
 * Compare two versions. Items are matched by name and sub-item (repeated names pair up in list
 * order); items left over are matched by `no` when their category is the same (a renamed power).
 * `added` and `removed` are ordered by `no`, `changed` by the item's number in `after`.
 */
export function diffPowerLists(before: DiffablePowerList, after: DiffablePowerList): TPowerListDiff {
  const { pairs, unmatchedBefore, unmatchedAfter } = matchItems(before.items, after.items);

  const changed = pairs
    .map(
      (pair): TItemDiff => ({
        name: pair.after.name,
        noBefore: pair.before.no,
        noAfter: pair.after.no,
        changes: compareItems(pair.before, pair.after),
      }),
    )
    .filter((diff) => diff.changes.length > 0)
    .sort((a, b) => (a.noAfter ?? 0) - (b.noAfter ?? 0) || (a.noBefore ?? 0) - (b.noBefore ?? 0));

  return {
    added: summarise(unmatchedAfter),
    removed: summarise(unmatchedBefore),
    changed,
    titleChanged: before.title === after.title ? null : { before: before.title, after: after.title },
  };
}

/** Pair up the items of two versions: first by name and sub-item, then by number and category. */
function matchItems(beforeItems: readonly TPowerItem[], afterItems: readonly TPowerItem[]) {
  const pairs: MatchedPair[] = [];
  const matchedAfter = new Set<TPowerItem>();

  // queues keep list order, so repeated names pair up first with first (and the diff stays linear)
  const afterByKey = groupBy(afterItems, identityKey);
  const unmatchedBefore: TPowerItem[] = [];
  for (const beforeItem of beforeItems) {
    const match = afterByKey.get(identityKey(beforeItem))?.shift();
    if (match === undefined) {
      unmatchedBefore.push(beforeItem);
    } else {
      matchedAfter.add(match);
      pairs.push({ before: beforeItem, after: match });
    }
  }

  const leftAfterByNo = groupBy(
    afterItems.filter((candidate) => !matchedAfter.has(candidate)),
    (candidate) => `${candidate.no}\u0000${candidate.category.trim()}`,
  );
  const stillUnmatchedBefore: TPowerItem[] = [];
  for (const beforeItem of unmatchedBefore) {
    const match = leftAfterByNo.get(`${beforeItem.no}\u0000${beforeItem.category.trim()}`)?.shift();
    if (match === undefined) {
      stillUnmatchedBefore.push(beforeItem);
    } else {
      matchedAfter.add(match);
      pairs.push({ before: beforeItem, after: match });
    }
  }

  return { pairs, unmatchedBefore: stillUnmatchedBefore, unmatchedAfter: afterItems.filter((candidate) => !matchedAfter.has(candidate)) };
}

function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [value]);
    else group.push(value);
  }
  return groups;
}

/** Name and sub-item identify a power; whitespace differences do not count. */
function identityKey(item: TPowerItem): string {
  return `${item.name.trim()}\u0000${(item.subItem ?? '').trim()}`;
}

function compareItems(before: TPowerItem, after: TPowerItem): TFieldChange[] {
  const changes: TFieldChange[] = COMPARED_FIELDS.flatMap((field) =>
    isDeepEqual(before[field], after[field]) ? [] : [{ field, before: before[field], after: after[field] }],
  );
  // The file's other columns (承办机构 …) change too; shown as `header：value` lines.
  const extrasBefore = extraFieldLines(before);
  const extrasAfter = extraFieldLines(after);
  if (!isDeepEqual(extrasBefore, extrasAfter)) changes.push({ field: 'extraFields', before: extrasBefore, after: extrasAfter });
  return changes;
}

function extraFieldLines(item: TPowerItem): string[] {
  return (item.extraFields ?? []).map((field) => `${field.header}：${field.value}`);
}

function summarise(items: readonly TPowerItem[]): { no: number; name: string }[] {
  return items.map((item) => ({ no: item.no, name: item.name })).sort((a, b) => a.no - b.no || compareStrings(a.name, b.name));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Structural equality of plain JSON-like values; key order does not matter, `undefined` keys are absent. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, index) => isDeepEqual(value, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
  const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && isDeepEqual(aRecord[key], bRecord[key]));
}
