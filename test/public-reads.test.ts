/**
 * Public reads of the published list are cacheable and compact: a weak ETag that changes with a new
 * version (and the day and registry revision, by construction), 304 on If-None-Match without a body,
 * Cache-Control by kind of read, the same bytes from the in-memory copy as from the handler, and
 * gzip/br for clients that ask.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { chooseEncoding, matchesIfNoneMatch } from '../src/http/public-read-cache.js';
import { importPowerList } from '../src/services/catalog/import-power-list.js';
import { systemContext } from './helpers/access-fixtures.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const SEED = path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv');

describe('public reads: ETag, 304, Cache-Control, compression', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it('tags an item read and answers 304 with no body when the client has it', async () => {
    const first = await get('/api/v1/powerlists/items/1');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');

    const again = await get('/api/v1/powerlists/items/1', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const other = await get('/api/v1/powerlists/items/1', { 'if-none-match': 'W/"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it('lets a numbered version be reused for a minute, the current list never without asking', async () => {
    const numbered = await get('/api/v1/powerlists/versions/1');
    expect(numbered.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    const current = await get('/api/v1/powerlists/current');
    expect(current.headers['cache-control']).toBe('public, no-cache');
    // Different reads, different tags.
    expect(numbered.headers.etag).not.toBe(current.headers.etag);
  });

  it('a request with a cookie gets a private answer (it may clear an ended session)', async () => {
    const response = await get('/api/v1/powerlists/items/2', { cookie: 'quanze_session=ended' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-cache');
  });

  it('tags nothing that is not there: an unknown version or item is a plain 404', async () => {
    const noVersion = await get('/api/v1/powerlists/versions/99');
    expect(noVersion.statusCode).toBe(404);
    expect(noVersion.headers.etag).toBeUndefined();
    const noItem = await get('/api/v1/powerlists/items/999');
    expect(noItem.statusCode).toBe(404);
    expect(noItem.headers.etag).toBeUndefined();
  });

  it('compresses JSON for clients that accept it, and the bytes decode to the same list', async () => {
    const plain = await get('/api/v1/powerlists/current');
    const gzip = await get('/api/v1/powerlists/current', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(zlib.gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);
    const br = await get('/api/v1/powerlists/items/1', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).item.no).toBe(1);
    // The kept body's compressed bytes are reused, and say the same.
    const again = await get('/api/v1/powerlists/items/1', { 'accept-encoding': 'br' });
    expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
    expect(again.headers['content-length']).toBe(String(br.rawPayload.length));
  });

  it('a new version changes the tag of the current reads, and of the old numbered one (no longer current)', async () => {
    const currentBefore = await get('/api/v1/powerlists/items/1');
    const v1Before = await get('/api/v1/powerlists/items/1?version=1');
    await importPowerList(systemContext(server.db), { orgCode: 'lz', fileName: 'list.tsv', bytes: fs.readFileSync(SEED) });

    const stale = await get('/api/v1/powerlists/items/1', { 'if-none-match': currentBefore.headers.etag as string });
    expect(stale.statusCode).toBe(200);
    expect(stale.json().version.no).toBe(2);
    expect(stale.headers.etag).not.toBe(currentBefore.headers.etag);
    // The numbered version's body says isCurrent: false now, so its tag moves too.
    const v1After = await get('/api/v1/powerlists/items/1?version=1', { 'if-none-match': v1Before.headers.etag as string });
    expect(v1After.statusCode).toBe(200);
    expect(v1After.json().version.isCurrent).toBe(false);
  });
});

describe('Accept-Encoding', () => {
  it('prefers br, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('If-None-Match', () => {
  it('compares weakly and understands lists and *', () => {
    expect(matchesIfNoneMatch('W/"a"', 'W/"a"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', 'W/"a"')).toBe(true);
    expect(matchesIfNoneMatch('W/"b", W/"a"', 'W/"a"')).toBe(true);
    expect(matchesIfNoneMatch('*', 'W/"a"')).toBe(true);
    expect(matchesIfNoneMatch('W/"b"', 'W/"a"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, 'W/"a"')).toBe(false);
  });
});
