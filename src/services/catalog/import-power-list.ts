/**
 * Import a power list for an organisation: parse, lint, diff against the current version, and
 * store it as the next version — all or nothing. A dry run does everything but the write.
 */
import { createHash } from 'node:crypto';
import type { TFinding, TPowerItem, TPowerList, TPowerListDiff } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { isRegistryFinding } from '../../domain/legal-sources/registry-findings.js';
import { diffPowerLists } from '../../domain/powerlist/diff.js';
import type { ReadPowerListOptions } from '../../io/read-power-list-file.js';
import { isUniqueViolation } from '../../store/errors.js';
import { findOrganisationByCode } from '../../store/repositories/organisations.repository.js';
import {
  findVersion,
  type ItemRow,
  insertVersion,
  latestVersionNo,
  loadVersionList,
} from '../../store/repositories/power-lists.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { primeRegistryFindingCounts, registryCheckFor } from '../legal-sources/live-findings.js';
import { inTransaction } from '../transaction.js';
import { analysePowerList } from './analyse-power-list.js';
import { searchTextOf } from './search-text.js';

export interface ImportPowerListOptions extends ReadPowerListOptions {
  orgCode: string;
  fileName: string;
  bytes: Uint8Array;
  dryRun?: boolean;
}

export interface ImportPowerListResult {
  /** the version number written, or the one a real import would write (dry run) */
  versionNo: number;
  dryRun: boolean;
  format: string;
  encoding: string | null;
  list: TPowerList;
  diff: TPowerListDiff | null;
}

/**
 * Import a file as the organisation's next list version. Needs `powerlist.import` on the
 * organisation (the system administrator or a legal reviewer; the CLI acts as the system); a real
 * import is audited in its transaction.
 */
export async function importPowerList(ctx: ServiceContext, options: ImportPowerListOptions): Promise<ImportPowerListResult> {
  const org = await findOrganisationByCode(ctx.db, options.orgCode);
  if (!org) throw new DomainError(ERROR_CODES.notFound, `机构代码 ${options.orgCode} 不存在。`);
  await requireAllowed(ctx, 'powerlist.import', org.id);
  // The result reports the registry's findings too; the version stores only the linter's, since
  // the registry's are recomputed against the registry as it stands whenever the list is read.
  const registryCheck = await registryCheckFor(ctx);
  const analysed = await analysePowerList(options.bytes, options.fileName, { ...options, registry: registryCheck });
  const lintFindings = analysed.list.findings.filter((finding) => !isRegistryFinding(finding));
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');

  const write = async (tx: ServiceContext): Promise<ImportPowerListResult> => {
    const db = tx.db;
    const previous = await findVersion(db, org.id);
    const diff = previous ? diffPowerLists(await loadVersionList(db, previous), analysed.list) : null;
    const versionNo = (await latestVersionNo(db, org.id)) + 1;
    const result: ImportPowerListResult = {
      versionNo,
      dryRun: options.dryRun === true,
      format: analysed.format,
      encoding: analysed.encoding,
      list: analysed.list,
      diff,
    };
    if (options.dryRun) return result;
    const versionId = ctx.newId();
    const importedAt = ctx.clock().toISOString();
    const findingsPerItem = countFindingsPerItem(lintFindings);
    await insertVersion(db, {
      version: {
        id: versionId,
        org_id: org.id,
        version_no: versionNo,
        title: analysed.list.title,
        source_name: options.fileName,
        source_sha256: sha256,
        source_format: analysed.format,
        imported_at: importedAt,
        imported_by: ctx.actor.id,
        findings_json: JSON.stringify(lintFindings),
        diff_json: diff ? JSON.stringify(diff) : null,
        item_count: analysed.list.items.length,
        finding_count: lintFindings.length,
      },
      items: analysed.list.items.map(
        (item: TPowerItem): ItemRow => ({
          id: ctx.newId(),
          org_id: org.id,
          version_id: versionId,
          item_no: item.no,
          category: item.category,
          name: item.name,
          search_text: searchTextOf(item),
          item_json: JSON.stringify(item),
          finding_count: findingsPerItem.get(item.no) ?? 0,
        }),
      ),
    });
    if (registryCheck !== null) {
      // The registry's findings were just computed: the first reads of the new version need not recount them.
      const registryFindings = analysed.list.findings.filter(isRegistryFinding);
      primeRegistryFindingCounts(
        { id: versionId, source_sha256: sha256, imported_at: importedAt },
        registryCheck.current.revision,
        registryFindings,
      );
    }
    await recordAudit(tx, {
      orgId: org.id,
      action: 'powerlist.import',
      targetType: 'powerlist-version',
      targetId: versionId,
      details: {
        versionNo,
        fileName: options.fileName,
        sha256,
        format: analysed.format,
        items: analysed.list.items.length,
        findings: analysed.list.findings.length,
      },
    });
    return result;
  };

  if (options.dryRun) return write(ctx);
  // Two concurrent imports would both pick the same version number; the unique key makes the
  // loser fail, and we report it as a conflict rather than a crash.
  try {
    return await inTransaction(ctx, write);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ERROR_CODES.conflict, '另一次导入同时进行，请稍后重试。', { cause: error });
    throw error;
  }
}

function countFindingsPerItem(findings: readonly TFinding[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const f of findings) if (f.item !== null) counts.set(f.item, (counts.get(f.item) ?? 0) + 1);
  return counts;
}
