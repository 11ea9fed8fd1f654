import { describe, expect, it } from 'vitest';
import { generateInitialPassword } from './initial-password.js';

/** A deterministic byte source for the tests. */
function sequence(bytes: number[]) {
  let index = 0;
  return (length: number) => Uint8Array.from({ length }, () => bytes[index++ % bytes.length] as number);
}

describe('generateInitialPassword', () => {
  it('makes four groups of four letters from an alphabet without look-alikes', () => {
    const password = generateInitialPassword();
    expect(password).toMatch(/^[A-HJKMNP-Za-km-np-z2-9]{4}(-[A-HJKMNP-Za-km-np-z2-9]{4}){3}$/);
    expect(password).not.toMatch(/[0O1lI]/);
  });

  it('maps bytes onto the alphabet and skips the biased top bytes', () => {
    // 255 and 254 lie above the largest multiple of 55 below 256 (220) and are skipped.
    expect(generateInitialPassword(sequence([0, 255, 1, 254, 2, 53]))).toBe('ABC8-ABC8-ABC8-ABC8');
  });

  it('differs between calls with real randomness', () => {
    expect(generateInitialPassword()).not.toBe(generateInitialPassword());
  });
});
