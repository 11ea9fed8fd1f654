import { describe, expect, it } from 'vitest';
import { findStepName, isKnownStepName, STEP_NAMES } from './step-names.js';

describe('isKnownStepName', () => {
  it('knows every step the seven powers of the bundled list go through', () => {
    const steps = [
      '立案',
      '调查取证',
      '审理',
      '告知',
      '决定',
      '送达',
      '执行',
      '结案',
      '登记',
      '通知',
      '监督执行',
      '检查',
      '监督',
      '督促整改',
      '监管',
      '线索登记',
      '调查',
      '处理',
      '收件',
      '审查',
      '受理',
      '其他',
    ];
    for (const step of steps) expect(isKnownStepName(step), step).toBe(true);
  });

  it('ignores surrounding spaces', () => {
    expect(isKnownStepName(' 立案 ')).toBe(true);
  });

  it('rejects unknown names and the long form with 责任', () => {
    expect(isKnownStepName('立案责任')).toBe(false);
    expect(isKnownStepName('喝茶')).toBe(false);
    expect(isKnownStepName('')).toBe(false);
  });
});

describe('STEP_NAMES', () => {
  it('lists each name once, each with a meaning in both languages', () => {
    const names = STEP_NAMES.map((step) => step.name);
    expect(new Set(names).size).toBe(names.length);
    for (const step of STEP_NAMES) {
      expect(step.meaning.length, step.name).toBeGreaterThan(2);
      expect(step.meaningEn.length, step.name).toBeGreaterThan(2);
    }
  });

  it('finds a step by name', () => {
    expect(findStepName('送达')?.meaning).toContain('送达');
    expect(findStepName('不存在')).toBeUndefined();
  });
});
