import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../../contracts/power-list.js';
import { diffPowerLists, isDeepEqual } from './diff.js';

function item(no: number, name: string, overrides: Partial<TPowerItem> = {}): TPowerItem {
  return {
    no,
    category: '行政检查',
    name,
    subItem: null,
    legalBases: [
      {
        no: null,
        sameAs: null,
        rank: '法律',
        title: '中华人民共和国保守国家秘密法',
        edition: '主席令第28号',
        articles: [{ article: 44, paragraph: null, item: null }],
        text: '保密行政管理部门对机关、单位遵守保密制度的情况进行检查。',
        truncated: false,
      },
    ],
    duties: [{ no: 1, name: '检查', text: '对机关、单位遵守保密制度的情况进行检查。', truncated: false }],
    dutyBases: [],
    accountabilityPreamble: null,
    accountability: [{ no: 1, text: '违反法定程序实施检查的。', truncated: false }],
    accountabilityBases: [],
    note: null,
    ...overrides,
  };
}

const list = (items: TPowerItem[], title = '柳州市国家保密局权责清单') => ({ title, items });

describe('diffPowerLists', () => {
  it('finds no difference between a list and a copy of itself', () => {
    const items = [item(1, '甲'), item(2, '乙')];
    const diff = diffPowerLists(list(items), list(structuredClone(items)));
    expect(diff).toEqual({ added: [], removed: [], changed: [], titleChanged: null });
  });

  it('reports added and removed items ordered by number', () => {
    const diff = diffPowerLists(
      list([item(1, '甲'), item(2, '乙'), item(3, '丙')]),
      list([item(1, '甲'), item(2, '戊', { category: '行政强制' }), item(3, '丁', { category: '行政强制' })]),
    );
    expect(diff.added).toEqual([
      { no: 2, name: '戊' },
      { no: 3, name: '丁' },
    ]);
    expect(diff.removed).toEqual([
      { no: 2, name: '乙' },
      { no: 3, name: '丙' },
    ]);
    expect(diff.changed).toEqual([]);
  });

  it('gives each changed field with before and after, in contract field order', () => {
    const before = item(1, '甲');
    const after = item(1, '甲', {
      note: '2024年保密法修订后调整',
      duties: [...before.duties, { no: 2, name: '结案', text: '立卷归档。', truncated: false }],
    });
    const diff = diffPowerLists(list([before]), list([after]));
    expect(diff.changed).toEqual([
      {
        name: '甲',
        noBefore: 1,
        noAfter: 1,
        changes: [
          { field: 'duties', before: before.duties, after: after.duties },
          { field: 'note', before: null, after: '2024年保密法修订后调整' },
        ],
      },
    ]);
  });

  it('matches by name across renumbering without calling renumbering a change', () => {
    const diff = diffPowerLists(list([item(1, '甲'), item(2, '乙')]), list([item(1, '新'), item(2, '甲'), item(3, '乙')]));
    expect(diff.added).toEqual([{ no: 1, name: '新' }]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
  });

  it('matches a renamed item by number when its category is unchanged', () => {
    const diff = diffPowerLists(list([item(4, '对保密工作的监督检查')]), list([item(4, '对机关、单位保密工作的监督检查')]));
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        name: '对机关、单位保密工作的监督检查',
        noBefore: 4,
        noAfter: 4,
        changes: [{ field: 'name', before: '对保密工作的监督检查', after: '对机关、单位保密工作的监督检查' }],
      },
    ]);
  });

  it('does not match a renamed item by number when the category changed', () => {
    const diff = diffPowerLists(list([item(4, '甲')]), list([item(4, '乙', { category: '行政强制' })]));
    expect(diff.added).toEqual([{ no: 4, name: '乙' }]);
    expect(diff.removed).toEqual([{ no: 4, name: '甲' }]);
    expect(diff.changed).toEqual([]);
  });

  it('tells sub-items of one name apart and pairs repeated names in order', () => {
    const before = [item(1, '甲', { subItem: '一' }), item(2, '甲', { subItem: '二' })];
    const after = [item(1, '甲', { subItem: '二' }), item(2, '甲', { subItem: '一', note: '改' })];
    const diff = diffPowerLists(list(before), list(after));
    expect(diff.changed).toEqual([{ name: '甲', noBefore: 1, noAfter: 2, changes: [{ field: 'note', before: null, after: '改' }] }]);
  });

  it('orders changed items by their number in the new version', () => {
    const before = [item(1, '甲'), item(2, '乙'), item(3, '丙')];
    const after = [item(1, '丙', { note: 'x' }), item(2, '甲', { note: 'y' }), item(3, '乙')];
    expect(diffPowerLists(list(before), list(after)).changed.map((c) => c.name)).toEqual(['丙', '甲']);
  });

  it('reports a changed title, and a changed preamble', () => {
    const diff = diffPowerLists(
      list([item(1, '甲')], '旧标题'),
      list([item(1, '甲', { accountabilityPreamble: '下列情形的：' })], '新标题'),
    );
    expect(diff.titleChanged).toEqual({ before: '旧标题', after: '新标题' });
    expect(diff.changed[0]?.changes).toEqual([{ field: 'accountabilityPreamble', before: null, after: '下列情形的：' }]);
  });
});

describe('extra fields', () => {
  it('reports a changed, added or removed extra column as `header：value` lines, and none when both have none', () => {
    const before = item(1, '甲', { extraFields: [{ header: '承办机构', value: '保密检查处' }] });
    const after = item(1, '甲', {
      extraFields: [
        { header: '承办机构', value: '技术处' },
        { header: '事项编码', value: 'JC-01' },
      ],
    });
    expect(diffPowerLists(list([before]), list([after])).changed[0]?.changes).toEqual([
      { field: 'extraFields', before: ['承办机构：保密检查处'], after: ['承办机构：技术处', '事项编码：JC-01'] },
    ]);
    expect(diffPowerLists(list([item(1, '甲')]), list([item(1, '甲', { extraFields: [] })])).changed).toEqual([]);
  });
});

describe('isDeepEqual', () => {
  it('ignores key order and undefined keys, but not values or array order', () => {
    expect(isDeepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(isDeepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(isDeepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(isDeepEqual([1, 2], [2, 1])).toBe(false);
    expect(isDeepEqual(null, {})).toBe(false);
    expect(isDeepEqual([], {})).toBe(false);
  });
});
