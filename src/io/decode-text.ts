/**
 * Turns the bytes of an uploaded text file into a string. The encoding is detected, never
 * configured: people export power lists from whatever office suite they have, and they cannot tell
 * us which encoding it used.
 */

/** The encodings `decodeText` recognises. */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A decoded text and the encoding it was found to be in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Decode a text file: a UTF-16 byte-order mark decides UTF-16; otherwise (after dropping a UTF-8
 * BOM) bytes that are valid UTF-8 are UTF-8, anything else is read as GB18030 — the superset of GBK
 * and GB2312 that Chinese Windows and WPS write. GB18030 decoding never fails: bytes it cannot map
 * become U+FFFD, and the parser then reports the file as malformed where the text makes no sense.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    // ignoreBOM: the BOM (if any) is already gone; a second one would be content, kept as is.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8. Pure ASCII never gets here, so the bytes hold non-ASCII text in a legacy encoding.
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}
