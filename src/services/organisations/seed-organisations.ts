/**
 * The organisation tree a fresh installation starts with: the regional bureau and the municipal
 * bureau whose list ships with the product. Idempotent: existing rows are left as they are.
 */
import { ensureOrganisation, type OrganisationRow } from '../../store/repositories/organisations.repository.js';
import type { ServiceContext } from '../context.js';

interface SeedOrganisation {
  code: string;
  name: string;
  parentCode: string | null;
  docPrefix: string;
}

export const SEED_ORGANISATIONS: readonly SeedOrganisation[] = [
  { code: 'gx', name: '广西壮族自治区国家保密局', parentCode: null, docPrefix: '桂保' },
  { code: 'lz', name: '柳州市国家保密局', parentCode: 'gx', docPrefix: '柳保' },
];

/** Create the seed organisations that do not exist yet; returns them by code. */
export async function seedOrganisations(ctx: ServiceContext): Promise<Map<string, OrganisationRow>> {
  const byCode = new Map<string, OrganisationRow>();
  for (const seed of SEED_ORGANISATIONS) {
    const parent = seed.parentCode ? byCode.get(seed.parentCode) : undefined;
    const row = await ensureOrganisation(ctx.db, {
      id: ctx.newId(),
      code: seed.code,
      name: seed.name,
      parent_id: parent?.id ?? null,
      doc_prefix: seed.docPrefix,
      created_at: ctx.clock().toISOString(),
    });
    byCode.set(seed.code, row);
  }
  return byCode;
}
