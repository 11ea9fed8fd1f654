import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

const SAMPLE = '序号\t权力分类\n1\t行政处罚 “收缴”《保守国家秘密法》\n';

describe('decodeText', () => {
  it('reads UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads GBK bytes as GB18030', () => {
    const bytes = iconv.encode(SAMPLE, 'gbk');
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'gb18030' });
  });

  it('reads GB18030 four-byte sequences', () => {
    const text = '𠀀 and 䶮 and ㄅ';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte-order mark, either endianness', () => {
    expect(decodeText(iconv.encode(SAMPLE, 'utf-16le', { addBOM: true }))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(SAMPLE, 'utf-16be', { addBOM: true }))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('treats ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('a\tb'))).toEqual({ text: 'a\tb', encoding: 'utf-8' });
  });

  it('never throws on bytes that are no text at all', () => {
    const result = decodeText(new Uint8Array([0xff, 0x00, 0x80, 0xfe, 0x81]));
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toContain('\uFFFD');
  });
});
