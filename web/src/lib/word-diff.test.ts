import { describe, expect, it } from 'vitest';
import { clipUnchanged, diffWords, wordDiff } from './word-diff.js';

describe('wordDiff', () => {
  it('marks only the changed words when two places change', () => {
    const parts = wordDiff('执法人员不得少于两人，并应当出示证件', '执法人员不得少于三人，并应当主动出示证件');
    expect(parts).toEqual([
      { kind: 'same', text: '执法人员不得少于' },
      { kind: 'removed', text: '两' },
      { kind: 'added', text: '三' },
      { kind: 'same', text: '人，并应当' },
      { kind: 'added', text: '主动' },
      { kind: 'same', text: '出示证件' },
    ]);
  });

  it('treats a run of digits or letters as one word', () => {
    expect(diffWords('第45条 GB2312')).toEqual(['第', '45', '条', ' ', 'GB2312']);
    expect(wordDiff('期限为30日', '期限为60日')).toEqual([
      { kind: 'same', text: '期限为' },
      { kind: 'removed', text: '30' },
      { kind: 'added', text: '60' },
      { kind: 'same', text: '日' },
    ]);
  });

  it('clips long unchanged runs around the changes', () => {
    const clipped = clipUnchanged(
      [
        { kind: 'same', text: '一二三四五六七八九十' },
        { kind: 'added', text: '新' },
        { kind: 'same', text: '甲乙丙丁戊己庚辛壬癸子丑' },
      ],
      3,
    );
    expect(clipped.map((p) => p.text)).toEqual(['…八九十', '新', '甲乙丙…']);
  });
});
