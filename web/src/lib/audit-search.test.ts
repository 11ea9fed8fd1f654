import type { TChainVerdict } from '@contracts/audit.js';
import { describe, expect, it } from 'vitest';
import { auditFilterFromSearch, auditFilterToSearch, auditQueryOf, describeVerdict, hasAuditFilter } from './audit-search.js';

describe('audit filter in the URL', () => {
  it('reads filters and paging, ignoring malformed values', () => {
    const filter = auditFilterFromSearch(
      new URLSearchParams('actor=%20alice%20&action=session.&from=2026-11-01T00:00:00.000Z&to=yesterday&page=3&size=50&org='),
    );
    expect(filter).toEqual({
      org: null,
      actor: 'alice',
      action: 'session.',
      targetType: null,
      targetId: null,
      requestId: null,
      from: '2026-11-01T00:00:00.000Z',
      to: null,
      changesOnly: null,
      page: 3,
      pageSize: 50,
    });
    expect(hasAuditFilter(filter)).toBe(true);
  });

  it('falls back to the first page and the default size', () => {
    const filter = auditFilterFromSearch(new URLSearchParams('page=0&size=7'));
    expect(filter.page).toBe(1);
    expect(filter.pageSize).toBe(20);
    expect(hasAuditFilter(filter)).toBe(false);
  });

  it('round-trips through the URL and leaves defaults out', () => {
    const filter = auditFilterFromSearch(new URLSearchParams('targetType=user&targetId=42&page=2'));
    const search = auditFilterToSearch(filter);
    expect(search.toString()).toBe('targetType=user&targetId=42&page=2');
    expect(auditFilterFromSearch(search)).toEqual(filter);
  });

  it('becomes an API query with limit and offset', () => {
    const filter = auditFilterFromSearch(new URLSearchParams('actor=bob&page=3&size=100'));
    expect(auditQueryOf(filter)).toEqual({ actor: 'bob', limit: 100, offset: 200 });
  });
});

describe('describeVerdict', () => {
  const base: TChainVerdict = {
    organisation: { code: 'lz', name: '柳州市国家保密局' },
    ok: true,
    count: 12,
    head: { seq: 12, hash: 'ab' },
    brokenAt: null,
    recordId: null,
    reason: null,
    message: '柳州市国家保密局的审计链完整：共 12 条记录。',
  };

  it('reports an intact chain', () => {
    expect(describeVerdict(base)).toEqual({ type: 'success', title: '柳州市国家保密局：哈希链完整', lines: [base.message] });
  });

  it('names the first broken record, its reason and how far the chain held', () => {
    const view = describeVerdict({
      ...base,
      ok: false,
      count: 6,
      brokenAt: 7,
      recordId: '0193-aaaa',
      reason: 'hash-mismatch',
      message: '第 7 号记录的哈希不符。',
    });
    expect(view.type).toBe('error');
    expect(view.title).toBe('柳州市国家保密局：哈希链在第 7 条记录处断开');
    expect(view.lines).toEqual([
      '第 7 号记录的哈希不符。',
      '原因：记录内容与其哈希值不符（记录被改动）',
      '第一条断开的记录：编号 0193-aaaa',
      '断开前已校验完好的记录：6 条',
    ]);
  });
});
