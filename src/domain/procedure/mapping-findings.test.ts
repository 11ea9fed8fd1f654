import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../../contracts/power-list.js';
import { readPowerListTsv } from '../../io/power-list-tsv.js';
import { mapDutiesToSteps } from './map-duties.js';
import { procedureMappingFindings } from './mapping-findings.js';
import { bindTemplate } from './templates.js';

const ITEMS: TPowerItem[] = readPowerListTsv(
  readFileSync(new URL('../../../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url)),
).items;

describe('duties mapped onto procedure steps', () => {
  it('binds every item of the bundled list and maps every named duty: no findings', () => {
    expect(ITEMS.map((item) => bindTemplate(item)?.id)).toEqual([
      'penalty',
      'network-leak-coercion',
      'hazard-coercion',
      'secrecy-inspection',
      'leak-investigation',
      'publication-confirmation',
      'system-approval',
    ]);
    expect(procedureMappingFindings(ITEMS)).toEqual([]);
  });

  it('reports a duty that names no step and a step no duty names', () => {
    const item4 = ITEMS.find((i) => i.no === 4) as TPowerItem;
    const changed: TPowerItem = {
      ...item4,
      duties: [
        { no: 1, name: '告知', text: '书面通知', truncated: false },
        { no: 2, name: '抽签', text: '双随机抽取', truncated: false },
      ],
    };
    const findings = procedureMappingFindings([changed]);
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['duty-without-step', '责任事项“抽签”对应不到“保密监督检查”程序的任何环节。'],
      ['step-without-duty', '程序的“检查”环节在清单的责任事项中没有对应条目。'],
      ['step-without-duty', '程序的“督促整改”环节在清单的责任事项中没有对应条目。'],
      ['step-without-duty', '程序的“监管”环节在清单的责任事项中没有对应条目。'],
    ]);
  });

  it('reads 阶段 suffixes and the list’s other spellings (接受 → 受理) as the step, and leaves the catch-all 其他 duty alone', () => {
    const item7 = ITEMS.find((i) => i.no === 7) as TPowerItem;
    const template = bindTemplate(item7);
    if (!template) throw new Error('item 7 binds');
    const mapping = mapDutiesToSteps(
      {
        duties: [
          { no: 1, name: '接受', text: '…', truncated: false },
          { no: 2, name: '审查阶段', text: '…', truncated: false },
          { no: 3, name: null, text: '其他法律法规规章文件规定应履行的责任。', truncated: false },
        ],
      },
      template,
    );
    expect(mapping.steps.find((s) => s.step.id === 'acceptance')?.duties.map((d) => d.no)).toEqual([1]);
    expect(mapping.steps.find((s) => s.step.id === 'review')?.duties.map((d) => d.no)).toEqual([2]);
    expect(mapping.unmappedDuties).toEqual([]);
  });
});
