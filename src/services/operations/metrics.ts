/**
 * The process's Prometheus metrics, in one registry of our own (not prom-client's global one, so
 * nothing a library registers leaks into /metrics). Code that has something to count calls the
 * small functions here — `countTransition('accept')` — and never imports prom-client itself.
 * Labels carry route templates, actions and outcomes only: never ids, names or addresses.
 */
import client from 'prom-client';
import { auditChainLengths, openCasesDueOnOrBefore } from '../../store/operations.repository.js';
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js';
import { caseCalendarOf } from '../cases/load-case-calendar.js';
import type { Db } from '../database-lifecycle.js';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'quanze_' });

const requestDuration = new client.Histogram({
  name: 'quanze_http_request_duration_seconds',
  help: 'HTTP request latency by route template, method and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  // Public reads answer in milliseconds; imports and exports take seconds.
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const imports = new client.Counter({
  name: 'quanze_powerlist_imports_total',
  help: 'Power-list imports by outcome (published, dry-run, refused, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const transitions = new client.Counter({
  name: 'quanze_case_transitions_total',
  help: 'Case transitions taken, by action',
  labelNames: ['action'] as const,
  registers: [registry],
});

const chainLength = new client.Gauge({
  name: 'quanze_audit_chain_length',
  help: 'Records in each organisation’s audit chain (its head sequence number), read at scrape time',
  labelNames: ['org'] as const,
  registers: [registry],
});

const deadlineCards = new client.Gauge({
  name: 'quanze_case_deadline_cards',
  help: 'Open cases whose nearest deadline shows a card on the workbench, read at scrape time: red = overdue, yellow = due within 2 working days',
  labelNames: ['org', 'card'] as const,
  registers: [registry],
});

/** Records one finished HTTP request; `route` is the template (`/api/v1/cases/:id`), never the raw URL. */
export function observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
  // The labelled child is kept per label set: prom-client otherwise hashes the labels on every request.
  const key = `${method} ${statusCode} ${route}`;
  let child = requestChildren.get(key);
  if (child === undefined) {
    child = requestDuration.labels({ method, route, status_code: String(statusCode) });
    requestChildren.set(key, child);
  }
  child.observe(seconds);
}

/** Route templates and status codes are a bounded set, so this stays small. */
const requestChildren = new Map<string, { observe(value: number): void }>();

export type ImportOutcome = 'published' | 'dry-run' | 'refused' | 'failed';

/** Counts one power-list import attempt. */
export function countImport(outcome: ImportOutcome): void {
  imports.inc({ outcome });
}

/** Counts one case transition that was committed. */
export function countTransition(action: string): void {
  // Actions are a fixed vocabulary; anything else would grow the label set without bound.
  transitions.inc({ action: /^[a-z][a-z0-9-]{0,40}$/.test(action) ? action : 'other' });
}

/** The content type of the text exposition format. */
export const METRICS_CONTENT_TYPE = registry.contentType;

/** Everything in the text exposition format, with the gauges read from the database now. */
export async function renderMetrics(db: Db, now: Date = new Date()): Promise<string> {
  chainLength.reset();
  for (const chain of await auditChainLengths(db)) chainLength.set({ org: chain.orgCode }, chain.length);
  await readDeadlineCards(db, now);
  return registry.metrics();
}

/** The workbench's cards, counted as its filters count them (overdue: due before today; soon: within 2 working days). */
async function readDeadlineCards(db: Db, now: Date): Promise<void> {
  const calendar = caseCalendarOf(await loadWorkingCalendar({ db }));
  const today = calendar.localDateOf(now);
  const red = await openCasesDueOnOrBefore(db, calendar.addDays(today, -1));
  const soon = await openCasesDueOnOrBefore(db, calendar.addWorkingDays(today, 2) ?? today);
  deadlineCards.reset();
  for (const { orgCode, count } of soon) {
    const overdue = red.find((r) => r.orgCode === orgCode)?.count ?? 0;
    deadlineCards.set({ org: orgCode, card: 'red' }, overdue);
    deadlineCards.set({ org: orgCode, card: 'yellow' }, count - overdue);
  }
}

/** The current value of a counter or histogram-count series (tests read what they caused). */
export async function metricValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const data = await metric.get();
  const wanted = String(data.type) === 'histogram' ? `${name}_count` : name;
  const match = data.values.find(
    (v) =>
      ((v as { metricName?: string }).metricName ?? name) === wanted &&
      Object.entries(labels).every(([k, value]) => String((v.labels as Record<string, unknown>)[k]) === value),
  );
  return match?.value ?? 0;
}
