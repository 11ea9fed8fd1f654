/**
 * An officer opens a case (新建案件) on an item of the organisation's current list: the item binds to
 * its procedure template, the parties' identifiers are checked, officers checked for recusal and
 * certificates, a gapless number is taken — and the case, its first event and the audit record
 * commit together.
 */
import type { TCase, TOpenCaseRequest } from '../../contracts/cases.js';
import { ZOpenCaseRequest } from '../../contracts/cases.js';
import type { TPowerItem } from '../../contracts/power-list.js';
import type { CaseEvent, Party } from '../../domain/cases/case.js';
import { CASE_SCHEMA_VERSION } from '../../domain/cases/case.js';
import { auditDetailsOf } from '../../domain/cases/case-audit.js';
import { formatCaseNumber } from '../../domain/cases/case-number.js';
import { openCaseState } from '../../domain/cases/open-case.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { bindTemplate } from '../../domain/procedure/templates.js';
import { allocateCaseNumber, appendCaseEvent, findCase, insertCase, insertCaseLink } from '../../store/repositories/cases.repository.js';
import { findItem, findVersion } from '../../store/repositories/power-lists.repository.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode, requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { checkAssignment } from './assignment-check.js';
import { buildCaseView } from './build-case-view.js';
import { caseRolesOn } from './case-access.js';
import { loadCaseOfficers } from './case-officers.js';
import { stateColumns } from './case-rows.js';
import { loadCaseCalendar } from './load-case-calendar.js';

/** Opens the case and returns it. */
export async function openCase(ctx: ServiceContext, request: TOpenCaseRequest): Promise<TCase> {
  const input = ZOpenCaseRequest.parse(request);
  const tree = await requireAllowed(ctx, 'cases.write', null);
  const actor = ctx.actor;
  const org = input.org
    ? requireOrgByCode(tree, input.org)
    : actor.kind === 'user'
      ? requireOrgById(tree, actor.orgId)
      : requireOrgByCode(tree, ctx.settings.homeOrgCode);
  await requireAllowed(ctx, 'cases.write', org.id, tree);
  if (actor.kind === 'user' && !caseRolesOn(ctx, org.id, tree).includes('officer')) {
    throw new DomainError(ERROR_CODES.forbidden, '新建案件须由本机构的执法人员办理。');
  }
  const version = await findVersion(ctx.db, org.id);
  if (!version) throw new DomainError(ERROR_CODES.notFound, `${org.name}尚未发布权责清单，不能办理案件。`);
  const itemRow = await findItem(ctx.db, version.id, input.itemNo);
  if (!itemRow) {
    throw new DomainError(ERROR_CODES.validation, `现行权责清单中没有第 ${input.itemNo} 项。`, {
      issues: [{ path: ['itemNo'], message: '没有该事项' }],
    });
  }
  const item = JSON.parse(itemRow.item_json) as TPowerItem;
  const template = bindTemplate(item);
  if (!template) {
    throw new DomainError(ERROR_CODES.validation, `“${item.name}”（${item.category}）暂无可运行的办理程序。`, {
      issues: [{ path: ['itemNo'], message: '该事项没有对应的办理程序' }],
    });
  }
  const calendar = await loadCaseCalendar(ctx);
  const now = ctx.clock();
  const today = calendar.localDateOf(now);
  const officers = await loadCaseOfficers(ctx.db, org.id, input.officerIds);
  const source = input.openedFrom ? await findCase(ctx.db, input.openedFrom) : undefined;
  if (input.openedFrom && source?.org_id !== org.id) {
    throw new DomainError(ERROR_CODES.validation, '来源案件不存在或不属于本机构。', {
      issues: [{ path: ['openedFrom'], message: '来源案件不存在' }],
    });
  }
  const parties: Party[] = input.parties;
  checkAssignment(input.officerIds, officers, parties, item, today);

  const id = await inTransaction(ctx, async (tx) => {
    const year = Number(today.slice(0, 4));
    const seq = await allocateCaseNumber(tx.db, org.id, template.numberKind, year);
    const number = formatCaseNumber(org.documentPrefix ?? org.name.slice(0, 2), template.numberKind, year, seq);
    const opened = openCaseState({
      id: tx.newId(),
      orgId: org.id,
      number,
      template,
      item: { no: item.no, name: item.name, category: item.category },
      listVersion: { id: version.id, no: Number(version.version_no) },
      parties,
      openingFacts: input.facts,
      officerIds: [...new Set(input.officerIds)],
      now,
      actorName: tx.actor.name,
      deadlines: calendar.deadlines,
    });
    if (!opened.ok) throw new DomainError(ERROR_CODES.validation, '立案信息填写不完整或有误，详见 errors。', { issues: opened.issues });
    const { state, event } = opened;
    await insertCase(tx.db, {
      id: state.id,
      org_id: org.id,
      case_no: number,
      number_kind: template.numberKind,
      number_year: year,
      number_seq: seq,
      template_id: template.id,
      item_no: item.no,
      item_name: item.name,
      list_version_id: version.id,
      opened_at: state.openedAt,
      ...stateColumns(state),
    });
    await appendCaseEvent(tx.db, {
      id: tx.newId(),
      case_id: state.id,
      org_id: org.id,
      type: event.type,
      at: state.openedAt,
      recorded_at: state.openedAt,
      actor_id: tx.actor.id,
      actor_name: tx.actor.name,
      payload_json: JSON.stringify(event),
      schema_version: CASE_SCHEMA_VERSION,
    });
    await recordAudit(tx, {
      orgId: org.id,
      action: 'case.opened',
      targetType: 'case',
      targetId: state.id,
      details: auditDetailsOf(event, state, state.openedAt),
    });
    if (source) {
      // the source case keeps its version (its officers may be mid-step); the link is read both ways
      await insertCaseLink(tx.db, {
        id: tx.newId(),
        org_id: org.id,
        from_case_id: state.id,
        to_case_id: source.id,
        created_at: state.openedAt,
        created_by: tx.actor.id,
      });
      const linked: CaseEvent = { type: 'case.linked', otherCaseId: source.id, otherNumber: source.case_no, relation: 'opened-from' };
      await appendCaseEvent(tx.db, {
        id: tx.newId(),
        case_id: state.id,
        org_id: org.id,
        type: linked.type,
        at: state.openedAt,
        recorded_at: state.openedAt,
        actor_id: tx.actor.id,
        actor_name: tx.actor.name,
        payload_json: JSON.stringify(linked),
        schema_version: CASE_SCHEMA_VERSION,
      });
      await recordAudit(tx, {
        orgId: org.id,
        action: 'case.linked',
        targetType: 'case',
        targetId: state.id,
        details: auditDetailsOf(linked, state, state.openedAt),
      });
    }
    return state;
  });
  return buildCaseView(ctx, id, tree, calendar);
}
