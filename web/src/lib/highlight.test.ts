import { describe, expect, it } from 'vitest';
import { splitHighlight } from './highlight.js';

describe('splitHighlight', () => {
  it('marks every occurrence of the query', () => {
    expect(splitHighlight('国家秘密载体与载体清单', '载体')).toEqual([
      { text: '国家秘密', isMatch: false },
      { text: '载体', isMatch: true },
      { text: '与', isMatch: false },
      { text: '载体', isMatch: true },
      { text: '清单', isMatch: false },
    ]);
  });

  it('matches Latin letters case-insensitively and keeps the original spelling', () => {
    expect(splitHighlight('USB 存储介质', 'usb')).toEqual([
      { text: 'USB', isMatch: true },
      { text: ' 存储介质', isMatch: false },
    ]);
  });

  it('returns the whole text unmarked for an empty or absent query', () => {
    expect(splitHighlight('立案', '  ')).toEqual([{ text: '立案', isMatch: false }]);
    expect(splitHighlight('立案', null)).toEqual([{ text: '立案', isMatch: false }]);
    expect(splitHighlight('', '立案')).toEqual([]);
  });

  it('keeps markup-like text as plain text segments', () => {
    const segments = splitHighlight('<img src=x onerror=alert(1)>载体', '载体');
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)>载体');
    expect(segments[1]).toEqual({ text: '载体', isMatch: true });
  });
});

describe('splitHighlight with several terms', () => {
  it('marks each term where it occurs, as the search matches them separately', () => {
    expect(splitHighlight('在公共信息网络上发现泄密信息', '网络 泄密')).toEqual([
      { text: '在公共信息', isMatch: false },
      { text: '网络', isMatch: true },
      { text: '上发现', isMatch: false },
      { text: '泄密', isMatch: true },
      { text: '信息', isMatch: false },
    ]);
  });
});
