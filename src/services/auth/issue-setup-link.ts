/**
 * First start (首次启动): while no account exists, a one-time setup link is made and printed to the
 * console — there is never a default password. Each start makes a new link and retires the older
 * ones; a link works once and for 24 hours.
 */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { insertSetupToken, retireSetupTokens } from '../../store/repositories/setup-tokens.repository.js';
import { countUsers } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { hashToken, newSessionToken } from './session-tokens.js';

/** How long a setup link stays usable. */
export const SETUP_LINK_HOURS = 24;

export interface SetupLink {
  /** `${baseUrl}/setup#token=…`: the token sits in the fragment, which browsers never send to a server or a proxy log */
  url: string;
  expiresAt: string;
}

/** A new setup link when the installation has no account yet; null otherwise. Only the system may ask. */
export async function issueSetupLink(ctx: ServiceContext, baseUrl: string): Promise<SetupLink | null> {
  if (ctx.actor.kind !== 'system') throw new DomainError(ERROR_CODES.forbidden, '只有系统启动过程可以生成初始化链接。');
  if ((await countUsers(ctx.db)) > 0) return null;
  const token = newSessionToken();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000).toISOString();
    await retireSetupTokens(tx.db, now.toISOString());
    const id = tx.newId();
    await insertSetupToken(tx.db, {
      id,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    });
    const home = requireOrgByCode(await loadOrgTree(tx.db), tx.settings.homeOrgCode);
    await recordAudit(tx, { orgId: home.id, action: 'setup.link-issued', targetType: 'setup-token', targetId: id, details: { expiresAt } });
    return { url: `${baseUrl.replace(/\/$/, '')}/setup#token=${token}`, expiresAt };
  });
}
