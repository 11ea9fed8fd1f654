/**
 * The procedures of the organisation's current list: per item, the template it binds to, its steps
 * with actions, roles, rules, documents and each action's form (JSON Schema), how the list's duties
 * map onto the steps, and the coverage table of its accountability clauses.
 */
import type { TProcedure, TProcedureListResponse } from '../../contracts/cases.js';
import type { TPowerItem } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { mapDutiesToSteps } from '../../domain/procedure/map-duties.js';
import { bindTemplate } from '../../domain/procedure/templates.js';
import { describeCitation } from '../../domain/supervision/clauses.js';
import { coverageOf } from '../../domain/supervision/coverage.js';
import { findItem, findVersion, loadVersionItems } from '../../store/repositories/power-lists.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { factsJsonSchema, rulesOfAction } from './present-case.js';

async function currentVersion(ctx: ServiceContext, orgCode: string | undefined) {
  const tree = await requireAllowed(ctx, 'powerlist.read', null);
  const org = requireOrgByCode(
    tree,
    orgCode ?? (ctx.actor.kind === 'user' ? (tree.byId.get(ctx.actor.orgId)?.code ?? ctx.settings.homeOrgCode) : ctx.settings.homeOrgCode),
  );
  const version = await findVersion(ctx.db, org.id);
  if (!version) throw new DomainError(ERROR_CODES.notFound, `${org.name}尚未发布权责清单。`);
  return version;
}

/** Every item of the current list with its template and coverage. */
export async function listProcedures(ctx: ServiceContext, options: { orgCode?: string | undefined } = {}): Promise<TProcedureListResponse> {
  const version = await currentVersion(ctx, options.orgCode);
  const items = await loadVersionItems(ctx.db, version.id);
  return {
    procedures: items.map((item) => {
      const template = bindTemplate(item);
      const coverage = template ? coverageOf(item, template) : null;
      return {
        item: { no: item.no, name: item.name, category: item.category },
        template: template ? { id: template.id, title: template.title } : null,
        stepNames: template ? template.steps.map((s) => s.name) : [],
        coverage: coverage ? { covered: coverage.covered, total: coverage.total } : null,
      };
    }),
  };
}

/** The procedure of one item of the current list. */
export async function getProcedure(
  ctx: ServiceContext,
  itemNo: number,
  options: { orgCode?: string | undefined } = {},
): Promise<TProcedure> {
  const version = await currentVersion(ctx, options.orgCode);
  const row = await findItem(ctx.db, version.id, itemNo);
  if (!row) throw new DomainError(ERROR_CODES.notFound, `现行权责清单中没有第 ${itemNo} 项。`);
  const item = JSON.parse(row.item_json) as TPowerItem;
  const template = bindTemplate(item);
  if (!template) throw new DomainError(ERROR_CODES.notFound, `“${item.name}”暂无可运行的办理程序。`);
  const mapping = mapDutiesToSteps(item, template);
  const coverage = coverageOf(item, template);
  return {
    item: { no: item.no, name: item.name, category: item.category },
    template: { id: template.id, title: template.title, basis: template.basis, numberKind: template.numberKind },
    openingFactsSchema: factsJsonSchema(`${template.id}.open`, template.openingFacts),
    initialStep: template.initialStep,
    steps: mapping.steps.map(({ step, duties, missingFromList }) => ({
      id: step.id,
      name: step.name,
      description: step.description,
      standard: step.standard === true,
      needsTwoOfficers: step.needsTwoOfficers === true,
      dutyNos: duties.map((d) => d.no),
      missingFromList,
      actions: step.actions.map((action) => ({
        id: action.id,
        label: action.label,
        help: action.help ?? null,
        roles: [...action.roles],
        to: action.to,
        outcome: action.outcome ?? null,
        factsSchema: factsJsonSchema(`${template.id}.${step.id}.${action.id}`, action.facts),
        rules: rulesOfAction(step, action),
        documents: (action.documents ?? []).map((d) => d.title),
      })),
    })),
    legalBases: item.legalBases.map((c, index) => ({ index, label: describeCitation(c) })),
    unmappedDuties: mapping.unmappedDuties.map((d) => ({ no: d.no, name: d.name, text: d.text })),
    mappingFindings: mapping.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    coverage,
  };
}
