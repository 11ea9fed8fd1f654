/**
 * The audit page's search as URL parameters (so a search survives a reload and can be shared with
 * a colleague), the API query it becomes, and the verification verdict in words.
 */
import type { TChainVerdict } from '@contracts/audit.js';

/** The auditor's filters and page. Instants are ISO 8601 strings. */
export interface AuditFilter {
  org: string | null;
  actor: string | null;
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  from: string | null;
  to: string | null;
  /** 'true': only records that changed something (no sign-ins, reads or searches) */
  changesOnly: string | null;
  /** 1-based */
  page: number;
  pageSize: number;
}

/** Page sizes offered. */
export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;

const TEXT_KEYS = ['org', 'actor', 'action', 'targetType', 'targetId', 'requestId', 'from', 'to', 'changesOnly'] as const;

/** The query string of GET /api/v1/audit/records (ZAuditSearchQuery) as the page sends it. */
export type AuditQuery = { limit: number; offset: number } & Partial<Record<(typeof TEXT_KEYS)[number], string>>;

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^\d{1,7}$/.test(value)) return fallback;
  const parsed = Number(value);
  return parsed > 0 ? parsed : fallback;
}

function isInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The filter a URL's search parameters describe; malformed values are ignored. */
export function auditFilterFromSearch(params: URLSearchParams): AuditFilter {
  const text = (key: (typeof TEXT_KEYS)[number]) => {
    const value = params.get(key)?.trim() ?? '';
    if (value === '') return null;
    if ((key === 'from' || key === 'to') && !isInstant(value)) return null;
    if (key === 'changesOnly' && value !== 'true') return null;
    return value.slice(0, 100);
  };
  const pageSize = positiveInt(params.get('size'), AUDIT_PAGE_SIZES[0]);
  return {
    org: text('org'),
    actor: text('actor'),
    action: text('action'),
    targetType: text('targetType'),
    targetId: text('targetId'),
    requestId: text('requestId'),
    from: text('from'),
    to: text('to'),
    changesOnly: text('changesOnly'),
    page: positiveInt(params.get('page'), 1),
    pageSize: (AUDIT_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : AUDIT_PAGE_SIZES[0],
  };
}

/** The URL parameters of a filter (defaults left out). */
export function auditFilterToSearch(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = filter[key];
    if (value !== null && value !== '') params.set(key, value);
  }
  if (filter.page !== 1) params.set('page', String(filter.page));
  if (filter.pageSize !== AUDIT_PAGE_SIZES[0]) params.set('size', String(filter.pageSize));
  return params;
}

/** The API query of a filter. */
export function auditQueryOf(filter: AuditFilter): AuditQuery {
  const query: AuditQuery = { limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize };
  for (const key of TEXT_KEYS) {
    const value = filter[key];
    if (value !== null && value !== '') query[key] = value;
  }
  return query;
}

/** Whether any filter (beyond paging) is set. */
export function hasAuditFilter(filter: AuditFilter): boolean {
  return TEXT_KEYS.some((key) => filter[key] !== null);
}

const REASON_LABELS: Record<NonNullable<TChainVerdict['reason']>, string> = {
  'hash-mismatch': '记录内容与其哈希值不符（记录被改动）',
  'sequence-gap': '序号不连续（有记录被删除或插入）',
  'prev-mismatch': '与前一条记录的哈希不衔接（记录被调换顺序或前一条被改动）',
  'org-mismatch': '记录所属机构与链不符',
  'head-mismatch': '链头登记与记录不符（末尾记录或链头被删除、改动）',
  'anchor-mismatch': '与上级机构审计链中登记的链头不符（审计链被截断或重新计算）',
};

/** One chain's verdict for the page: an alert type, a title and the detail lines. */
export interface VerdictView {
  type: 'success' | 'error';
  title: string;
  lines: string[];
}

/** Describes a chain verdict, naming the first broken record. */
export function describeVerdict(verdict: TChainVerdict): VerdictView {
  const name = verdict.organisation.name;
  if (verdict.ok) {
    return { type: 'success', title: `${name}：哈希链完整`, lines: [verdict.message] };
  }
  const where = verdict.brokenAt === null ? '哈希链不完整' : `哈希链在第 ${verdict.brokenAt} 条记录处断开`;
  const lines = [verdict.message];
  if (verdict.reason) lines.push(`原因：${REASON_LABELS[verdict.reason]}`);
  if (verdict.recordId) lines.push(`第一条断开的记录：编号 ${verdict.recordId}`);
  lines.push(`断开前已校验完好的记录：${verdict.count} 条`);
  return { type: 'error', title: `${name}：${where}`, lines };
}
