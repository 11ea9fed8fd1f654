/**
 * The legal-source registry inside the product, on every dialect: seeded once at first start,
 * read by everyone, changed and imported by the system administrator or a legal reviewer — each
 * write a new audited revision — and the read side of the published list judging citations
 * against the registry as it stands at the time of the read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import type { TRegistryChange } from '../src/contracts/legal-sources.js';
import { DomainError } from '../src/domain/errors.js';
import { parseRegistry, serializeRegistry } from '../src/domain/legal-sources/registry.js';
import { findStaleCitations } from '../src/domain/legal-sources/stale-citations.js';
import { readPowerListTsv } from '../src/io/power-list-tsv.js';
import { userActorOf } from '../src/services/auth/user-actor.js';
import { findingsOf, importPowerList } from '../src/services/catalog/import-power-list.js';
import { getPowerItem, getPowerList, listPowerListVersions, searchPowerItems } from '../src/services/catalog/published-list.js';
import { seedBundledList } from '../src/services/catalog/seed-bundled-list.js';
import { ANONYMOUS, createContext, type ServiceContext, SYSTEM, withActor } from '../src/services/context.js';
import { applyRegistryChange } from '../src/services/legal-sources/apply-registry-change.js';
import { citationNotices } from '../src/services/legal-sources/citation-notices.js';
import { exportLegalRegistry } from '../src/services/legal-sources/export-legal-registry.js';
import { getLegalRegistry } from '../src/services/legal-sources/get-legal-registry.js';
import { importLegalRegistry } from '../src/services/legal-sources/import-legal-registry.js';
import { listRegistryRevisions } from '../src/services/legal-sources/list-registry-revisions.js';
import { seedLegalRegistry } from '../src/services/legal-sources/seed-legal-registry.js';
import { findUserById } from '../src/store/repositories/users.repository.js';
import { createAccount } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

const BUNDLED_LIST = path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv');
const SEED = path.join(PROJECT_ROOT, 'data', 'legal-sources.json');
/** 08:00 UTC is 16:00 in Shanghai: the registry is read on 2026-11-26. */
const NOW = new Date('2026-11-26T08:00:00Z');
const AS_OF = '2026-11-26';

/** The 2024 保守国家秘密法 replaced by a later edition (a hypothetical revision for the test). */
const NEW_SECRECY_LAW: TRegistryChange = {
  kind: 'add-edition',
  sourceId: 'baomi-fa',
  edition: { edition: '主席令第99号', adopted: '2026-09-01', effective: '2026-11-01', status: 'in-force' },
  supersedes: ['主席令第20号'],
};

function registryRules(findings: { rule: string }[]) {
  return findings.filter((f) => ['stale-citation', 'unresolved-citation', 'citation-status-unknown'].includes(f.rule));
}

async function auditActions(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'legal-registry.%')
    .orderBy('at')
    // The records sit on different chains (the reviewer's is the root's): UUID v7 ids keep their order.
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe.each(dialectsUnderTest())('legal-source registry services on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  let reviewer: ServiceContext;
  let officer: ServiceContext;
  const seedRegistry = parseRegistry(fs.readFileSync(SEED, 'utf8'));
  const bundled = readPowerListTsv(fs.readFileSync(BUNDLED_LIST));

  async function actorFor(role: 'legal-reviewer' | 'officer'): Promise<ServiceContext> {
    // The registry belongs to the root organisation: its reviewers maintain it (registry-owner.ts).
    const orgCode = role === 'legal-reviewer' ? 'gx' : 'lz';
    const account = await createAccount(sys, { orgCode, grants: [{ role, orgCode }] });
    const user = await findUserById(sys.db, account.id);
    if (!user) throw new Error('account not created');
    return withActor(sys, await userActorOf(sys.db, user, null));
  }

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    sys = createContext(database.db, SYSTEM, { clock: () => NOW });
    await seedBundledList(sys, 'lz', BUNDLED_LIST);
    reviewer = await actorFor('legal-reviewer');
    officer = await actorFor('officer');
  });
  afterAll(() => database.destroy());

  it('says nothing about citations before the registry is seeded, and refuses to serve a registry it does not have', async () => {
    const item = await getPowerItem(sys, 'lz', 1);
    expect(item.citationNotices).toEqual([]);
    expect(registryRules(item.findings)).toEqual([]);
    await expect(getLegalRegistry(sys)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('seeds the registry once, audited, from data/legal-sources.json', async () => {
    expect(await seedLegalRegistry(sys, SEED)).toEqual({ revisionNo: 1, sources: seedRegistry.sources.length });
    expect(await seedLegalRegistry(sys, SEED)).toBeNull();
    const registry = await getLegalRegistry(withActor(sys, ANONYMOUS));
    expect(registry.revision).toMatchObject({ no: 1, kind: 'seed', change: null });
    expect(registry.sources.map((s) => s.id)).toEqual(seedRegistry.sources.map((s) => s.id));
    const secrecyLaw = registry.sources.find((s) => s.id === 'baomi-fa');
    expect(secrecyLaw?.currentEdition).toBe('主席令第20号');
    expect(secrecyLaw?.editions.map((e) => [e.edition, e.statusLabel, e.isCurrent])).toEqual([
      ['主席令第28号', '已修订', false],
      ['主席令第20号', '现行有效', true],
    ]);
    expect(secrecyLaw?.articleMap.find((m) => m.from.article === 44)?.confidenceLabel).toBe('推定');
    expect(registry.statusLabels.unknown).toBe('未知');
    expect(await auditActions(sys)).toEqual(['legal-registry.seed']);
  });

  it('flags the stale citations of every bundled item through the product, exactly as the registry says (phase-1 pin)', async () => {
    const item1 = await getPowerItem(sys, 'lz', 1);
    const article45 = item1.findings.find((f) => f.rule === 'stale-citation' && f.message.includes('第四十五条'));
    expect(article45?.message).toContain('现行版本（主席令第20号，2024-05-01施行）对应第五十二条第二款（已核对）');
    expect(item1.citationNotices.find((n) => n.field === 'legalBases' && n.entry === 0)?.articles[0]).toMatchObject({
      cited: { article: 45 },
      mapped: [{ edition: '主席令第20号', article: 52, paragraph: 2 }],
      confidence: 'checked',
    });

    const expected = findStaleCitations(bundled.items, seedRegistry, AS_OF);
    const served = [];
    for (const no of [1, 2, 3, 4, 5, 6, 7]) served.push(...registryRules((await getPowerItem(sys, 'lz', no)).findings));
    expect(served).toEqual(expected);
    // The linter's own findings are still there, before the registry's within each item.
    expect(item1.findings[0]?.rule).not.toBe('stale-citation');
    expect(item1.findings.some((f) => f.rule === 'truncated-cell')).toBe(true);
  });

  it('counts the registry findings in the whole list, the version summaries and the search', async () => {
    const list = await getPowerList(sys, 'lz');
    const registryFindings = registryRules(list.list.findings);
    expect(registryFindings).toEqual(findStaleCitations(bundled.items, seedRegistry, AS_OF));
    expect(list.version.findingCount).toBe(list.list.findings.length);
    const versions = await listPowerListVersions(sys, 'lz');
    expect(versions.versions[0]?.findingCount).toBe(list.list.findings.length);
    const search = await searchPowerItems(sys, 'lz', {});
    for (const hit of search.items)
      expect(hit.findingCount, `item ${hit.no}`).toBe(list.list.findings.filter((f) => f.item === hit.no).length);
    expect(search.version.findingCount).toBe(list.list.findings.length);
  });

  it('stores only the linter findings with a version, but reports the registry findings of an import', async () => {
    const result = await importPowerList(sys, { orgCode: 'lz', fileName: 'again.tsv', bytes: fs.readFileSync(BUNDLED_LIST), dryRun: true });
    expect(registryRules(findingsOf(result))).toEqual(findStaleCitations(bundled.items, seedRegistry, AS_OF));
    const stored = await sys.db.selectFrom('power_list_versions').select('findings_json').executeTakeFirstOrThrow();
    expect(registryRules(JSON.parse(stored.findings_json))).toEqual([]);
  });

  it('gives the notices of any items against the current registry', async () => {
    const notices = await citationNotices(withActor(sys, ANONYMOUS), bundled.items.slice(0, 1));
    expect(notices.map((n) => `${n.kind} ${n.field}[${n.entry}]`)).toEqual([
      'stale legalBases[0]',
      'stale legalBases[1]',
      'stale dutyBases[0]',
      'stale dutyBases[1]',
      'edition-not-stated accountabilityBases[4]',
    ]);
  });

  it('refuses writes to the anonymous public (401) and to roles without legalSources.write (403)', async () => {
    const change = { change: NEW_SECRECY_LAW };
    await expect(applyRegistryChange(withActor(sys, ANONYMOUS), change)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(applyRegistryChange(officer, change)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importLegalRegistry(officer, { document: serializeRegistry(seedRegistry) })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getLegalRegistry(sys)).revision.no).toBe(1);
  });

  it('reports invalid changes with field paths under `change` and writes nothing', async () => {
    const unknownEdition = await applyRegistryChange(reviewer, {
      change: {
        kind: 'add-mapping',
        sourceId: 'baomi-fa',
        mapping: { from: { edition: '主席令第28号', article: 9 }, to: [{ edition: '主席令第7号', article: 9 }], confidence: 'checked' },
      },
    }).catch((e: unknown) => e);
    expect(unknownEdition).toBeInstanceOf(DomainError);
    expect((unknownEdition as DomainError).code).toBe('validation');
    expect((unknownEdition as DomainError).issues.map((i) => i.path)).toEqual([['change', 'mapping', 'to', 0, 'edition']]);

    const twoInForce = (await applyRegistryChange(reviewer, {
      change: { ...NEW_SECRECY_LAW, supersedes: [] },
    }).catch((e: unknown) => e)) as DomainError;
    expect(twoInForce.issues[0]?.path).toEqual(['change', 'edition', 'status']);

    const badShape = (await applyRegistryChange(reviewer, {
      change: { kind: 'set-status', sourceId: 'baomi-fa', edition: 'x', status: '有效' },
    }).catch((e: unknown) => e)) as DomainError;
    expect(badShape.issues[0]?.path).toEqual(['change', 'status']);
    expect((await getLegalRegistry(sys)).revision.no).toBe(1);
  });

  it('previews a change with dryRun, writing nothing', async () => {
    const preview = await applyRegistryChange(reviewer, { change: NEW_SECRECY_LAW, dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.revision.no).toBe(1);
    expect(preview.affected.map((a) => a.item.no)).toEqual([1, 2, 3, 4, 7]);
    expect((await getLegalRegistry(sys)).revision.no).toBe(1);
  });

  it('a new edition flags the items citing the old ones at once, with the affected items and an audit record', async () => {
    const before = await getPowerItem(sys, 'lz', 1);
    const result = await applyRegistryChange(reviewer, { change: NEW_SECRECY_LAW, expectedRevision: 1 });
    expect(result.revision).toMatchObject({ no: 2, kind: 'change', change: NEW_SECRECY_LAW, changedBy: { id: reviewer.actor.id } });
    // Every item citing 保守国家秘密法 (the 2010 edition) now maps to an edition whose articles the registry does not know yet.
    expect(result.affected.map((a) => `${a.organisation.code} v${a.versionNo} #${a.item.no}`)).toEqual([
      'lz v1 #1',
      'lz v1 #2',
      'lz v1 #3',
      'lz v1 #4',
      'lz v1 #7',
    ]);
    expect(result.affected[0]?.citations.map((c) => `${c.field}[${c.entry}]`)).toEqual(['legalBases[0]']);

    const after = await getPowerItem(sys, 'lz', 1);
    const article45 = after.findings.find((f) => f.rule === 'stale-citation' && f.message.includes('第四十五条'));
    expect(article45?.message).toBe(
      '引用《中华人民共和国保守国家秘密法》（2010年版，主席令第28号）第四十五条，该版本已被修订；现行版本（主席令第99号，2026-11-01施行）对应条款未知，请人工核对。',
    );
    expect(after.findings).not.toEqual(before.findings);
    expect(after.citationNotices[0]?.current?.edition).toBe('主席令第99号');

    const registry = await getLegalRegistry(sys);
    expect(registry.sources.find((s) => s.id === 'baomi-fa')?.editions.map((e) => `${e.edition} ${e.status}`)).toEqual([
      '主席令第28号 superseded',
      '主席令第20号 superseded',
      '主席令第99号 in-force',
    ]);
    expect(await auditActions(sys)).toEqual(['legal-registry.seed', 'legal-registry.change']);
    const record = await sys.db.selectFrom('audit_log').selectAll().where('action', '=', 'legal-registry.change').executeTakeFirstOrThrow();
    expect(record.actor_id).toBe(reviewer.actor.id);
    expect(JSON.parse(record.details)).toMatchObject({ revision: 2, change: NEW_SECRECY_LAW });
  });

  it('a mapping into the new edition replaces "unknown" with the article', async () => {
    await applyRegistryChange(reviewer, {
      change: {
        kind: 'add-mapping',
        sourceId: 'baomi-fa',
        mapping: {
          from: { edition: '主席令第20号', article: 52, paragraph: 2 },
          to: [{ edition: '主席令第99号', article: 60 }],
          confidence: 'inferred',
        },
      },
    });
    const item1 = await getPowerItem(sys, 'lz', 1);
    const article45 = item1.findings.find((f) => f.rule === 'stale-citation' && f.message.includes('第四十五条'));
    expect(article45?.message).toContain('现行版本（主席令第99号，2026-11-01施行）对应第六十条（推定）');
  });

  it('refuses a write prepared against an older revision (409), and lists the history newest first', async () => {
    const stale = await applyRegistryChange(reviewer, {
      change: { kind: 'set-status', sourceId: 'gongwuyuan-chufen-tiaoli', edition: '国务院令第495号', status: 'repealed' },
      expectedRevision: 1,
    }).catch((e: unknown) => e);
    expect((stale as DomainError).code).toBe('conflict');
    const history = await listRegistryRevisions(withActor(sys, ANONYMOUS), { limit: 10, offset: 0 });
    expect(history.total).toBe(3);
    expect(history.revisions.map((r) => `${r.no} ${r.kind}`)).toEqual(['3 change', '2 change', '1 seed']);
  });

  it('round-trips through JSON: export → import → export is identical and writes no revision', async () => {
    const first = await exportLegalRegistry(withActor(sys, ANONYMOUS));
    expect(first.revisionNo).toBe(3);
    const result = await importLegalRegistry(reviewer, { document: first.json, expectedRevision: 3 });
    expect(result).toMatchObject({ changed: false, dryRun: false, affected: [], revision: { no: 3 } });
    const second = await exportLegalRegistry(sys);
    expect(second.json).toBe(first.json);
    // The seed file itself imports back to the same text it exported as (key order and all).
    expect(serializeRegistry(parseRegistry(second.json))).toBe(second.json);
  });

  it('imports a whole registry as a new revision, listing the items it changes, and refuses inconsistent ones with paths', async () => {
    const result = await importLegalRegistry(reviewer, { document: serializeRegistry(seedRegistry), fileName: 'legal-sources.json' });
    expect(result).toMatchObject({ changed: true, dryRun: false, revision: { no: 4, kind: 'import' } });
    // Back to the seed: every item citing 保守国家秘密法 reads 主席令第20号 as current again.
    expect(result.affected.map((a) => a.item.no)).toEqual([1, 2, 3, 4, 7]);
    const served = [];
    for (const no of [1, 2, 3, 4, 5, 6, 7]) served.push(...registryRules((await getPowerItem(sys, 'lz', no)).findings));
    expect(served).toEqual(findStaleCitations(bundled.items, seedRegistry, AS_OF));

    const broken = structuredClone(seedRegistry);
    const first = broken.sources[0];
    if (!first?.editions[0]) throw new Error('seed changed');
    first.editions[0].status = 'in-force';
    const error = (await importLegalRegistry(reviewer, { document: broken }).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('validation');
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['sources.0.editions.1.status']);
    const notJson = (await importLegalRegistry(reviewer, { document: '{ "sources": [' }).catch((e: unknown) => e)) as DomainError;
    expect(notJson.code).toBe('validation');
    expect((await getLegalRegistry(sys)).revision.no).toBe(4);
    expect(await auditActions(sys)).toEqual([
      'legal-registry.seed',
      'legal-registry.change',
      'legal-registry.change',
      'legal-registry.import',
    ]);
  });

  it('keeps the revisions append-only in the database itself', async () => {
    await expect(sys.db.updateTable('legal_registry_revisions').set({ changed_by_name: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(sys.db.deleteFrom('legal_registry_revisions').execute()).rejects.toThrow(/append-only/);
  });
});
