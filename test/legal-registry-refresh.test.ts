/**
 * A registry nobody has changed follows the bundled file when a release updates it (the first
 * release carried English notes; the bundled file now carries Chinese ones), and one an
 * administrator changed stays theirs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import type { ServiceContext } from '../src/services/context.js';
import { getLegalRegistry } from '../src/services/legal-sources/get-legal-registry.js';
import { importLegalRegistry } from '../src/services/legal-sources/import-legal-registry.js';
import { seedLegalRegistry } from '../src/services/legal-sources/seed-legal-registry.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

const BUNDLED = path.join(PROJECT_ROOT, 'data', 'legal-sources.json');
const CHINESE_NOTE = '义务主体改为“网络运营者”；新增监察机关，并增加对设备的技术处置';

describe.each(dialectsUnderTest())('bundled registry refresh on %s', (dialect) => {
  let database: TestDatabase;
  let sys: ServiceContext;
  let dir: string;
  let oldRelease: string;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    sys = systemContext(database.db);
    await seedOrganisations(sys);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-registry-'));
    oldRelease = path.join(dir, 'legal-sources.json');
    const text = fs.readFileSync(BUNDLED, 'utf8');
    expect(text).toContain(CHINESE_NOTE);
    fs.writeFileSync(oldRelease, text.replace(CHINESE_NOTE, 'subject is now 网络运营者; adds 监察机关 and technical handling of devices'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.destroy();
  });

  const noteOf28 = async () =>
    (await getLegalRegistry(sys)).sources.find((s) => s.id === 'baomi-fa')?.articleMap.find((m) => m.from.article === 28)?.note;

  it('replaces an untouched seed with the bundled file, once', async () => {
    expect(await seedLegalRegistry(sys, oldRelease)).toMatchObject({ revisionNo: 1 });
    expect(await noteOf28()).toContain('subject is now');
    expect(await seedLegalRegistry(sys, BUNDLED)).toMatchObject({ revisionNo: 2 });
    expect(await noteOf28()).toBe(CHINESE_NOTE);
    expect(await seedLegalRegistry(sys, BUNDLED)).toBeNull();
  });

  it('leaves a registry alone once someone imported or changed it', async () => {
    const result = await importLegalRegistry(sys, { document: fs.readFileSync(oldRelease, 'utf8'), fileName: 'legal-sources.json' });
    expect(result).toMatchObject({ changed: true, revision: { no: 3, kind: 'import' } });
    expect(await noteOf28()).toContain('subject is now');
    expect(await seedLegalRegistry(sys, BUNDLED)).toBeNull();
    expect(await noteOf28()).toContain('subject is now');
  });
});
