/**
 * The legal-source registry over HTTP, as an administrator and the public meet it: the public
 * reads and exports it; a signed-in legal reviewer records a new edition and the item page shows
 * the new stale findings on the very next request; the registry round-trips through export and
 * import unchanged; refusals and invalid input are problem+json with field paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZItemResponse, ZProblem } from '../src/contracts/api.js';
import { ZLegalRegistryResponse, ZRegistryRevisionsResponse, ZRegistryWriteResponse } from '../src/contracts/legal-sources-api.js';
import type { TFinding } from '../src/contracts/power-list.js';
import { createAccount, type SignedIn, signIn, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** 08:00 UTC is 16:00 in Shanghai: the registry is read on 2026-11-26. */
const NOW = new Date('2026-11-26T08:00:00Z');

/** A later edition of 保守国家秘密法 superseding 主席令第20号 (hypothetical, for the test). */
const NEW_EDITION = {
  kind: 'add-edition',
  sourceId: 'baomi-fa',
  edition: { edition: '主席令第99号', adopted: '2026-09-01', effective: '2026-11-01', status: 'in-force' },
  supersedes: ['主席令第20号'],
};

describe.each(dialectsUnderTest())('legal-source registry API on %s', (dialect) => {
  let server: TestServer;
  let reviewer: SignedIn;
  let officer: SignedIn;

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock: () => NOW });
    const sys = systemContext(server.db, { clock: () => NOW });
    // The registry belongs to the root organisation (自治区): its reviewers maintain it.
    reviewer = await signIn(sys, await createAccount(sys, { orgCode: 'gx', grants: [{ role: 'legal-reviewer', orgCode: 'gx' }] }));
    officer = await signIn(sys, await createAccount(sys, { grants: [{ role: 'officer', orgCode: 'lz' }] }));
  });
  afterAll(() => server.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  async function item1() {
    const response = await get('/api/v1/powerlists/items/1');
    expect(response.statusCode).toBe(200);
    return ZItemResponse.parse(response.json());
  }

  function expectProblem(response: Awaited<ReturnType<typeof get>>, status: number) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return ZProblem.parse(response.json());
  }

  it('serves the seeded registry to the public, with status labels', async () => {
    const response = await get('/api/v1/legal-sources');
    expect(response.statusCode).toBe(200);
    const body = ZLegalRegistryResponse.parse(response.json());
    expect(body.revision).toMatchObject({ no: 1, kind: 'seed' });
    const secrecyLaw = body.sources.find((s) => s.id === 'baomi-fa');
    expect(secrecyLaw?.editions.map((e) => `${e.edition} ${e.statusLabel}`)).toEqual(['主席令第28号 已修订', '主席令第20号 现行有效']);
  });

  it('shows the bundled list’s stale citation on the public item page: 第四十五条 → 第五十二条第二款（已核对）', async () => {
    const body = await item1();
    const stale = body.findings.filter((f) => f.rule === 'stale-citation');
    expect(stale.map((f) => `${f.field}[${f.entry}]`)).toEqual(['legalBases[0]', 'legalBases[1]', 'dutyBases[0]', 'dutyBases[1]']);
    expect(stale[0]?.message).toBe(
      '引用《中华人民共和国保守国家秘密法》（2010年版，主席令第28号）第四十五条，该版本已被修订；现行版本（主席令第20号，2024-05-01施行）对应第五十二条第二款（已核对）。',
    );
    const notice = body.citationNotices.find((n) => n.field === 'legalBases' && n.entry === 0);
    expect(notice).toMatchObject({ kind: 'stale', current: { edition: '主席令第20号', isEffective: true } });
  });

  it('refuses writes without a session (401), without the role (403) and without the CSRF token (403), as problem+json', async () => {
    expect(expectProblem(await post('/api/v1/legal-sources/changes', { change: NEW_EDITION }), 401).code).toBe('unauthenticated');
    expect(expectProblem(await post('/api/v1/legal-sources/changes', { change: NEW_EDITION }, officer.headers), 403).code).toBe(
      'forbidden',
    );
    const withoutCsrf = { cookie: reviewer.headers.cookie ?? '' };
    expectProblem(await post('/api/v1/legal-sources/changes', { change: NEW_EDITION }, withoutCsrf), 403);
    expectProblem(await post('/api/v1/legal-sources/import', '{}', officer.headers), 403);
    expect(ZLegalRegistryResponse.parse((await get('/api/v1/legal-sources')).json()).revision.no).toBe(1);
  });

  it('answers invalid changes with 400 and the path of the field', async () => {
    const secondInForce = expectProblem(
      await post('/api/v1/legal-sources/changes', { change: { ...NEW_EDITION, supersedes: [] } }, reviewer.headers),
      400,
    );
    expect(secondInForce.errors?.map((e) => e.path)).toEqual(['change.edition.status']);
    const badDate = { ...NEW_EDITION, edition: { ...NEW_EDITION.edition, effective: '2026-02-30' } };
    const schema = expectProblem(await post('/api/v1/legal-sources/changes', { change: badDate }, reviewer.headers), 400);
    expect(schema.errors?.[0]?.path).toMatch(/^body\.change/);
  });

  it('a legal reviewer adds an edition superseding 主席令第20号, and GET item 1 at once shows the new stale findings', async () => {
    const before = await item1();
    const response = await post('/api/v1/legal-sources/changes', { change: NEW_EDITION, expectedRevision: 1 }, reviewer.headers);
    expect(response.statusCode, response.body).toBe(201);
    const result = ZRegistryWriteResponse.parse(response.json());
    expect(result.revision).toMatchObject({ no: 2, kind: 'change' });
    expect(result.affected.map((a) => a.item.no)).toEqual([1, 2, 3, 4, 7]);

    const after = await item1();
    const stale = after.findings.find((f) => f.rule === 'stale-citation' && f.message.includes('第四十五条'));
    expect(stale?.message).toBe(
      '引用《中华人民共和国保守国家秘密法》（2010年版，主席令第28号）第四十五条，该版本已被修订；现行版本（主席令第99号，2026-11-01施行）对应条款未知，请人工核对。',
    );
    expect(before.findings.map((f) => f.message)).not.toContain(stale?.message);
    expect(after.citationNotices.find((n) => n.field === 'legalBases' && n.entry === 0)?.current?.edition).toBe('主席令第99号');

    const history = ZRegistryRevisionsResponse.parse((await get('/api/v1/legal-sources/revisions')).json());
    expect(history.revisions.map((r) => `${r.no} ${r.kind} ${r.changedBy.name}`)[0]).toMatch(/^2 change 测试用户/);
    // The same change again now conflicts with the registry as it stands.
    expectProblem(await post('/api/v1/legal-sources/changes', { change: NEW_EDITION, expectedRevision: 1 }, reviewer.headers), 409);
  });

  it('round-trips the registry: export → import → export is byte-identical and writes nothing', async () => {
    const first = await get('/api/v1/legal-sources/export');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['content-disposition']).toBe('attachment; filename="legal-sources-r2.json"');
    const imported = await post('/api/v1/legal-sources/import', first.body, reviewer.headers);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(ZRegistryWriteResponse.parse(imported.json())).toMatchObject({ changed: false, revision: { no: 2 }, affected: [] });
    const second = await get('/api/v1/legal-sources/export');
    expect(second.body).toBe(first.body);
  });

  it('imports a changed registry as a new revision and refuses an inconsistent one with paths', async () => {
    const registry = JSON.parse((await get('/api/v1/legal-sources/export')).body);
    registry.sources[0].editions[0].status = 'in-force';
    const refused = expectProblem(await post('/api/v1/legal-sources/import', registry, reviewer.headers), 400);
    // 主席令第28号 back in force next to 主席令第99号: the second edition in force is the one reported.
    expect(refused.errors?.map((e) => e.path)).toEqual(['sources.0.editions.2.status']);

    registry.sources[0].editions[0].status = 'superseded';
    registry.sources[3].editions[0].note = '法律依据库管理员备注';
    const preview = await post('/api/v1/legal-sources/import?dryRun=true', registry, reviewer.headers);
    expect(ZRegistryWriteResponse.parse(preview.json())).toMatchObject({ dryRun: true, changed: true, revision: { no: 2 } });
    const accepted = await post('/api/v1/legal-sources/import?expectedRevision=2', registry, reviewer.headers);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(ZRegistryWriteResponse.parse(accepted.json()).revision).toMatchObject({ no: 3, kind: 'import' });
  });

  it('a new edition of a law cited as in force flags, on the next read, the items that were clean', async () => {
    const coercionLaw = (findings: TFinding[]) => findings.filter((f) => f.rule === 'stale-citation' && f.message.includes('行政强制法'));
    const itemOf = async (no: number) => ZItemResponse.parse((await get(`/api/v1/powerlists/items/${no}`)).json());
    for (const no of [1, 2, 3]) expect(coercionLaw((await itemOf(no)).findings), `item ${no} before`).toEqual([]);

    const change = {
      kind: 'add-edition',
      sourceId: 'xingzheng-qiangzhi-fa',
      edition: { edition: '主席令第98号', adopted: '2026-10-01', effective: '2026-11-01', status: 'in-force' },
      supersedes: ['主席令第49号'],
    };
    const response = await post('/api/v1/legal-sources/changes', { change }, reviewer.headers);
    expect(response.statusCode, response.body).toBe(201);
    expect(ZRegistryWriteResponse.parse(response.json()).affected.map((a) => a.item.no)).toEqual([1, 2, 3]);

    const item2 = await itemOf(2);
    expect(coercionLaw(item2.findings).map((f) => `${f.field}[${f.entry}]`)).toEqual(['accountabilityBases[0]']);
    expect(coercionLaw(item2.findings)[0]?.message).toContain('现行版本（主席令第98号，2026-11-01施行）对应条款未知，请人工核对。');
    const list = await get('/api/v1/powerlists/items');
    const hit = (list.json() as { items: { no: number; findingCount: number }[] }).items.find((i) => i.no === 2);
    expect(hit?.findingCount).toBe(item2.findings.length);
  });

  it('documents the endpoints in the OpenAPI document under their tag', async () => {
    const doc = (await get('/api/docs/json')).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const [path, method] of [
      ['/api/v1/legal-sources/', 'get'],
      ['/api/v1/legal-sources/export', 'get'],
      ['/api/v1/legal-sources/revisions', 'get'],
      ['/api/v1/legal-sources/import', 'post'],
      ['/api/v1/legal-sources/changes', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags, path).toEqual(['法律依据库']);
    }
  });
});
