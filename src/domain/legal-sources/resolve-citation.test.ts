import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citation, testRegistry } from '../../../test/helpers/legal-source-factories.js';
import { toChineseNumber } from '../powerlist/chinese-numerals.js';
import { editionKey, findSource, resolveCitation, titleKey } from './resolve-citation.js';

describe('titleKey', () => {
  it('ignores 中华人民共和国, 《》, whitespace and full-width forms', () => {
    expect(titleKey('《中华人民共和国测试法》')).toBe('测试法');
    expect(titleKey(' 测试法 ')).toBe('测试法');
    expect(titleKey('测试法（草案）')).toBe('测试法(草案)');
  });
});

describe('editionKey', () => {
  it('reads order numbers in Chinese or Arabic numerals, with or without 第', () => {
    const key = editionKey('主席令第28号');
    expect(editionKey('主席令第二十八号')).toBe(key);
    expect(editionKey('中华人民共和国主席令第２８号')).toBe(key);
    expect(editionKey('2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行')).toBe(key);
    expect(editionKey('国务院令646号')).toBe(editionKey('国务院令第646号'));
    expect(editionKey('国务院令第六百四十六号')).toBe(editionKey('国务院令第646号'));
  });

  it('gives an order number the same key in any numeral style and different numbers different keys (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (n, m) => {
        const key = editionKey(`国务院令第${n}号`);
        expect(editionKey(`中华人民共和国国务院令第${toChineseNumber(n)}号`)).toBe(key);
        expect(editionKey(`国务院令${n}号`)).toBe(key);
        expect(editionKey(`国务院令第${m}号`) === key).toBe(n === m);
      }),
    );
  });

  it('keeps different order numbers apart', () => {
    expect(editionKey('主席令第28号')).not.toBe(editionKey('主席令第20号'));
    expect(editionKey('主席令第28号')).not.toBe(editionKey('国务院令第28号'));
  });

  it('takes the first order of an edition that was amended later', () => {
    expect(editionKey('1996年主席令第六十三号公布，2009年主席令第十八号修改')).toBe(editionKey('主席令第63号'));
  });

  it('reads document numbers in any bracket style', () => {
    const key = editionKey('国保发〔2013〕14号');
    expect(editionKey('国保发[2013]14号')).toBe(key);
    expect(editionKey('国保发（2013）14号')).toBe(key);
    expect(editionKey('国保发【2013】第14号')).toBe(key);
    expect(editionKey('国保发〔2013〕15号')).not.toBe(key);
  });
});

describe('findSource', () => {
  it('finds a source with or without 中华人民共和国 and by alias', () => {
    const registry = testRegistry();
    expect(findSource('测试法', registry)?.id).toBe('test-law');
    expect(findSource('中华人民共和国测试处分条例', registry)?.id).toBe('test-reg');
    expect(findSource('测试法实施条例', registry)).toBeNull();
    const withAlias = { sources: registry.sources.map((s) => (s.id === 'test-law' ? { ...s, aliases: ['测试基本法'] } : s)) };
    expect(findSource('测试基本法', withAlias)?.id).toBe('test-law');
  });
});

describe('resolveCitation', () => {
  const registry = testRegistry();

  it('resolves source and edition across spellings', () => {
    for (const edition of ['主席令第28号', '主席令第二十八号', '2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行']) {
      const resolved = resolveCitation(citation('中华人民共和国测试法', edition), registry);
      expect(resolved?.source.id).toBe('test-law');
      expect(resolved?.edition?.edition).toBe('主席令第28号');
    }
    expect(resolveCitation(citation('测试检查规定', '国保发[2013]14号'), registry)?.edition?.edition).toBe('国保发〔2013〕14号');
  });

  it('reports a citation naming no edition as edition-not-stated, never the edition in force', () => {
    const resolved = resolveCitation(citation('测试法', null), registry);
    expect(resolved).toEqual({ source: registry.sources[0], edition: null, reason: 'edition-not-stated' });
  });

  it('reports an edition the registry does not know', () => {
    const resolved = resolveCitation(citation('测试法', '主席令第70号'), registry);
    expect(resolved?.edition).toBeNull();
    expect(resolved && 'reason' in resolved ? resolved.reason : null).toBe('edition-unknown');
  });

  it('matches an edition written only with its adoption date, but a numbered one only by number', () => {
    expect(resolveCitation(citation('测试法', '2024年2月27日公布'), registry)?.edition?.edition).toBe('主席令第20号');
    // 主席令第99号 is unknown even though the date is that of 主席令第20号.
    expect(resolveCitation(citation('测试法', '2024年2月27日主席令第99号公布'), registry)?.edition).toBeNull();
  });

  it('returns null for an unknown source or a citation without title', () => {
    expect(resolveCitation(citation('中华人民共和国未登记法', '主席令第1号'), registry)).toBeNull();
    expect(resolveCitation(citation(null, '主席令第28号'), registry)).toBeNull();
  });
});
