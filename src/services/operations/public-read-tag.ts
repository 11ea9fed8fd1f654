/**
 * The validator (ETag) of a public read of an organisation's published list: everything such a read
 * shows besides the immutable version body — the organisation's name, the newest version number,
 * the legal registry's newest revision and the Shanghai date its citations are checked on. Cheap:
 * a few indexed header reads, never the list.
 *
 * It is worked out before every public read, most of which then end in a 304 or a kept body — so
 * it is the largest per-request cost left of a public read. The header state is therefore kept for
 * a second: this process's own writes (a version published, a registry revision, an organisation
 * renamed) are seen at once through the repositories' generation counters; another process's (a
 * `quanze catalog import` beside the server) within STATE_TTL_MS.
 */
import crypto from 'node:crypto';
import type { Db } from '../../store/database.js';
import { type PublicReadState, publicReadState } from '../../store/operations.repository.js';
import { registryRevisionsGeneration } from '../../store/repositories/legal-registry.repository.js';
import { organisationsGeneration } from '../../store/repositories/organisations.repository.js';
import { publishedVersionsGeneration } from '../../store/repositories/power-lists.repository.js';
import type { ServiceContext } from '../context.js';
import { registryDate } from '../legal-sources/registry-date.js';

/** Bumped when the shape of the public responses changes, so no client keeps an old one. */
const RESPONSE_FORMAT = 1;

/** How long another process's publication may go unseen by this one's public reads. */
export const STATE_TTL_MS = 1_000;

interface KeptState {
  state: PublicReadState | undefined;
  generation: string;
  readAt: number;
}

const states = new WeakMap<Db, Map<string, KeptState>>();
/** Tags by what they hash (a handful of distinct ones at any time). */
const tags = new Map<string, string>();

function generation(): string {
  return `${publishedVersionsGeneration()}:${registryRevisionsGeneration()}:${organisationsGeneration()}`;
}

/** The kept state, when still good; `null` when not kept. */
function keptState(db: Db, orgCode: string, versionNo: number | undefined): { state: PublicReadState | undefined } | null {
  if (db.isTransaction) return null;
  const hit = states.get(db)?.get(`${orgCode}|${versionNo ?? ''}`);
  return hit && hit.generation === generation() && performance.now() - hit.readAt < STATE_TTL_MS ? { state: hit.state } : null;
}

async function stateOf(db: Db, orgCode: string, versionNo: number | undefined): Promise<PublicReadState | undefined> {
  if (db.isTransaction) return publicReadState(db, orgCode, versionNo);
  const hit = keptState(db, orgCode, versionNo);
  if (hit) return hit.state;
  let kept = states.get(db);
  if (kept === undefined) {
    kept = new Map();
    states.set(db, kept);
  }
  const key = `${orgCode}|${versionNo ?? ''}`;
  const before = generation();
  const now = performance.now();
  const state = await publicReadState(db, orgCode, versionNo);
  // Kept only when nothing was written meanwhile (the read might predate the write).
  if (generation() === before) {
    if (kept.size > 1_000) kept.clear();
    kept.set(key, { state, generation: before, readAt: now });
  }
  return state;
}

/** The weak ETag of a read of `versionNo` (the current version when undefined), or null when there is nothing to show. */
export async function publicReadTag(ctx: ServiceContext, orgCode: string, versionNo: number | undefined): Promise<string | null> {
  return tagOf(ctx, orgCode, versionNo, await stateOf(ctx.db, orgCode, versionNo));
}

/** publicReadTag() without waiting, when the state it needs is kept; undefined when it is not. */
export function knownPublicReadTag(ctx: ServiceContext, orgCode: string, versionNo: number | undefined): string | null | undefined {
  const hit = keptState(ctx.db, orgCode, versionNo);
  return hit === null ? undefined : tagOf(ctx, orgCode, versionNo, hit.state);
}

function tagOf(ctx: ServiceContext, orgCode: string, versionNo: number | undefined, state: PublicReadState | undefined): string | null {
  if (!state?.versionExists) return null;
  const parts = JSON.stringify([
    RESPONSE_FORMAT,
    orgCode,
    state.orgName,
    state.latestVersionNo,
    versionNo ?? 'current',
    state.registryRevision,
    registryDate(ctx),
  ]);
  let tag = tags.get(parts);
  if (tag === undefined) {
    tag = `W/"${crypto.createHash('sha256').update(parts).digest('base64url').slice(0, 27)}"`;
    if (tags.size > 1_000) tags.clear();
    tags.set(parts, tag);
  }
  return tag;
}
