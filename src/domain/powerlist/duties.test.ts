import { describe, expect, it } from 'vitest';
import type { CellEntry } from './cell-entries.js';
import { buildDuties, dutyForms, parseDutyText, renderDutyText } from './duties.js';
import { splitCellEntries } from './split-cell.js';

const entry = (no: number | null, text: string, extra: Partial<CellEntry> = {}): CellEntry => ({
  no,
  sameAs: null,
  text,
  truncated: false,
  ...extra,
});

describe('buildDuties', () => {
  it('takes the short name before 责任： and the text after the colon', () => {
    expect(
      buildDuties([
        entry(1, '立案责任：通过举报、检查，决定是否立案。'),
        entry(2, '调查取证责任:对立案的案件，及时组织调查取证。'),
        entry(3, '监督执行 责任： 对拒不删除的，移交处理。'),
      ]),
    ).toEqual([
      { no: 1, name: '立案', text: '通过举报、检查，决定是否立案。', truncated: false },
      { no: 2, name: '调查取证', text: '对立案的案件，及时组织调查取证。', truncated: false },
      { no: 3, name: '监督执行', text: '对拒不删除的，移交处理。', truncated: false },
    ]);
  });

  it('keeps the closing 其他…应履行的责任 as a duty without a name', () => {
    expect(buildDuties([entry(5, '其他法律法规规章文件规定应履行的责任。')])).toEqual([
      { no: 5, name: null, text: '其他法律法规规章文件规定应履行的责任。', truncated: false },
    ]);
  });

  it('does not take a sentence that merely mentions 责任 for a name', () => {
    expect(parseDutyText('对存在违反保密法律法规事实，需要追究责任的，提出处理建议。').name).toBeNull();
  });

  it('copies entry N for 同N, keeping its own number and truncation flag', () => {
    const duties = buildDuties([entry(1, '审查责任：审查材料。'), entry(2, '同1.', { sameAs: 1, truncated: true })]);
    expect(duties[1]).toEqual({ no: 2, name: '审查', text: '审查材料。', truncated: true });
  });

  it('keeps an unresolvable 同N as written', () => {
    expect(buildDuties([entry(1, '同3。', { sameAs: 3 })])).toEqual([{ no: 1, name: null, text: '同3。', truncated: false }]);
    // A loop of 同 resolves to nothing either.
    expect(buildDuties([entry(1, '同2', { sameAs: 2 }), entry(2, '同1', { sameAs: 1 })]).map((d) => d.text)).toEqual(['同2', '同1']);
  });

  it('renders what it parses', () => {
    for (const text of ['立案责任：审查。', '其他法律法规规章文件规定应履行的责任。', '同3。']) {
      expect(renderDutyText(parseDutyText(text))).toBe(text);
    }
    expect(renderDutyText(parseDutyText('调查取证责任:取证。'))).toBe('调查取证责任：取证。');
  });

  it('sets the text off with a space where, right after the colon, it would open an entry', () => {
    // `立案责任： 3. 1.`: the reader skips ` 3. ` (not the next number) and so never sees ` 1.`;
    // written without the space, ` 1.` would open entry 1.
    const [read] = buildDuties(splitCellEntries('立案责任： 3. 1.'));
    expect(read).toEqual({ no: null, name: '立案', text: '3. 1.', truncated: false });
    if (read === undefined) throw new Error('one duty');
    expect(dutyForms(read).slice(0, 2)).toEqual(['立案责任：3. 1.', '立案责任： 3. 1.']);
    expect(renderDutyText(read)).toBe('立案责任： 3. 1.');
    expect(buildDuties(splitCellEntries(renderDutyText(read)))).toEqual([read]);
  });
});
