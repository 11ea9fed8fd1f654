import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_FORMAT,
  formatSigningKey,
  generateSigningKey,
  parseCheckpointFile,
  parseSigningKey,
  SM2_USER_ID,
  signCheckpoint,
  verifyCheckpointSignature,
} from './audit-checkpoint.js';

/**
 * The signature example of GB/T 32918.5-2017 Annex A (= GM/T 0003.5-2012 A.2) on the recommended
 * curve: private key d, message "message digest", user id 1234567812345678, random k; expected r, s.
 */
const GBT = {
  d: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKey:
    '04' +
    '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
    'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: 'message digest',
  k: '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21',
  // x1 of the point k·G (the standard's intermediate value; also C1's x in the encryption example)
  x1: '04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};

describe('SM2 as used for audit checkpoints, against the GB/T 32918 example', () => {
  it('derives the example public key from the example private key', () => {
    expect(sm2.getPublicKeyFromPrivateKey(GBT.d)).toBe(GBT.publicKey);
    expect(parseSigningKey(formatSigningKey({ privateKey: GBT.d, publicKey: GBT.publicKey })).publicKey).toBe(GBT.publicKey);
  });

  it('produces the example signature (r, s) with the example random k', () => {
    const signature = sm2.doSignature(GBT.message, GBT.d, {
      hash: true,
      userId: SM2_USER_ID,
      pointPool: [{ k: BigInt(`0x${GBT.k}`), x1: BigInt(`0x${GBT.x1}`) }],
    });
    expect(signature).toBe(GBT.r + GBT.s);
  });

  it('verifies the example signature, and refuses it for another message or user id', () => {
    expect(sm2.doVerifySignature(GBT.message, GBT.r + GBT.s, GBT.publicKey, { hash: true, userId: SM2_USER_ID })).toBe(true);
    expect(sm2.doVerifySignature('message digesT', GBT.r + GBT.s, GBT.publicKey, { hash: true, userId: SM2_USER_ID })).toBe(false);
    expect(sm2.doVerifySignature(GBT.message, GBT.r + GBT.s, GBT.publicKey, { hash: true, userId: 'ALICE123@YAHOO.COM' })).toBe(false);
  });
});

describe('signed checkpoints', () => {
  const key = generateSigningKey();
  const content = {
    format: CHECKPOINT_FORMAT,
    at: '2026-12-03T09:30:00.000Z',
    heads: [{ orgId: 'o1', orgCode: 'lz', seq: 42, hash: 'a'.repeat(64) }],
  } as const;

  it('verifies under the signer’s key and not under another one', () => {
    const checkpoint = signCheckpoint({ ...content, heads: [...content.heads] }, key);
    expect(verifyCheckpointSignature(checkpoint, key.publicKey)).toBe(true);
    expect(verifyCheckpointSignature(checkpoint, generateSigningKey().publicKey)).toBe(false);
  });

  it('refuses a checkpoint whose heads were changed after signing, or re-signed by another key carrying its own public key', () => {
    const checkpoint = signCheckpoint({ ...content, heads: [...content.heads] }, key);
    const moved = { ...checkpoint, heads: [{ ...content.heads[0], seq: 41 }] };
    expect(verifyCheckpointSignature(moved, key.publicKey)).toBe(false);
    const forged = signCheckpoint({ ...content, heads: [{ ...content.heads[0], seq: 41 }] }, generateSigningKey());
    expect(verifyCheckpointSignature(forged, forged.publicKey)).toBe(true);
    expect(verifyCheckpointSignature(forged, key.publicKey)).toBe(false);
  });

  it('reads a checkpoint file line by line, naming unreadable lines', () => {
    const checkpoint = signCheckpoint({ ...content, heads: [...content.heads] }, key);
    const parsed = parseCheckpointFile(`${JSON.stringify(checkpoint)}\n\nnot json\n{"format":"other"}\n`);
    expect(parsed.map((p) => ('error' in p ? p.line : 'ok'))).toEqual(['ok', 3, 4]);
  });

  it('refuses a key file whose private key is malformed', () => {
    expect(() => parseSigningKey('{"format":"quanze-sm2-signing-key/1","privateKey":"xyz"}')).toThrow(/格式/);
    expect(() => parseSigningKey('nope')).toThrow(/JSON/);
  });
});
