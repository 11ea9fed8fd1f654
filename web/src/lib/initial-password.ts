/**
 * Initial passwords an administrator hands over (用户首次登录须修改): 16 random characters from an
 * alphabet without look-alikes (no 0/O, 1/l/I), in groups of four so they can be read out or typed
 * from paper. 16 characters of a 55-letter alphabet are about 92 bits.
 */

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Fills a byte array with random values (crypto.getRandomValues in the browser). */
export type RandomBytes = (length: number) => Uint8Array;

const browserRandom: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** A random initial password such as `Kq7m-Xp2r-Fh9t-Wn3c`. */
export function generateInitialPassword(random: RandomBytes = browserRandom): string {
  const chars: string[] = [];
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of the alphabet size).
  const limit = 256 - (256 % ALPHABET.length);
  while (chars.length < 16) {
    for (const byte of random(32)) {
      if (byte >= limit) continue;
      chars.push(ALPHABET[byte % ALPHABET.length] as string);
      if (chars.length === 16) break;
    }
  }
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}
