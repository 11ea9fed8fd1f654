import { describe, expect, it } from 'vitest';
import { describeFieldChange, entryText, textChange } from './field-change.js';

describe('textChange', () => {
  it('isolates the edited middle with context on both sides', () => {
    expect(textChange('通过举报、检查，发现涉嫌', '通过举报、检查、移送等途径，发现涉嫌', 4)).toEqual({
      lead: '…报、检查',
      removed: '',
      added: '、移送等途径',
      tail: '，发现涉…',
    });
  });

  it('reports a replaced word', () => {
    expect(textChange('保密确定', '保密审查确定')).toEqual({ lead: '保密', removed: '', added: '审查', tail: '确定' });
    expect(textChange('第一条', '第二条')).toEqual({ lead: '第', removed: '一', added: '二', tail: '条' });
  });

  it('clips long unchanged context', () => {
    const change = textChange(`${'甲'.repeat(30)}乙${'丙'.repeat(30)}`, `${'甲'.repeat(30)}丁${'丙'.repeat(30)}`, 3);
    expect(change).toEqual({ lead: '…甲甲甲', removed: '乙', added: '丁', tail: '丙丙丙…' });
  });
});

describe('entryText', () => {
  it('reads duties, citations and plain values', () => {
    expect(entryText({ no: 1, name: '立案', text: '决定是否立案。', truncated: false })).toBe('立案：决定是否立案。');
    expect(entryText({ title: '行政处罚法', text: '……', articles: [] })).toBe('《行政处罚法》……');
    expect(entryText(null)).toBe('');
    expect(entryText(7)).toBe('7');
  });
});

describe('describeFieldChange', () => {
  it('lists only the entries that changed, added or removed', () => {
    const before = [{ text: '甲' }, { text: '乙' }, { text: '丙' }];
    const after = [{ text: '甲' }, { text: '乙乙' }];
    const lines = describeFieldChange(before, after);
    expect(lines.map((line) => line.label)).toEqual(['第2条', '删除第3条']);
    expect(lines[0]?.change.added).toBe('乙');
    expect(lines[1]?.change.removed).toBe('丙');
  });

  it('describes a single-valued field without a label', () => {
    expect(describeFieldChange('旧名称', '新名称')).toEqual([
      {
        label: null,
        change: { lead: '', removed: '旧', added: '新', tail: '名称' },
        parts: [
          { kind: 'removed', text: '旧' },
          { kind: 'added', text: '新' },
          { kind: 'same', text: '名称' },
        ],
      },
    ]);
  });
});
