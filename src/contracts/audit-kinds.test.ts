import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from './audit.js';
import { isChangeAction } from './audit-kinds.js';

describe('isChangeAction', () => {
  it('counts grants, imports and account changes as changes', () => {
    for (const action of [
      'role.grant',
      'powerlist.import',
      'user.create',
      'user.totp-reset',
      'legal-registry.change',
      'admin-invitation.accept',
    ]) {
      expect(isChangeAction(action), action).toBe(true);
    }
  });

  it('leaves out sign-ins, reads, lists and the auditor’s own searches', () => {
    for (const action of [
      'session.login',
      'access.denied',
      'user.list',
      'officer.read',
      'audit.search',
      'audit.verify',
      'officer.candidate-list',
    ]) {
      expect(isChangeAction(action), action).toBe(false);
    }
  });

  it('sorts every labelled action one way or the other, with more changes than reads', () => {
    const changes = Object.keys(AUDIT_ACTION_LABELS).filter(isChangeAction);
    expect(changes.length).toBeGreaterThan(15);
  });
});
