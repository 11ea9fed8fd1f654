import { describe, expect, it } from 'vitest';
import { describeRegistryChange, REGISTRY_CHANGE_FIELDS, registryChangeOf } from './registry-change.js';

describe('registryChangeOf', () => {
  it('builds a new edition, leaving empty optional fields out', () => {
    expect(
      registryChangeOf({
        kind: 'add-edition',
        sourceId: 'baomi-fa',
        edition: ' 主席令第99号 ',
        adopted: '2026-06-01',
        effective: '',
        status: 'in-force',
        note: '  ',
        supersedes: ['主席令第20号'],
      }),
    ).toEqual({
      kind: 'add-edition',
      sourceId: 'baomi-fa',
      edition: { edition: '主席令第99号', adopted: '2026-06-01', status: 'in-force' },
      supersedes: ['主席令第20号'],
    });
  });

  it('builds a status change', () => {
    expect(
      registryChangeOf({ kind: 'set-status', sourceId: 'gongwuyuan-chufen-tiaoli', edition: '国务院令第495号', status: 'in-force' }),
    ).toEqual({
      kind: 'set-status',
      sourceId: 'gongwuyuan-chufen-tiaoli',
      edition: '国务院令第495号',
      status: 'in-force',
    });
  });

  it('builds a mapping to several articles, with paragraphs only where given', () => {
    expect(
      registryChangeOf({
        kind: 'add-mapping',
        sourceId: 'baomi-fa',
        fromEdition: '主席令第28号',
        fromArticle: 45,
        fromParagraph: null,
        to: [
          { edition: '主席令第20号', article: 52, paragraph: 2 },
          { edition: '主席令第20号', article: 53, paragraph: null },
        ],
        confidence: 'checked',
        note: '拆分为两条',
      }),
    ).toEqual({
      kind: 'add-mapping',
      sourceId: 'baomi-fa',
      mapping: {
        from: { edition: '主席令第28号', article: 45 },
        to: [
          { edition: '主席令第20号', article: 52, paragraph: 2 },
          { edition: '主席令第20号', article: 53 },
        ],
        confidence: 'checked',
        note: '拆分为两条',
      },
    });
  });
});

describe('REGISTRY_CHANGE_FIELDS', () => {
  it('finds the form field of nested server paths', () => {
    expect(REGISTRY_CHANGE_FIELDS['change.edition.effective']).toBe('effective');
    expect(REGISTRY_CHANGE_FIELDS['change.mapping.to.1.edition']).toBe('to.1.edition');
    expect(REGISTRY_CHANGE_FIELDS['change.edition']).toBe('edition');
  });
});

describe('describeRegistryChange', () => {
  const titles = new Map([['baomi-fa', '中华人民共和国保守国家秘密法']]);

  it('reads each kind of change as a sentence', () => {
    expect(
      describeRegistryChange(
        {
          kind: 'add-edition',
          sourceId: 'baomi-fa',
          edition: { edition: '主席令第20号', effective: '2024-05-01', status: 'in-force' },
          supersedes: ['主席令第28号'],
        },
        titles,
      ),
    ).toBe('《中华人民共和国保守国家秘密法》新增版本 主席令第20号（现行有效，2024-05-01施行），替代 主席令第28号');
    expect(describeRegistryChange({ kind: 'set-status', sourceId: 'x-y', edition: '第1号', status: 'repealed' }, titles)).toBe(
      '《x-y》第1号 的效力状态设为“已废止”',
    );
    expect(
      describeRegistryChange(
        {
          kind: 'add-mapping',
          sourceId: 'baomi-fa',
          mapping: {
            from: { edition: '主席令第28号', article: 45 },
            to: [{ edition: '主席令第20号', article: 52, paragraph: 2 }],
            confidence: 'inferred',
          },
        },
        titles,
      ),
    ).toBe('《中华人民共和国保守国家秘密法》主席令第28号第四十五条 对应 主席令第20号第五十二条第二款（推定）');
  });
});
