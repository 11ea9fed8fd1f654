/**
 * The validator (ETag) of a public read of an organisation's published list: everything such a read
 * shows besides the immutable version body — the organisation's name, the newest version number,
 * the legal registry's newest revision and the Shanghai date its citations are checked on. Cheap:
 * a few indexed header reads, never the list.
 */
import crypto from 'node:crypto';
import { publicReadState } from '../../store/operations.repository.js';
import type { ServiceContext } from '../context.js';
import { registryDate } from '../legal-sources/registry-date.js';

/** Bumped when the shape of the public responses changes, so no client keeps an old one. */
const RESPONSE_FORMAT = 1;

/** The weak ETag of a read of `versionNo` (the current version when undefined), or null when there is nothing to show. */
export async function publicReadTag(ctx: ServiceContext, orgCode: string, versionNo: number | undefined): Promise<string | null> {
  const state = await publicReadState(ctx.db, orgCode, versionNo);
  if (!state?.versionExists) return null;
  const parts = [
    RESPONSE_FORMAT,
    orgCode,
    state.orgName,
    state.latestVersionNo,
    versionNo ?? 'current',
    state.registryRevision,
    registryDate(ctx),
  ];
  return `W/"${crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;
}
