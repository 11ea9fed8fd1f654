import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TCitation, TClause, TDuty, TPowerItem } from '../../contracts/power-list.js';
import { readPowerListTsv } from '../../io/power-list-tsv.js';
import { readAccountabilityCell, readDutyCell } from './build-item.js';
import {
  LINT_RULE_IDS,
  lintPowerList,
  RULE_CATEGORY_ACTION_MISMATCH,
  RULE_CATEGORY_MISMATCH,
  RULE_CITATION_WITHOUT_ARTICLE,
  RULE_CITATION_WITHOUT_TITLE,
  RULE_DUPLICATE_ITEM_NAME,
  RULE_EMPTY_COLUMN,
  RULE_MISSING_LEGAL_BASIS,
  RULE_RENUMBERED_ITEM,
  RULE_TRUNCATED_CELL,
  RULE_UNKNOWN_DUTY_STEP,
  RULE_UNRESOLVED_SAME_AS,
  RULE_UNSPLIT_ENTRIES,
} from './lint.js';

// ── small factories: a clean item, then each test breaks one thing ────────────────────────────

function citation(overrides: Partial<TCitation> = {}): TCitation {
  return {
    no: 1,
    sameAs: null,
    rank: '法律',
    title: '中华人民共和国保守国家秘密法',
    edition: '主席令第28号',
    articles: [{ article: 45, paragraph: null, item: null }],
    text: '保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
    truncated: false,
    ...overrides,
  };
}

function duty(overrides: Partial<TDuty> = {}): TDuty {
  return { no: 1, name: '立案', text: '发现涉嫌违法行为的，予以审查，决定是否立案。', truncated: false, ...overrides };
}

function clause(overrides: Partial<TClause> = {}): TClause {
  return { no: 1, text: '无法定依据或者超越法定权限实施行政处罚的；', truncated: false, ...overrides };
}

function item(overrides: Partial<TPowerItem> = {}): TPowerItem {
  return {
    no: 1,
    category: '行政处罚',
    name: '对非法获取、持有国家秘密载体的处罚',
    subItem: null,
    legalBases: [citation({ no: null })],
    duties: [duty(), duty({ no: 2, name: '调查取证', text: '指定专人负责，及时组织调查取证。' })],
    dutyBases: [
      citation({
        title: '中华人民共和国行政处罚法',
        articles: [{ article: 36, paragraph: null, item: null }],
        text: '行政机关发现……必须全面、客观、公正的调查。',
      }),
    ],
    accountabilityPreamble: '因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应承担相应责任：',
    accountability: [clause(), clause({ no: 2, text: '违反法定程序实施行政处罚的；' })],
    accountabilityBases: [
      citation({
        title: '中华人民共和国行政处罚法',
        articles: [{ article: 55, paragraph: null, item: null }],
        text: '行政机关实施行政处罚，有下列情形之一的……',
      }),
    ],
    note: null,
    ...overrides,
  };
}

function lintItems(...items: TPowerItem[]) {
  return lintPowerList({ title: '测试清单', items });
}

function rulesOf(findings: { rule: string }[]): string[] {
  return findings.map((f) => f.rule);
}

describe('lintPowerList on a clean item', () => {
  it('finds nothing', () => {
    expect(lintItems(item())).toEqual([]);
  });

  it('exports each rule id once', () => {
    expect(new Set(LINT_RULE_IDS).size).toBe(LINT_RULE_IDS.length);
    expect(LINT_RULE_IDS).toHaveLength(13);
  });
});

describe(RULE_TRUNCATED_CELL, () => {
  it('reports each truncated entry with its field, index and the number the cell gave it', () => {
    const findings = lintItems(
      item({
        duties: [
          duty(),
          duty({ no: 2, name: '调查取证' }),
          duty({ no: 3, name: '审理', text: '审理案件调查报告……以适当', truncated: true }),
        ],
        accountabilityBases: [
          citation({ title: '中华人民共和国行政处罚法' }),
          citation({ no: 2, title: null, articles: [], text: '《中华人', truncated: true }),
        ],
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: RULE_TRUNCATED_CELL, severity: 'warning', item: 1, field: 'duties', entry: 2 }),
      expect.objectContaining({ rule: RULE_TRUNCATED_CELL, severity: 'warning', item: 1, field: 'accountabilityBases', entry: 1 }),
    ]);
    expect(findings[0]?.message).toBe('第1项“责任事项”第3条内容被截断（原文导出时超长被截去），请核对原始清单补全。');
    expect(findings[0]?.messageEn).toContain('cut off');
  });

  it('numbers unnumbered entries by position', () => {
    const findings = lintItems(item({ legalBases: [citation({ no: null }), citation({ no: null, truncated: true })] }));
    expect(findings.map((f) => f.message)).toEqual(['第1项“实施依据”第2条内容被截断（原文导出时超长被截去），请核对原始清单补全。']);
  });
});

describe(RULE_UNRESOLVED_SAME_AS, () => {
  it('is an error when 同N points at no entry N of the same cell', () => {
    const findings = lintItems(
      item({ accountabilityBases: [citation({ no: 1 }), citation({ no: 2, sameAs: 5, title: null, articles: [], text: '' })] }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: RULE_UNRESOLVED_SAME_AS, severity: 'error', field: 'accountabilityBases', entry: 1 }),
    ]);
    expect(findings[0]?.message).toContain('同5');
  });

  it('accepts 同N when entry N exists, and does not let an entry point at itself', () => {
    const resolved = lintItems(item({ accountabilityBases: [citation({ no: 1 }), citation({ no: 2, sameAs: 1 })] }));
    expect(resolved).toEqual([]);
    const selfReference = lintItems(item({ dutyBases: [citation({ no: 1, sameAs: 1, title: null, articles: [] })] }));
    expect(rulesOf(selfReference)).toEqual([RULE_UNRESOLVED_SAME_AS]);
  });
});

describe(RULE_MISSING_LEGAL_BASIS, () => {
  it('is an error when an item has no 实施依据', () => {
    const findings = lintItems(item({ no: 4, legalBases: [] }));
    expect(findings).toEqual([
      expect.objectContaining({ rule: RULE_MISSING_LEGAL_BASIS, severity: 'error', item: 4, field: 'legalBases', entry: null }),
    ]);
    expect(findings[0]?.message).toContain('未填写实施依据');
  });
});

describe(RULE_CITATION_WITHOUT_ARTICLE, () => {
  it('warns about a titled citation without articles', () => {
    const findings = lintItems(item({ accountabilityBases: [citation({ title: '行政机关公务员处分条例', articles: [] })] }));
    expect(findings).toEqual([
      expect.objectContaining({ rule: RULE_CITATION_WITHOUT_ARTICLE, severity: 'warning', field: 'accountabilityBases', entry: 0 }),
    ]);
    expect(findings[0]?.message).toContain('《行政机关公务员处分条例》');
  });

  it('leaves 同N and truncated citations alone', () => {
    const findings = lintItems(
      item({
        dutyBases: [citation({ no: 1 }), citation({ no: 2, sameAs: 1, articles: [] }), citation({ no: 3, articles: [], truncated: true })],
      }),
    );
    expect(rulesOf(findings)).toEqual([RULE_TRUNCATED_CELL]);
  });
});

describe(RULE_CITATION_WITHOUT_TITLE, () => {
  it('warns about a citation naming no source', () => {
    const findings = lintItems(
      item({
        legalBases: [citation({ no: null }), citation({ no: null, rank: null, title: null, text: '第四十四条 保密行政管理部门……' })],
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: RULE_CITATION_WITHOUT_TITLE, severity: 'warning', field: 'legalBases', entry: 1 }),
    ]);
  });

  it('leaves truncated and 同N citations alone', () => {
    const findings = lintItems(
      item({
        dutyBases: [
          citation({ no: 1 }),
          citation({ no: 2, sameAs: 1, title: null }),
          citation({ no: 3, title: null, articles: [], truncated: true }),
        ],
      }),
    );
    expect(rulesOf(findings)).toEqual([RULE_TRUNCATED_CELL]);
  });
});

describe(RULE_DUPLICATE_ITEM_NAME, () => {
  it('is an error on the later of two items with the same name', () => {
    const findings = lintItems(item({ no: 1 }), item({ no: 2, name: '对保密工作的监督检查' }), item({ no: 3 }));
    expect(findings).toEqual([expect.objectContaining({ rule: RULE_DUPLICATE_ITEM_NAME, severity: 'error', item: 3, field: 'name' })]);
    expect(findings[0]?.message).toContain('与第1项重复');
  });

  it('tells sub-items of one name apart', () => {
    const findings = lintItems(item({ no: 1, subItem: '收缴' }), item({ no: 2, subItem: '登记' }));
    expect(findings).toEqual([]);
  });
});

describe(RULE_UNKNOWN_DUTY_STEP, () => {
  it('is info when a duty names no step or an unknown one', () => {
    const findings = lintItems(
      item({
        duties: [duty(), duty({ no: 2, name: null, text: '对立案的案件组织调查。' }), duty({ no: 3, name: '喝茶', text: '喝茶责任：……' })],
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: RULE_UNKNOWN_DUTY_STEP, severity: 'info', field: 'duties', entry: 1 }),
      expect.objectContaining({ rule: RULE_UNKNOWN_DUTY_STEP, severity: 'info', field: 'duties', entry: 2 }),
    ]);
    expect(findings[1]?.message).toContain('“喝茶”');
  });

  it('accepts the catch-all 其他…应履行的责任 without a name', () => {
    const findings = lintItems(item({ duties: [duty(), duty({ no: 2, name: null, text: '其他法律法规规章文件规定应履行的责任。' })] }));
    expect(findings).toEqual([]);
  });
});

describe(RULE_CATEGORY_MISMATCH, () => {
  const coercionClauses = [
    clause({ no: 1, text: '无法定依据或者超越法定权限实施行政强制的；' }),
    clause({ no: 2, text: '使用、丢失或损毁先行登记的财物，给行政相对人造成损失的；' }),
    clause({ no: 3, text: '利用行政强制权为单位或者个人谋取利益的；' }),
  ];
  const coercionLaw = citation({
    no: 1,
    title: '中华人民共和国行政强制法',
    articles: [{ article: 61, paragraph: null, item: null }],
    text: '行政机关实施行政强制，有下列情形之一的……',
  });

  it('flags a penalty item whose clauses speak of 行政强制, naming the clauses', () => {
    const findings = lintItems(item({ accountability: coercionClauses }));
    expect(findings).toEqual([
      expect.objectContaining({ rule: RULE_CATEGORY_MISMATCH, severity: 'warning', item: 1, field: 'accountability', entry: null }),
    ]);
    expect(findings[0]?.message).toContain('第1、3条');
    expect(findings[0]?.message).toContain('“行政强制”');
  });

  it('flags a penalty item whose accountability bases cite the 行政强制法, following 同N', () => {
    const findings = lintItems(
      item({ accountabilityBases: [coercionLaw, citation({ no: 2, sameAs: 1, title: null, articles: [], text: '' })] }),
    );
    expect(findings).toEqual([expect.objectContaining({ rule: RULE_CATEGORY_MISMATCH, field: 'accountabilityBases' })]);
    expect(findings[0]?.message).toContain('第1、2条引用的《中华人民共和国行政强制法》适用于“行政强制”');
  });

  it('gives the entry index when only one entry is off', () => {
    const findings = lintItems(
      item({ accountabilityBases: [citation({ no: 1, title: '行政机关公务员处分条例' }), { ...coercionLaw, no: 2 }] }),
    );
    expect(findings).toEqual([expect.objectContaining({ rule: RULE_CATEGORY_MISMATCH, entry: 1 })]);
  });

  it('stays quiet on a coercion item with coercion clauses and law', () => {
    const findings = lintItems(item({ category: '行政强制', accountability: coercionClauses, accountabilityBases: [coercionLaw] }));
    expect(rulesOf(findings)).not.toContain(RULE_CATEGORY_MISMATCH);
  });

  it('accepts a clause or citation that also speaks of the item’s own category', () => {
    const findings = lintItems(
      item({
        category: '行政检查',
        accountability: [clause({ text: '以实施行政强制代替检查的；' })],
        accountabilityBases: [
          citation({ title: '中华人民共和国行政处罚法', text: '行政机关在调查或者进行检查时，执法人员不得少于两人。' }),
        ],
      }),
    );
    expect(findings).toEqual([]);
  });

  it('flags an inspection item whose basis is the penalty law’s accountability article', () => {
    const findings = lintItems(item({ category: '行政检查', accountability: [clause({ text: '违反法定程序实施检查的。' })] }));
    expect(findings).toEqual([expect.objectContaining({ rule: RULE_CATEGORY_MISMATCH, field: 'accountabilityBases', entry: 0 })]);
  });

  it('does not read 许可 alone as 行政许可, nor look at 实施依据 or 责任事项依据', () => {
    const findings = lintItems(
      item({
        category: '其他行政权力',
        accountability: [clause({ text: '对符合法定条件的不予受理、许可的；' })],
        dutyBases: [coercionLaw],
        accountabilityBases: [citation({ title: '涉及国家秘密的信息系统审批管理规定' })],
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe(RULE_EMPTY_COLUMN, () => {
  it('flags each of 责任事项, 责任事项依据, 追责情形 and 追责依据 left empty, once per column', () => {
    const findings = lintItems(
      item({ duties: [], dutyBases: [], accountabilityPreamble: null, accountability: [], accountabilityBases: [] }),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual([
      [RULE_EMPTY_COLUMN, 'warning', 'duties'],
      [RULE_EMPTY_COLUMN, 'warning', 'dutyBases'],
      [RULE_EMPTY_COLUMN, 'warning', 'accountability'],
      [RULE_EMPTY_COLUMN, 'warning', 'accountabilityBases'],
    ]);
    expect(findings[2]?.message).toBe(
      '第1项“对非法获取、持有国家秘密载体的处罚”未填写“追责情形”，权责清单的每项权力都应写明责任事项、责任事项依据、追责情形和追责依据。',
    );
  });

  it('is silent on a complete item', () => {
    expect(rulesOf(lintItems(item()))).not.toContain(RULE_EMPTY_COLUMN);
  });
});

describe(RULE_CATEGORY_ACTION_MISMATCH, () => {
  it('flags 责令改正 and 责令停止使用 listed as 行政处罚 (行政处罚法 2021 §9 lists no such penalty)', () => {
    for (const name of ['责令改正违反保密规定的行为', '对违规使用的涉密设备责令停止使用']) {
      const findings = lintItems(item({ name }));
      expect(findings.map((f) => [f.rule, f.field])).toEqual([[RULE_CATEGORY_ACTION_MISMATCH, 'category']]);
      expect(findings[0]?.message).toContain('不是《中华人民共和国行政处罚法》（2021年修订）第九条所列的处罚种类');
    }
  });

  it('leaves a penalty, a 收缴 and a 责令改正 that comes with a 罚款 alone', () => {
    for (const name of ['对违反保密规定的处罚', '收缴非法持有的国家秘密载体', '责令改正并处罚款']) {
      expect(rulesOf(lintItems(item({ name })))).not.toContain(RULE_CATEGORY_ACTION_MISMATCH);
    }
  });

  it('flags a 罚款 or 吊销 listed under another category', () => {
    const findings = lintItems(item({ category: '行政强制', name: '对未按规定报告的单位处以罚款' }));
    expect(findings.filter((f) => f.rule === RULE_CATEGORY_ACTION_MISMATCH).map((f) => f.message)).toEqual([
      '第1项“对未按规定报告的单位处以罚款”列为“行政强制”，但“罚款”是《中华人民共和国行政处罚法》（2021年修订）第九条所列的处罚种类，宜列为行政处罚，请核对。',
    ]);
  });
});

describe(RULE_UNSPLIT_ENTRIES, () => {
  it('flags a duty or clause that still holds a numbered sequence the reader could not split', () => {
    // 2 is split off; 4 follows 2 directly (3 skipped), so it stays inside entry 2
    const duties = readDutyCell('1.立案责任：审查。2.调查责任：调查取证。4.决定责任：作出决定。');
    expect(duties.map((duty) => duty.no)).toEqual([1, 2]);
    const { clauses } = readAccountabilityCell('（一）违法实施的；（二）拖延履职的；（四）其他的。');
    const findings = lintItems(item({ duties, accountability: clauses }));
    expect(findings.filter((f) => f.rule === RULE_UNSPLIT_ENTRIES).map((f) => [f.field, f.entry, f.message])).toEqual([
      ['duties', 1, '第1项“责任事项”第2条中还有编号“4.决定责任：作出决…”，可能是几条内容连在了一起（编号不连续或重复），请核对并分条。'],
      [
        'accountability',
        1,
        '第1项“追责情形”第2条中还有编号“（四）其他的。…”，可能是几条内容连在了一起（编号不连续或重复），请核对并分条。',
      ],
    ]);
  });

  it('does not take the （一）（二） of quoted law in a citation for entries', () => {
    const findings = lintItems(item({ legalBases: [citation({ text: '有下列行为之一的：（一）甲；（二）乙。' })] }));
    expect(rulesOf(findings)).not.toContain(RULE_UNSPLIT_ENTRIES);
  });
});

describe(RULE_RENUMBERED_ITEM, () => {
  it('says which item was numbered by position and what the file printed', () => {
    const findings = lintItems(item({ no: 3, printedNo: '3-1' }), item({ no: 4, name: '乙', printedNo: '' }));
    expect(findings.filter((f) => f.rule === RULE_RENUMBERED_ITEM).map((f) => [f.item, f.severity, f.message])).toEqual([
      [
        3,
        'info',
        '第3项“对非法获取、持有国家秘密载体的处罚”在原表中的序号为“3-1”（子项或与其他行共用序号），已按其在清单中的位置编号，请核对。',
      ],
      [4, 'info', '第4项“乙”在原表中没有序号，已按其在清单中的位置编号，请核对。'],
    ]);
  });

  it('flags each sub-item under a shared 序号, and the items shifted after them once, where the shift starts', () => {
    // printed: 1, 2, 2 (sub-item), 3, 4, 5 → positions 1…6: items 4–6 are shifted by one
    const printed = ['1', '2', '2', '3', '4', '5'];
    const items = printed.map((p, index) =>
      item({ no: index + 1, name: `事项${index + 1}`, printedNo: p === String(index + 1) ? undefined : p }),
    );
    const findings = lintItems(...items).filter((f) => f.rule === RULE_RENUMBERED_ITEM);
    expect(findings.map((f) => f.item)).toEqual([3, 4]);
    expect(findings[1]?.message).toBe(
      '第4项“事项4”在原表中的序号为“3”：原表分页或分类重新编号，或前面有子项、没有序号的行，清单按位置连续编号，自此项起的序号与原表不同，请核对。',
    );
  });
});

describe('extra-columns', () => {
  it('names the kept columns once, on the first item that has any', () => {
    const findings = lintItems(
      item({ no: 1 }),
      item({ no: 2, name: '乙', extraFields: [{ header: '事项编码', value: 'A-1' }] }),
      item({ no: 3, name: '丙', extraFields: [{ header: '承办机构', value: '检查科' }] }),
    ).filter((f) => f.rule === 'extra-columns');
    expect(findings.map((f) => [f.item, f.severity, f.field, f.message])).toEqual([
      [
        2,
        'info',
        null,
        '第2项起，原表中的“事项编码”“承办机构”等列不属于权责清单的十个栏目，已作为“其他栏目”随事项保留和导出，请确认无误。',
      ],
    ]);
  });
});

describe('extra-columns and a misspelt column name', () => {
  it('asks whether a kept column one character away from one of the ten is that column misspelt', () => {
    const findings = lintItems(
      item({
        extraFields: [
          { header: '追责情型', value: '1.违反程序的。' },
          { header: '承办机构', value: '科' },
        ],
      }),
    );
    expect(findings.filter((f) => f.rule === 'extra-columns').map((f) => f.message)).toEqual([
      '第1项起，原表中的“追责情型”“承办机构”等列不属于权责清单的十个栏目，已作为“其他栏目”随事项保留和导出，请确认无误（“追责情型”是否为“追责情形”之误？若是，请改正列名后重新导入）。',
    ]);
  });
});

describe('truncation pinned on the entry that is cut', () => {
  it('flags the last of several entries run together in one cell, not the first', () => {
    const cut = `1.立案责任：${'审查'.repeat(60)}。2.调查取证责任：${'调查'.repeat(40)}。3.审理责任：审理案件调查报告，对案件违法事实、证据、调查取证程序、法律适用、处罚种类和幅度以适当`;
    const duties = readDutyCell(cut);
    expect(duties.map((duty) => duty.truncated)).toEqual([false, false, true]);
    const findings = lintItems(item({ duties })).filter((f) => f.rule === RULE_TRUNCATED_CELL);
    expect(findings.map((f) => [f.field, f.entry])).toEqual([['duties', 2]]);
    expect(findings[0]?.message).toBe('第1项“责任事项”第3条内容被截断（原文导出时超长被截去），请核对原始清单补全。');
  });
});

describe('finding order', () => {
  it('reports item by item, and rules in the documented order within an item', () => {
    const findings = lintItems(
      item({ no: 1, duties: [duty({ name: null, text: '某事' })], legalBases: [] }),
      item({ no: 2, name: '另一项', accountabilityBases: [citation({ truncated: true })] }),
    );
    expect(findings.map((f) => [f.item, f.rule])).toEqual([
      [1, RULE_MISSING_LEGAL_BASIS],
      [1, RULE_UNKNOWN_DUTY_STEP],
      [2, RULE_TRUNCATED_CELL],
    ]);
  });
});

// The bundled list (data/powerlists/liuzhou-secrecy-bureau.tsv), read by the real importer. Test
// only: the linter itself stays pure.
describe('lintPowerList on the bundled list', () => {
  const bundled = readPowerListTsv(readFileSync(new URL('../../../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url)));
  const findings = lintPowerList(bundled);

  it('pins every finding: item 1 copied from 行政强制, items 4 and 5 citing 行政处罚法, and every cut-off cell', () => {
    expect(findings.map((f) => [f.item, f.rule, f.field, f.entry])).toEqual([
      [1, RULE_CATEGORY_MISMATCH, 'accountability', null],
      [1, RULE_CATEGORY_MISMATCH, 'accountabilityBases', null],
      [1, RULE_TRUNCATED_CELL, 'duties', 2],
      [1, RULE_TRUNCATED_CELL, 'dutyBases', 1],
      [2, RULE_TRUNCATED_CELL, 'dutyBases', 1],
      [3, RULE_TRUNCATED_CELL, 'legalBases', 1],
      [3, RULE_TRUNCATED_CELL, 'dutyBases', 0],
      [4, RULE_CATEGORY_MISMATCH, 'accountabilityBases', null],
      [4, RULE_TRUNCATED_CELL, 'legalBases', 1],
      [4, RULE_TRUNCATED_CELL, 'dutyBases', 1],
      [4, RULE_TRUNCATED_CELL, 'accountabilityBases', 5],
      [5, RULE_CATEGORY_MISMATCH, 'accountabilityBases', null],
      [5, RULE_TRUNCATED_CELL, 'accountabilityBases', 5],
      [6, RULE_TRUNCATED_CELL, 'accountabilityBases', 2],
      [7, RULE_TRUNCATED_CELL, 'duties', 3],
      [7, RULE_TRUNCATED_CELL, 'dutyBases', 1],
    ]);
  });

  it('says in plain words what is wrong with item 1', () => {
    const messages = findings.filter((f) => f.item === 1).map((f) => f.message);
    expect(messages).toEqual([
      '第1项的权力分类为“行政处罚”，但其“追责情形”第1、2、3、5、6条针对的是“行政强制”，疑似套用了其他类别权力的追责情形，请核对。',
      '第1项的权力分类为“行政处罚”，但其“追责依据”第1、2、3、4、6条引用的《中华人民共和国行政强制法》适用于“行政强制”，与本项权力分类不符，请核对。',
      '第1项“责任事项”第3条内容被截断（原文导出时超长被截去），请核对原始清单补全。',
      '第1项“责任事项依据”第2条内容被截断（原文导出时超长被截去），请核对原始清单补全。',
    ]);
  });

  it('leaves the coercion items 2 and 3 (行政强制法 cited by a 行政强制) and items 6 and 7 without category findings', () => {
    const mismatched = findings.filter((f) => f.rule === RULE_CATEGORY_MISMATCH).map((f) => f.item);
    expect(new Set(mismatched)).toEqual(new Set([1, 4, 5]));
  });

  it('gives every finding a Chinese and an English message', () => {
    for (const f of findings) {
      expect(f.message).toMatch(/^第\d+项/);
      expect(f.messageEn).toMatch(/^Item \d+/);
    }
  });
});
