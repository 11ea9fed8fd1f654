/**
 * Takes an action on a case (办理一个环节): the engine checks the step, the role, the facts, the
 * time and the supervision rules; then the event, the new projection and the audit record commit in
 * one transaction — or nothing does. The case row is locked and written only if its version is the
 * one the caller saw (409 stale-version otherwise).
 */
import type { TCase, TTransitionRequest } from '../../contracts/cases.js';
import { ZTransitionRequest } from '../../contracts/cases.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import { advanceCase } from '../../domain/cases/advance-case.js';
import type { CaseState } from '../../domain/cases/case.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { templateById } from '../../domain/procedure/templates.js';
import type { RuleId } from '../../domain/procedure/types.js';
import { SUPERVISION_RULES } from '../../domain/supervision/rules.js';
import type { Db } from '../../store/database.js';
import { listEventActors } from '../../store/repositories/cases.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { buildCaseView, type LoadedForView, loadCaseItem } from './build-case-view.js';
import { caseRolesOn, withCaseReach } from './case-access.js';
import type { CaseCalendar } from './case-calendar.js';
import { loadCaseOfficers } from './case-officers.js';
import { commitCaseEvent, lockCaseForWrite } from './commit-case-event.js';
import { ruleViolated } from './refusal-error.js';

/** Night window of coercive execution (行政强制法第四十三条); 22:00–06:00 Asia/Shanghai. */
export const NIGHT_WINDOW = { startHour: 22, endHour: 6 };

const KNOWN_RULES = new Set<string>(SUPERVISION_RULES.map((r) => r.id));

/** The users who acted in the case's investigation and on-site steps (they may not review it). */
async function investigatorsOf(db: Db, state: CaseState): Promise<string[]> {
  const template = templateById(state.templateId);
  const investigative = new Set(template.steps.filter((s) => s.needsTwoOfficers).map((s) => s.id));
  const rows = await listEventActors(db, state.id);
  return rows
    .filter((r) => r.actor_id !== null && investigative.has((JSON.parse(r.payload_json) as { stepFrom?: string }).stepFrom ?? ''))
    .map((r) => r.actor_id as string);
}

/** Takes the action and returns the case as it now stands (the case page's view). */
export async function transitionCase(ctx: ServiceContext, caseId: string, request: TTransitionRequest): Promise<TCase> {
  const taken = await takeCaseAction(ctx, caseId, request);
  return buildCaseView(ctx, taken.state, taken.tree, taken.calendar, taken.loaded);
}

/** What a transition leaves: the new state and what was loaded for it (to present it without reading again). */
export interface TakenAction {
  state: CaseState;
  tree: OrgTree;
  calendar: CaseCalendar;
  loaded: LoadedForView;
}

/** The use case itself: checks, event, projection and audit record in one transaction. */
export async function takeCaseAction(ctx: ServiceContext, caseId: string, request: TTransitionRequest): Promise<TakenAction> {
  const input = ZTransitionRequest.parse(request);
  const tree = await requireAllowed(ctx, 'cases.write', null);
  const actor = ctx.actor;
  const override = input.override
    ? { reason: input.override.reason, rules: input.override.rules.filter((r): r is RuleId => KNOWN_RULES.has(r)) }
    : null;

  const { state, loaded, calendar } = await withCaseReach(ctx, () =>
    inTransaction(ctx, async (tx) => {
      const { current, calendar } = await lockCaseForWrite(tx, caseId, input.expectedVersion, { action: 'cases.write', tree });
      const template = templateById(current.templateId);
      // only a review asks who investigated (the independent-review rule)
      const isReview = template.steps.some((s) => s.id === current.step && s.actions.some((a) => a.id === input.action && a.isReview));
      const [item, officers, investigatorUserIds] = await Promise.all([
        loadCaseItem(tx, current),
        loadCaseOfficers(tx.db, current.orgId, current.officerIds, actor.kind === 'user' ? actor.id : null),
        isReview ? investigatorsOf(tx.db, current) : Promise.resolve([]),
      ]);
      const actorOfficer = actor.kind === 'user' ? [...officers.values()].find((o) => o.userId === actor.id) : undefined;
      const now = tx.clock();
      const result = advanceCase({
        template,
        state: current,
        item,
        actionId: input.action,
        facts: input.facts,
        at: input.at ? new Date(input.at) : now,
        now,
        actor: {
          userId: actor.id ?? 'system',
          name: actor.name,
          roles: actor.kind === 'system' ? ['officer', 'legal-reviewer', 'head'] : caseRolesOn(tx, current.orgId, tree),
          officerId: actorOfficer?.id ?? null,
        },
        officers: current.officerIds.flatMap((id) => {
          const officer = officers.get(id);
          return officer ? [officer] : [];
        }),
        calendar: calendar.supervision,
        deadlines: calendar.deadlines,
        localDateOf: calendar.localDateOf,
        localHourOf: calendar.localHourOf,
        nightWindow: NIGHT_WINDOW,
        investigatorUserIds,
        override,
        newId: tx.newId,
      });
      if (!result.ok) {
        switch (result.kind) {
          case 'invalid-transition':
            throw new DomainError(ERROR_CODES.invalidTransition, result.message, {
              issues: [{ path: ['action'], message: result.message }],
            });
          case 'forbidden':
            throw new DomainError(ERROR_CODES.forbidden, result.message);
          case 'validation':
            throw new DomainError(ERROR_CODES.validation, result.message, { issues: result.issues });
          case 'rule-violated':
            throw ruleViolated(result.refusals);
        }
      }
      const next = result.state;
      await commitCaseEvent(tx, current, next, result.event, result.event.at);
      return { state: next, loaded: { item, officers }, calendar };
    }),
  );
  return { state, tree, calendar, loaded };
}
