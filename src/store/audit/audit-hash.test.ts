import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditHashAlgorithm,
  type AuditRecord,
  type AuditRecordContent,
  canonicalRecord,
  chainHash,
  GENESIS_PREV_HASH,
  sealAuditRecord,
  startChainVerification,
  verifyChain,
} from './audit-hash.js';

const ORG = '019ac0f2-5c00-7000-8000-0000000000aa';

/** The two records of the golden vectors in docs/adr/0001-audit-hash-chain.md. */
function goldenContents(alg: AuditHashAlgorithm): [AuditRecordContent, AuditRecordContent] {
  return [
    {
      id: '019ac0f2-5c00-7000-8000-000000000001',
      orgId: ORG,
      seq: 1,
      at: '2026-11-26T08:30:00.000Z',
      actorId: '019ac0f2-5c00-7000-8000-0000000000b1',
      actorName: '张三',
      action: 'case.open',
      targetType: 'case',
      targetId: '019ac0f2-5c00-7000-8000-0000000000c1',
      requestId: 'req-0001',
      sourceIp: '10.0.0.8',
      details: { caseNo: '柳保立〔2026〕1号', parties: 1 },
      alg,
    },
    {
      id: '019ac0f2-5c00-7000-8000-000000000002',
      orgId: ORG,
      seq: 2,
      at: '2026-11-26T08:31:05.250Z',
      actorId: null,
      actorName: '系统',
      action: 'case.deadline-warning',
      targetType: 'case',
      targetId: '019ac0f2-5c00-7000-8000-0000000000c1',
      requestId: null,
      sourceIp: null,
      details: { daysLeft: 3 },
      alg,
    },
  ];
}

const GOLDEN_CANONICAL_1 =
  '{"action":"case.open","actorId":"019ac0f2-5c00-7000-8000-0000000000b1","actorName":"张三","alg":"sm3",' +
  '"at":"2026-11-26T08:30:00.000Z","details":{"caseNo":"柳保立〔2026〕1号","parties":1},' +
  '"id":"019ac0f2-5c00-7000-8000-000000000001","orgId":"019ac0f2-5c00-7000-8000-0000000000aa","requestId":"req-0001",' +
  '"seq":1,"sourceIp":"10.0.0.8","targetId":"019ac0f2-5c00-7000-8000-0000000000c1","targetType":"case"}';

const GOLDEN = {
  sm3: [
    'eee365f774aefb2b0fae103a0e9d2dfda1fb9b33c2f0bc2b37f428659622e875',
    'c546e3a2fe44ce10e9c998834db4282de52dd7cd6d00c8fac737f49a540a0e94',
  ],
  sha256: [
    'dab2e58414e2020c17c18cbb10a2acb17b2e54d29b1455a97e913d2cd64ac680',
    '38b71b987db711c569eb4b968d2c89efccb4a3a47f96873c7b09dd2a44864275',
  ],
} as const;

/** A chain of `length` records for ORG, sealed in order. */
function buildChain(length: number, alg: AuditHashAlgorithm = 'sm3'): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prev = GENESIS_PREV_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const record = sealAuditRecord(prev, {
      id: `rec-${seq}`,
      orgId: ORG,
      seq,
      at: new Date(Date.UTC(2026, 10, 26, 8, 0, seq)).toISOString(),
      actorId: 'user-1',
      actorName: '李四',
      action: 'case.update',
      targetType: 'case',
      targetId: 'case-1',
      requestId: `req-${seq}`,
      sourceIp: '10.0.0.9',
      details: { step: seq, note: `第${seq}步` },
      alg,
    });
    records.push(record);
    prev = record.hash;
  }
  return records;
}

describe('SM3 in Node crypto', () => {
  it('matches the GB/T 32905-2016 test vectors', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('canonicalRecord', () => {
  it('serialises per RFC 8785: sorted keys, no spaces, UTF-8 text as is', () => {
    expect(canonicalRecord(goldenContents('sm3')[0])).toBe(GOLDEN_CANONICAL_1);
  });

  it('ignores extra properties and the order of keys inside details', () => {
    const [content] = goldenContents('sm3');
    const reordered = { ...content, details: { parties: 1, caseNo: '柳保立〔2026〕1号' }, dbRowVersion: 7 } as AuditRecordContent;
    expect(canonicalRecord(reordered)).toBe(GOLDEN_CANONICAL_1);
  });
});

describe('chainHash golden vectors', () => {
  for (const alg of ['sm3', 'sha256'] as const) {
    it(`pins the ${alg} chain of two records`, () => {
      const [first, second] = goldenContents(alg);
      const h1 = chainHash(GENESIS_PREV_HASH, first, alg);
      expect(h1).toBe(GOLDEN[alg][0]);
      expect(chainHash(h1, second, alg)).toBe(GOLDEN[alg][1]);
    });
  }

  it('hashes exactly UTF-8(prevHash hex) followed by UTF-8(canonical JSON)', () => {
    const [first] = goldenContents('sm3');
    const expected = createHash('sm3')
      .update(Buffer.from(GENESIS_PREV_HASH + GOLDEN_CANONICAL_1, 'utf8'))
      .digest('hex');
    expect(chainHash(GENESIS_PREV_HASH, first, 'sm3')).toBe(expected);
  });

  it('refuses a malformed prevHash', () => {
    const [first] = goldenContents('sm3');
    expect(() => chainHash('ABC', first, 'sm3')).toThrow(TypeError);
    expect(() => chainHash(GENESIS_PREV_HASH.toUpperCase().replace(/0/g, 'F'), first, 'sm3')).toThrow(TypeError);
  });
});

describe('sealAuditRecord', () => {
  it('links the record to the previous hash', () => {
    const [first, second] = goldenContents('sm3');
    const r1 = sealAuditRecord(GENESIS_PREV_HASH, first);
    const r2 = sealAuditRecord(r1.hash, second);
    expect(r1).toMatchObject({ prevHash: GENESIS_PREV_HASH, hash: GOLDEN.sm3[0] });
    expect(r2).toMatchObject({ prevHash: GOLDEN.sm3[0], hash: GOLDEN.sm3[1] });
  });

  it('refuses records that could not be verified later', () => {
    const [first, second] = goldenContents('sm3');
    expect(() => sealAuditRecord(GENESIS_PREV_HASH, { ...first, at: '2026-11-26T08:30:00Z' })).toThrow(/instant/);
    expect(() => sealAuditRecord(GENESIS_PREV_HASH, { ...first, seq: 0 })).toThrow(/seq/);
    expect(() => sealAuditRecord(GOLDEN.sm3[1], first)).toThrow(/genesis/);
    expect(() => sealAuditRecord(GOLDEN.sm3[0], { ...second, details: [] as never })).toThrow(/object/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its end', () => {
    const chain = buildChain(5);
    expect(verifyChain(chain)).toEqual({ ok: true, count: 5, lastSeq: 5, lastHash: chain[4]?.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, lastSeq: 0, lastHash: GENESIS_PREV_HASH });
    expect(verifyChain(buildChain(3, 'sha256')).ok).toBe(true);
  });

  it('survives a JSON round trip through the database', () => {
    const stored = JSON.parse(JSON.stringify(buildChain(4))) as AuditRecord[];
    expect(verifyChain(stored).ok).toBe(true);
  });

  it('names a changed field as a hash mismatch at that record', () => {
    const chain = buildChain(5);
    chain[2] = { ...(chain[2] as AuditRecord), actorName: '王五' };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, id: 'rec-3', reason: 'hash-mismatch', count: 2 });
  });

  it('notices a change deep inside details', () => {
    const chain = buildChain(3);
    const record = chain[1] as AuditRecord;
    chain[1] = { ...record, details: { ...record.details, step: 99 } };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash-mismatch' });
  });

  it('notices an algorithm swapped after the fact', () => {
    const chain = buildChain(3);
    chain[0] = { ...(chain[0] as AuditRecord), alg: 'sha256' };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash-mismatch' });
    chain[0] = { ...(chain[0] as AuditRecord), alg: 'md5' as AuditHashAlgorithm };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash-mismatch' });
  });

  it('names a deleted record as a sequence gap at the next one', () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    const result = verifyChain(chain);
    expect(result).toMatchObject({ ok: false, brokenAt: 4, id: 'rec-4', reason: 'sequence-gap', count: 2 });
    if (!result.ok) expect(result.message).toContain('第 3 条');
    expect(verifyChain(buildChain(3).slice(1))).toMatchObject({ ok: false, brokenAt: 2, reason: 'sequence-gap' });
  });

  it('names records swapped in place as a sequence gap', () => {
    const chain = buildChain(5);
    [chain[1], chain[2]] = [chain[2] as AuditRecord, chain[1] as AuditRecord];
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, id: 'rec-3', reason: 'sequence-gap', count: 1 });
  });

  it('notices two records whose sequence numbers were exchanged', () => {
    const chain = buildChain(5);
    const a = chain[1] as AuditRecord;
    const b = chain[2] as AuditRecord;
    chain[1] = { ...b, seq: 2 };
    chain[2] = { ...a, seq: 3 };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 2, id: 'rec-3', reason: 'prev-mismatch' });
  });

  it('notices a record replaced by a forgery that hashes correctly on its own', () => {
    const chain = buildChain(4);
    const original = chain[1] as AuditRecord;
    const { prevHash: _p, hash: _h, ...content } = original;
    chain[1] = sealAuditRecord(original.prevHash, { ...content, actorName: '伪造者' });
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, id: 'rec-3', reason: 'prev-mismatch' });
  });

  it('notices a record from another organisation', () => {
    const chain = buildChain(3);
    chain[1] = { ...(chain[1] as AuditRecord), orgId: 'other-org' };
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 2, reason: 'org-mismatch' });
  });

  it('notices records cut off the end when the recorded head is given', () => {
    const chain = buildChain(5);
    const head = { seq: 5, hash: (chain[4] as AuditRecord).hash };
    expect(verifyChain(chain, { head }).ok).toBe(true);
    expect(verifyChain(chain.slice(0, 3))).toMatchObject({ ok: true, count: 3 });
    const cut = verifyChain(chain.slice(0, 3), { head });
    expect(cut).toMatchObject({ ok: false, brokenAt: 4, id: null, reason: 'head-mismatch', count: 3 });
    if (!cut.ok) expect(cut.message).toContain('末尾记录被删除');
  });

  it('verifies a tail from a checkpoint', () => {
    const chain = buildChain(6);
    const start = { seq: 3, hash: (chain[2] as AuditRecord).hash };
    expect(verifyChain(chain.slice(3), { start })).toMatchObject({ ok: true, count: 3, lastSeq: 6 });
    expect(verifyChain(chain.slice(3), { start: { seq: 3, hash: GENESIS_PREV_HASH } })).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'prev-mismatch',
    });
  });

  it('can be fed one record at a time and stays broken after the first break', () => {
    const chain = buildChain(4);
    chain[1] = { ...(chain[1] as AuditRecord), action: 'case.delete' };
    const verifier = startChainVerification();
    expect(verifier.add(chain[0] as AuditRecord)).toBeNull();
    expect(verifier.add(chain[1] as AuditRecord)).toMatchObject({ brokenAt: 2, reason: 'hash-mismatch' });
    expect(verifier.add(chain[2] as AuditRecord)).toMatchObject({ brokenAt: 2 });
    expect(verifier.finish()).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
