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
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../services/database-lifecycle.js';
import { knownPublicReadTag, publicReadTag } from '../services/operations/public-read-tag.js';

/** The cacheable GET routes (templates) of the published list. */
const CACHEABLE = new Set([
  '/api/v1/powerlists/current',
  '/api/v1/powerlists/versions',
  '/api/v1/powerlists/versions/:n',
  '/api/v1/powerlists/items',
  '/api/v1/powerlists/items/:no',
]);

/** Bodies kept (UTF-8 and compressed), in bytes. */
const BODY_CACHE_BYTES = 32 * 1024 * 1024;

interface Kept {
  tag: string;
  /** the JSON as UTF-8: sent as it is (a string would be encoded again on every write) */
  body: Buffer;
  bytes: number;
  /** the body compressed, per encoding, made on first demand */
  encoded: Map<Encoding, Buffer>;
}

type Encoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Compressed off the event loop (zlib's thread pool), once per body and encoding: @fastify/compress
 * compresses a string body synchronously on every response, which for the whole 10,000-item list
 * would hold every other request for a second each time.
 */
function encode(body: Buffer | string, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzip(body, { level: 6 });
}

/** The encoding to send for an Accept-Encoding header: br, else gzip, else none (q-values of 0 refuse). */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const offered = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/** A tiny LRU bounded by total size: Map keeps insertion order, so the first key is the oldest. */
class BodyCache {
  private readonly entries = new Map<string, Kept>();
  private total = 0;
  constructor(private readonly limit: number) {}
  get(key: string, tag: string): Kept | undefined {
    const kept = this.entries.get(key);
    if (!kept || kept.tag !== tag) return undefined;
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept;
  }
  /** The kept body in `encoding`, compressing it the first time; counted against the limit. */
  async encoded(kept: Kept, encoding: Encoding): Promise<Buffer> {
    const done = kept.encoded.get(encoding);
    if (done) return done;
    const made = await encode(kept.body, encoding);
    if (!kept.encoded.has(encoding)) {
      kept.encoded.set(encoding, made);
      kept.bytes += made.length;
      this.total += made.length;
    }
    return made;
  }
  set(key: string, tag: string, text: string): Kept | undefined {
    if (text.length * 3 > this.limit / 4) return undefined;
    const body = Buffer.from(text, 'utf8');
    const bytes = body.length;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
    }
    const kept: Kept = { tag, body, bytes, encoded: new Map() };
    this.entries.set(key, kept);
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limit) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
    return this.entries.get(key);
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
  const tags = new WeakMap<FastifyRequest, { tag: string; cacheControl: string; fromCache: boolean }>();

  // A callback hook: when the tag's state is known (kept for a second, public-read-tag.ts) a kept
  // body or a 304 goes out with no promise at all. After reply.send() the hook must not call done().
  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (request.method !== 'GET' || !CACHEABLE.has(request.routeOptions.url ?? '')) return done();
    const params = request.params as { n?: number };
    const query = request.query as { version?: number };
    const versionNo = params.n ?? query.version;
    const answer = (tag: string | null): void => {
      if (tag === null) {
        done(); // nothing published or no such version: the handler says so
        return;
      }
      const cacheControl =
        request.headers.cookie !== undefined
          ? 'private, no-cache'
          : versionNo === undefined
            ? 'public, no-cache'
            : 'public, max-age=60, must-revalidate';
      if (matchesIfNoneMatch(request.headers['if-none-match'], tag)) {
        reply.code(304).header('etag', tag).header('cache-control', cacheControl).send();
        return;
      }
      const kept = cache.get(request.url, tag);
      tags.set(request, { tag, cacheControl, fromCache: kept !== undefined });
      if (kept === undefined) {
        done();
        return;
      }
      reply.code(200).type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (encoding === null || kept.body.length < 1024) {
        reply.send(kept.body);
        return;
      }
      // @fastify/compress leaves a body that already has a Content-Encoding alone.
      const send = (encoded: Buffer) => {
        reply.header('content-encoding', encoding).header('content-length', encoded.length).send(encoded);
      };
      const ready = kept.encoded.get(encoding);
      if (ready) send(ready);
      else cache.encoded(kept, encoding).then(send, done);
    };
    const known = knownPublicReadTag(request.ctx, options.orgCode, versionNo);
    if (known !== undefined) answer(known);
    else publicReadTag(request.ctx, options.orgCode, versionNo).then(answer, done);
  });

  // A callback hook, not an async one: it runs on every reply, and most have nothing to do here.
  app.addHook('onSend', (request, reply, payload, done) => {
    const tagged = tags.get(request);
    if (!tagged || reply.statusCode !== 200) return done(null, payload);
    reply.header('etag', tagged.tag).header('cache-control', tagged.cacheControl);
    if (tagged.fromCache || typeof payload !== 'string') return done(null, payload);
    const kept = cache.set(request.url, tagged.tag, payload);
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    reply.header('vary', 'accept-encoding');
    if (encoding === null || payload.length < 1024) return done(null, payload);
    // Compressed here — once per version when the body is kept, off the event loop always.
    (kept ? cache.encoded(kept, encoding) : encode(payload, encoding)).then((encoded) => {
      reply.header('content-encoding', encoding).header('content-length', encoded.length);
      done(null, encoded);
    }, done);
  });
}
