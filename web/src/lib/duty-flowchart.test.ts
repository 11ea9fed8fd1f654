import type { TDuty } from '@contracts/power-list.js';
import { describe, expect, it } from 'vitest';
import {
  buildDutyFlowchart,
  buildProcedureFlowchart,
  dutyLabel,
  dutyShortName,
  escapeMermaidLabel,
  isOtherDuty,
} from './duty-flowchart.js';

function duty(no: number, name: string | null, text = `${name ?? ''}责任：……`): TDuty {
  return { no, name, text, truncated: false };
}

describe('escapeMermaidLabel', () => {
  it('keeps letters, digits and spaces', () => {
    expect(escapeMermaidLabel('1 调查取证')).toBe('1 调查取证');
  });

  it('turns quotes, brackets and markup characters into numeric entities', () => {
    const escaped = escapeMermaidLabel('"]<img src=x onerror=alert(1)>');
    expect(escaped).not.toMatch(/["<>[\]()=]/);
    expect(escaped).toContain('#60;img');
    expect(escaped).toContain('#34;#93;');
  });

  it('escapes # so that text cannot smuggle its own entity', () => {
    expect(escapeMermaidLabel('#lt;')).toBe('#35;lt#59;');
  });
});

describe('isOtherDuty', () => {
  const duties = [duty(1, '立案'), duty(2, '审理'), duty(3, '其他', '其他法律法规规章文件规定应履行的责任。')];

  it('recognises the trailing catch-all duty', () => {
    expect(isOtherDuty(duties[2] as TDuty, 2, duties)).toBe(true);
  });

  it('does not treat an ordinary or non-trailing duty as 其他', () => {
    expect(isOtherDuty(duties[0] as TDuty, 0, duties)).toBe(false);
    const reordered = [duties[2] as TDuty, duties[0] as TDuty];
    expect(isOtherDuty(reordered[0] as TDuty, 0, reordered)).toBe(false);
  });
});

describe('dutyLabel', () => {
  it('calls an unnamed catch-all duty 其他法定责任', () => {
    expect(dutyLabel(duty(3, null, '其他法律法规规章文件规定应履行的责任。'))).toBe('其他法定责任');
  });

  it('uses the step name, else the start of the text', () => {
    expect(dutyLabel(duty(1, '立案'))).toBe('立案');
    expect(dutyLabel(duty(1, null, '发现利用互联网及其他公共信息网络发布的信息涉及泄露国家秘密的'))).toBe('发现利用互联网及其他公共信息…');
  });
});

describe('dutyShortName', () => {
  it('names an unnamed catch-all duty 其他 and leaves other unnamed duties without a name', () => {
    expect(dutyShortName(duty(2, '监督执行'))).toBe('监督执行');
    expect(dutyShortName(duty(3, null, '其他法律法规规章文件规定应履行的责任。'))).toBe('其他');
    expect(dutyShortName(duty(1, null, '对申请的信息进行审查。'))).toBeNull();
  });
});

describe('buildDutyFlowchart', () => {
  it('chains the steps in order and sets the catch-all apart, dashed', () => {
    const source = buildDutyFlowchart([duty(1, '立案'), duty(2, '调查取证'), duty(3, '审理'), duty(4, '其他')], 'LR');
    expect(source).not.toBeNull();
    const lines = (source ?? '').split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain('  d0["1 立案"]:::step');
    expect(lines).toContain('  d0 --> d1');
    expect(lines).toContain('  d1 --> d2');
    expect(lines).toContain('  d3["4 其他"]:::other');
    expect(lines.some((line) => line.includes('--> d3'))).toBe(false);
    expect(lines.find((line) => line.includes('classDef other'))).toContain('stroke-dasharray');
  });

  it('draws top-down when asked and nothing for an item without duties', () => {
    expect(buildDutyFlowchart([duty(1, '受理')], 'TD')?.split('\n')[0]).toBe('flowchart TD');
    expect(buildDutyFlowchart([])).toBeNull();
  });

  it('cannot be broken out of by a label', () => {
    const source = buildDutyFlowchart([duty(1, '"] --> x[<b>injected</b>'), duty(2, '审理')]) ?? '';
    expect(source).not.toContain('<b>');
    expect(source.split('\n').filter((line) => line.includes('-->'))).toEqual(['  d0 --> d1']);
  });
});

describe('buildProcedureFlowchart', () => {
  const procedure = {
    initialStep: 'filing',
    steps: [
      {
        id: 'filing',
        name: '立案',
        standard: false,
        dutyNos: [1],
        actions: [
          { label: '决定立案', to: 'review' },
          { label: '决定不予立案', to: 'closed' },
        ],
      },
      { id: 'review', name: '审理', standard: false, dutyNos: [2], actions: [{ label: '提出审理意见', to: 'notice' }] },
      {
        id: 'notice',
        name: '告知',
        standard: true,
        dutyNos: [],
        actions: [
          { label: '送达告知书', to: 'same' },
          { label: '结案', to: 'closed' },
        ],
      },
    ],
  };

  it('draws each step with its duty number, standard steps dashed, branches labelled, and an end', () => {
    const source = buildProcedureFlowchart(procedure, 'TD') ?? '';
    const lines = source.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines).toContain('  s0["1 立案"]:::step');
    expect(lines).toContain(`  s2["${escapeMermaidLabel('告知（标准程序）')}"]:::standard`);
    expect(lines).toContain('  s0 -->|"决定立案"| s1');
    expect(lines).toContain('  s0 -->|"决定不予立案"| end_');
    // a single way on is not labelled; staying in the step draws no arrow
    expect(lines).toContain('  s1 --> s2');
    expect(lines.filter((l) => l.startsWith('  s2 -->'))).toEqual(['  s2 --> end_']);
  });
});

describe('buildProcedureFlowchart with duties naming no step', () => {
  it('draws them apart, escaped', () => {
    const source =
      buildProcedureFlowchart({
        initialStep: 'a',
        steps: [{ id: 'a', name: '受理', standard: false, dutyNos: [1], actions: [{ label: '受理', to: 'closed' }] }],
        unmappedDuties: [{ no: 2, name: '<b>x</b>', text: '' }],
      }) ?? '';
    expect(source).toContain(`  u0["${escapeMermaidLabel('2 <b>x</b>（无对应环节）')}"]:::other`);
    expect(source).not.toContain('<b>');
  });
});
