/**
 * First start: load the bundled list for the configured organisation when it has no list yet, so
 * `npm start` serves a working portal with nothing else to do.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { findOrganisationByCode } from '../../store/repositories/organisations.repository.js';
import { latestVersionNo } from '../../store/repositories/power-lists.repository.js';
import type { ServiceContext } from '../context.js';
import { seedOrganisations } from '../organisations/seed-organisations.js';
import { type ImportPowerListResult, importPowerList } from './import-power-list.js';

/** Seed organisations and, if the organisation has no list, import `listFile`. Returns the import or null. */
export async function seedBundledList(ctx: ServiceContext, orgCode: string, listFile: string): Promise<ImportPowerListResult | null> {
  await seedOrganisations(ctx);
  const org = await findOrganisationByCode(ctx.db, orgCode);
  if (!org || (await latestVersionNo(ctx.db, org.id)) > 0) return null;
  const bytes = await fs.readFile(listFile);
  return importPowerList(ctx, { orgCode, fileName: path.basename(listFile), bytes });
}
