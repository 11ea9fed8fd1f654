/**
 * Public reads of the published list are validated and served from memory. A published version
 * never changes; what a read shows besides it depends only on the organisation's name, which
 * version is the newest, the legal registry's newest revision and the Shanghai date the registry is
 * checked on. Those few header fields (cheap queries, no list body) make a weak ETag:
 *
 * - `If-None-Match` with the same tag → 304, without running the handler;
 * - the same tag as a body this process already built → that body again, without running the
 *   handler (a bounded LRU keyed by URL; a new version, registry revision or day changes the tag, so
 *   a stale body is never served);
 * - otherwise the handler runs and its JSON is kept for the next read.
 *
 * Cache-Control: a numbered version may be reused for a minute (only its registry findings can
 * change); the current list must be revalidated every time (a new version may be published any
 * moment). A request with a cookie gets `private`: its answer may clear an ended session's cookie.
 * Registered before @fastify/compress so the body kept is the JSON text, not a compressed stream.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../services/database-lifecycle.js';
import { publicReadTag } from '../services/operations/public-read-tag.js';

/** The cacheable GET routes (templates) of the published list. */
const CACHEABLE = new Set([
  '/api/v1/powerlists/current',
  '/api/v1/powerlists/versions',
  '/api/v1/powerlists/versions/:n',
  '/api/v1/powerlists/items',
  '/api/v1/powerlists/items/:no',
]);

/** Bodies kept, in bytes (UTF-16 length ×2 is close enough for a bound). */
const BODY_CACHE_BYTES = 32 * 1024 * 1024;

interface Kept {
  tag: string;
  body: string;
  bytes: number;
}

/** A tiny LRU bounded by total size: Map keeps insertion order, so the first key is the oldest. */
class BodyCache {
  private readonly entries = new Map<string, Kept>();
  private total = 0;
  constructor(private readonly limit: number) {}
  get(key: string, tag: string): string | undefined {
    const kept = this.entries.get(key);
    if (!kept || kept.tag !== tag) return undefined;
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.body;
  }
  set(key: string, tag: string, body: string): void {
    const bytes = body.length * 2;
    if (bytes > this.limit / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
    }
    this.entries.set(key, { tag, body, bytes });
    this.total += bytes;
    for (const [oldest, kept] of this.entries) {
      if (this.total <= this.limit) break;
      this.entries.delete(oldest);
      this.total -= kept.bytes;
    }
  }
}

/** Whether an If-None-Match header names `tag` (weak comparison, RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}

export interface PublicReadCacheOptions {
  db: Db;
  orgCode: string;
}

/** Adds ETag/Cache-Control, 304s and the body cache to the public list reads. */
export function registerPublicReadCache(app: FastifyInstance, options: PublicReadCacheOptions): void {
  const cache = new BodyCache(BODY_CACHE_BYTES);
  const tags = new WeakMap<FastifyRequest, { tag: string; cacheControl: string }>();

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !CACHEABLE.has(request.routeOptions.url ?? '')) return;
    const params = request.params as { n?: number };
    const query = request.query as { version?: number };
    const versionNo = params.n ?? query.version;
    const tag = await publicReadTag(request.ctx, options.orgCode, versionNo);
    if (tag === null) return; // nothing published or no such version: the handler says so
    const cacheControl =
      request.headers.cookie !== undefined
        ? 'private, no-cache'
        : versionNo === undefined
          ? 'public, no-cache'
          : 'public, max-age=60, must-revalidate';
    tags.set(request, { tag, cacheControl });
    if (matchesIfNoneMatch(request.headers['if-none-match'], tag)) {
      return reply.code(304).header('etag', tag).header('cache-control', cacheControl).send();
    }
    const body = cache.get(request.url, tag);
    if (body !== undefined) {
      return reply.code(200).type('application/json; charset=utf-8').send(body);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const tagged = tags.get(request);
    if (!tagged || reply.statusCode !== 200) return payload;
    reply.header('etag', tagged.tag).header('cache-control', tagged.cacheControl);
    if (typeof payload === 'string') cache.set(request.url, tagged.tag, payload);
    return payload;
  });
}
