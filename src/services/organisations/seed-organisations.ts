/**
 * The organisation tree a fresh installation starts with (the domain's SEED_ORGANISATIONS: the
 * regional bureau, the Liuzhou bureau whose list ships with the product, a district below it).
 * Idempotent: existing rows are left as they are.
 */
import { SEED_ORGANISATIONS } from '../../domain/access/organisations.js';
import { ensureOrganisation, type OrganisationRow } from '../../store/repositories/organisations.repository.js';
import type { ServiceContext } from '../context.js';

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
      doc_prefix: seed.documentPrefix,
      created_at: ctx.clock().toISOString(),
    });
    byCode.set(seed.code, row);
  }
  return byCode;
}
