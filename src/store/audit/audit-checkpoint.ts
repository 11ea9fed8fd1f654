/**
 * Signed checkpoints of the audit chains (审计链检查点), kept outside the database.
 *
 * The hash chain shows a changed record only as long as the chain itself cannot be recomputed:
 * whoever holds the database file can drop the append-only triggers, rewrite records, recompute
 * every hash with `chainHash` and update the heads, or cut the tail together with its head row.
 * A checkpoint closes that: it names each organisation's head (seq and hash) at an instant and is
 * signed with SM2 (GB/T 32918.2, SM3 digest with the signer's Z value, user id
 * 1234567812345678) by a key kept outside the data directory. Written to a file that is kept
 * offline, it lets `quanze audit verify --checkpoints FILE` prove that every record a checkpoint
 * covered is still there with the same hash — a recomputed chain has other hashes, a cut tail
 * lacks the checkpointed seq — which nobody without the private key can fake.
 *
 * A checkpoint file holds one checkpoint per line (JSON Lines), appended at each run, so one file
 * collects the history: every line is checked.
 */
import canonicalize from 'canonicalize';
import { sm2 } from 'sm-crypto-v2';

/** The format tag of a checkpoint line. */
export const CHECKPOINT_FORMAT = 'quanze-audit-checkpoint/1';
/** The format tag of a signing key file. */
export const SIGNING_KEY_FORMAT = 'quanze-sm2-signing-key/1';
/** The SM2 signer identity hashed into Z (GB/T 35276 default user id). */
export const SM2_USER_ID = '1234567812345678';

/** One organisation's chain head as checkpointed. */
export interface CheckpointHead {
  orgId: string;
  orgCode: string;
  seq: number;
  hash: string;
}

/** The signed content of a checkpoint. */
export interface CheckpointContent {
  format: typeof CHECKPOINT_FORMAT;
  /** ISO instant the heads were read */
  at: string;
  heads: CheckpointHead[];
  /** the signer's public key, uncompressed hex (04‖x‖y); informative: verification uses a trusted key */
  publicKey: string;
}

/** A checkpoint with its SM2 signature (r‖s, 128 hex characters). */
export interface AuditCheckpoint extends CheckpointContent {
  signature: string;
}

/** An SM2 key pair in hex (private: 64 hex characters; public: 130, uncompressed). */
export interface SigningKey {
  privateKey: string;
  publicKey: string;
}

/** The bytes signed: the RFC 8785 canonical JSON of the content (fields picked by name). */
export function checkpointMessage(content: CheckpointContent): string {
  const json = canonicalize({
    format: content.format,
    at: content.at,
    heads: content.heads.map((h) => ({ orgId: h.orgId, orgCode: h.orgCode, seq: h.seq, hash: h.hash })),
    publicKey: content.publicKey,
  });
  if (json === undefined) throw new TypeError('checkpoint cannot be serialised');
  return json;
}

/** A new random SM2 key pair. */
export function generateSigningKey(): SigningKey {
  const pair = sm2.generateKeyPairHex();
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

/** Signs the content with SM2 (SM3 with Z, user id 1234567812345678). */
export function signCheckpoint(content: Omit<CheckpointContent, 'publicKey'>, key: SigningKey): AuditCheckpoint {
  const full: CheckpointContent = { ...content, publicKey: key.publicKey };
  const signature = sm2.doSignature(checkpointMessage(full), key.privateKey, { hash: true, publicKey: key.publicKey, userId: SM2_USER_ID });
  return { ...full, signature };
}

/** Whether the checkpoint's signature verifies under the trusted public key (never the one it carries). */
export function verifyCheckpointSignature(checkpoint: AuditCheckpoint, trustedPublicKey: string): boolean {
  if (!/^[0-9a-f]{128}$/i.test(checkpoint.signature)) return false;
  try {
    return sm2.doVerifySignature(checkpointMessage(checkpoint), checkpoint.signature, trustedPublicKey, {
      hash: true,
      userId: SM2_USER_ID,
    });
  } catch {
    return false;
  }
}

/** The text of a signing key file (JSON; the file must be readable by the operator only). */
export function formatSigningKey(key: SigningKey): string {
  return `${JSON.stringify({ format: SIGNING_KEY_FORMAT, privateKey: key.privateKey, publicKey: key.publicKey }, null, 2)}\n`;
}

/**
 * Reads a signing key file, checking that the public key belongs to the private one.
 * @throws Error naming what is wrong with the file.
 */
export function parseSigningKey(text: string): SigningKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('签名密钥文件不是合法的 JSON');
  }
  const o = parsed as { format?: unknown; privateKey?: unknown };
  if (o.format !== SIGNING_KEY_FORMAT || typeof o.privateKey !== 'string' || !/^[0-9a-f]{64}$/i.test(o.privateKey)) {
    throw new Error(`签名密钥文件格式不对（应为 ${SIGNING_KEY_FORMAT}，含 64 位十六进制私钥）`);
  }
  const privateKey = o.privateKey.toLowerCase();
  return { privateKey, publicKey: sm2.getPublicKeyFromPrivateKey(privateKey) };
}

/** Parses a public key given as hex (uncompressed 04…, or compressed 02…/03…) and checks it is on the curve. */
export function parsePublicKey(text: string): string {
  const hex = text.trim().toLowerCase();
  if (!/^(04[0-9a-f]{128}|0[23][0-9a-f]{64})$/.test(hex) || !sm2.verifyPublicKey(hex)) {
    throw new Error('公钥应为 SM2 公钥的十六进制形式（04 开头 130 位，或 02/03 开头 66 位）');
  }
  return hex;
}

/** Whether two public keys (either form) are the same point. */
export function samePublicKey(a: string, b: string): boolean {
  try {
    return sm2.comparePublicKeyHex(a, b);
  } catch {
    return false;
  }
}

/** One line of a checkpoint file, or why it is not a checkpoint. */
export type ParsedCheckpointLine = { line: number; checkpoint: AuditCheckpoint } | { line: number; error: string };

/** Splits a checkpoint file into its checkpoints (blank lines skipped), keeping unreadable lines as errors. */
export function parseCheckpointFile(text: string): ParsedCheckpointLine[] {
  const out: ParsedCheckpointLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.push({ line, error: '不是合法的 JSON' });
      return;
    }
    const c = value as Partial<AuditCheckpoint>;
    const headsOk =
      Array.isArray(c.heads) &&
      c.heads.every(
        (h: Partial<CheckpointHead>) =>
          typeof h?.orgId === 'string' &&
          typeof h.orgCode === 'string' &&
          Number.isSafeInteger(h.seq) &&
          (h.seq as number) >= 0 &&
          typeof h.hash === 'string',
      );
    if (
      c.format !== CHECKPOINT_FORMAT ||
      typeof c.at !== 'string' ||
      !headsOk ||
      typeof c.publicKey !== 'string' ||
      typeof c.signature !== 'string'
    ) {
      out.push({ line, error: `不是 ${CHECKPOINT_FORMAT} 格式的检查点` });
      return;
    }
    out.push({ line, checkpoint: c as AuditCheckpoint });
  });
  return out;
}
