/**
 * The worker thread that parses an uploaded power-list file (see read-power-list-isolated.ts): the
 * parsing of a hostile file — deeply nested HTML, a huge shared-string table — runs here, away from
 * the event loop that serves every other request, under a memory limit and a time limit.
 *
 * An import asks for more ('analyse'): the checks (linter, procedure mapping, registry), the diff
 * against the previous version and the rows to store — all of it CPU work on a list of up to 20 MB
 * that would otherwise hold the server's event loop for seconds. The parent then pulls the rows a
 * batch at a time ('rows'), as text only: strings cross the thread boundary by copy, while 10,000
 * item objects would have to be rebuilt on the event loop.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { TLegalRegistry } from '../../contracts/legal-sources.js';
import type { TFinding, TPowerItem } from '../../contracts/power-list.js';
import { DomainError } from '../../domain/errors.js';
import { isRegistryFinding } from '../../domain/legal-sources/registry-findings.js';
import { diffPowerLists } from '../../domain/powerlist/diff.js';
import { readPowerListFile } from '../../io/read-power-list-file.js';
import { findingsFor } from './findings-for.js';
import { searchTextOf } from './search-text.js';

/** What the parent sends to have a file parsed: its bytes (transferred) and name. */
export interface ParseRequest {
  kind: 'parse';
  bytes: Uint8Array;
  fileName: string;
}

/** What the parent sends to have a file analysed for an import. */
export interface AnalyseRequest {
  kind: 'analyse';
  bytes: Uint8Array;
  fileName: string;
  /** check citations against this registry as of this date; null: the linter alone */
  registry: { registry: TLegalRegistry; asOf: string } | null;
  /** the list to diff against (its items come before, in 'previous-items' messages); null: none */
  previousTitle: string | null;
}

/** Items of the previous version as stored (JSON text), sent in steps before 'analyse'. */
export interface PreviousItemsMessage {
  kind: 'previous-items';
  itemJsons: string[];
}

/** The parent pulls the next `count` rows once it has stored the ones before. */
export interface RowsRequest {
  kind: 'rows';
  count: number;
}

/**
 * The parent takes the findings — after the rows, when the items are gone: their text (30 MB on a
 * 10,000-item list) is then made in the memory the items held, not beside them.
 */
export interface FindingsRequest {
  kind: 'findings';
}

export type WorkerRequest = ParseRequest | AnalyseRequest | PreviousItemsMessage | RowsRequest | FindingsRequest;

/** What an import stores per item, as text. */
export interface AnalysedItemRow {
  no: number;
  category: string;
  name: string;
  searchText: string;
  itemJson: string;
  /** the linter's findings of this item */
  findingsJson: string;
  findingCount: number;
}

/** Everything about an analysed list but its rows; big parts as JSON text. */
export interface AnalysisSummary {
  title: string;
  format: Awaited<ReturnType<typeof readPowerListFile>>['format'];
  encoding: string | null;
  itemCount: number;
  findingCount: number;
  lintFindingCount: number;
  /** registry findings per item number, and in all; null without a registry */
  registryCounts: { total: number; byItem: [number, number][] } | null;
  diffJson: string | null;
}

/** What the worker answers. */
export type ParseMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'result'; result: Awaited<ReturnType<typeof readPowerListFile>> }
  | { kind: 'analysed'; summary: AnalysisSummary }
  | { kind: 'rows'; rows: AnalysedItemRow[] }
  /**
   * every finding (the linter's and the registry's) as the import's answer shows them: a JSON
   * array, UTF-8, in parts; and the linter's alone as JSON text (what the version stores)
   */
  | { kind: 'findings'; parts: Uint8Array[]; lintJson: string }
  | { kind: 'domain-error'; code: DomainError['code']; message: string; location: DomainError['location']; issues: DomainError['issues'] }
  | { kind: 'error'; message: string };

const port = parentPort;
if (port === null) throw new Error('read-power-list.worker must run as a worker thread');

/** How much lower than the server's this worker's scheduling priority is (0 normal … 19 lowest). */
const WORKER_NICE = 10;

// Parsing and checking a list is background work. On Linux a nice value belongs to a thread, so
// this lowers this worker alone: when the CPUs are busy, the event loop that answers everyone else
// runs first, and the import takes the time left over.
try {
  os.setPriority(WORKER_NICE);
} catch {
  // not supported here: the worker runs at the process's priority
}
const post = (message: ParseMessage) => port.postMessage(message);

let previousJsons: string[] = [];
let pending: { items: TPowerItem[]; lintByItem: Map<number, TFinding[]>; next: number } | null = null;
/** every finding, kept for the 'findings' request, and the numbers of the list's items */
let allFindings: TFinding[] = [];
let itemNos = new Set<number>();

port.on('message', async (request: WorkerRequest) => {
  try {
    if (request.kind === 'previous-items') {
      previousJsons.push(...request.itemJsons);
    } else if (request.kind === 'parse') {
      const result = await readPowerListFile(request.bytes, request.fileName, {
        onProgress: (done, total) => post({ kind: 'progress', done, total }),
      });
      post({ kind: 'result', result });
    } else if (request.kind === 'analyse') {
      post({ kind: 'analysed', summary: await analyse(request) });
    } else if (request.kind === 'findings') {
      const findings = allFindings;
      allFindings = [];
      const parts = jsonArrayParts(findings);
      // The version keeps the linter's findings about no item (or one the list lacks); each item keeps its own.
      const lintJson = JSON.stringify(
        findings.filter((finding) => !isRegistryFinding(finding) && (finding.item === null || !itemNos.has(finding.item))),
      );
      // The bytes move to the parent (transferred, not copied).
      port.postMessage(
        { kind: 'findings', parts, lintJson } satisfies ParseMessage,
        parts.map((part) => part.buffer as ArrayBuffer),
      );
    } else if (pending !== null) {
      const { items, lintByItem } = pending;
      const rows: AnalysedItemRow[] = [];
      for (const item of items.slice(pending.next, pending.next + request.count)) {
        const findings = lintByItem.get(item.no) ?? [];
        rows.push({
          no: item.no,
          category: item.category,
          name: item.name,
          searchText: searchTextOf(item),
          itemJson: JSON.stringify(item),
          findingsJson: JSON.stringify(findings),
          findingCount: findings.length,
        });
      }
      pending.next += rows.length;
      // The items are not needed once every row is out.
      if (rows.length === 0) pending = null;
      post({ kind: 'rows', rows });
    } else {
      post({ kind: 'rows', rows: [] });
    }
  } catch (error) {
    if (error instanceof DomainError) {
      post({ kind: 'domain-error', code: error.code, message: error.message, location: error.location, issues: error.issues });
    } else {
      post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
});

/**
 * Parse, check and diff; keep the items for the rows and the findings for the end. Memory is what
 * bounds a large import here: nothing is held longer than needed — the file's bytes go once
 * parsed, the previous list once diffed, the items once their rows are out — and the findings'
 * text is made only after that.
 */
async function analyse(request: AnalyseRequest): Promise<AnalysisSummary> {
  const bytes = request.bytes;
  request.bytes = new Uint8Array(0);
  const read = await readPowerListFile(bytes, request.fileName, {
    onProgress: (done, total) => post({ kind: 'progress', done, total }),
  });
  const findings = findingsFor(read, request.registry);
  allFindings = findings;
  itemNos = new Set(read.items.map((item) => item.no));
  const findingCount = findings.length;
  const lint = findings.filter((finding) => !isRegistryFinding(finding));
  let registryCounts: AnalysisSummary['registryCounts'] = null;
  if (request.registry !== null) {
    const byItem = new Map<number, number>();
    let total = 0;
    for (const finding of findings) {
      if (!isRegistryFinding(finding)) continue;
      total++;
      if (finding.item !== null) byItem.set(finding.item, (byItem.get(finding.item) ?? 0) + 1);
    }
    registryCounts = { total, byItem: [...byItem] };
  }
  let diffJson: string | null = null;
  if (request.previousTitle !== null) {
    const previous = { title: request.previousTitle, items: previousJsons.map((json) => JSON.parse(json) as TPowerItem) };
    previousJsons = [];
    diffJson = JSON.stringify(diffPowerLists(previous, read));
  }
  const lintByItem = new Map<number, TFinding[]>();
  for (const finding of lint) {
    if (finding.item === null) continue;
    const list = lintByItem.get(finding.item);
    if (list) list.push(finding);
    else lintByItem.set(finding.item, [finding]);
  }
  pending = { items: read.items, lintByItem, next: 0 };
  return {
    title: read.title,
    format: read.format,
    encoding: read.encoding,
    itemCount: read.items.length,
    findingCount,
    lintFindingCount: lint.length,
    registryCounts,
    diffJson,
  };
}

/** Findings per part of the JSON text. */
const JSON_PART = 100;

/**
 * A JSON array as UTF-8 bytes in parts, each owning its buffer (transferred to the parent as they
 * are). Not one string: 60,000 findings of Chinese text make a 30 MB string at two bytes a
 * character, plus its bytes — the largest moment of a large import's memory.
 */
function jsonArrayParts(values: readonly unknown[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < values.length || i === 0; i += JSON_PART) {
    const inner = JSON.stringify(values.slice(i, i + JSON_PART)).slice(1, -1);
    const text = `${i === 0 ? '[' : ','}${inner}${i + JSON_PART >= values.length ? ']' : ''}`;
    parts.push(new Uint8Array(Buffer.from(text)));
  }
  return parts;
}
