/**
 * What every use case receives: the database (or the transaction it runs in), a clock, an id
 * generator, the actor on whose behalf it runs, where the request came from (for the audit log)
 * and the installation's settings. Services never read globals for these.
 */
import { v7 as uuidv7 } from 'uuid';
import type { RoleGrant } from '../domain/access/roles.js';
import type { AuditHashAlgorithm } from '../store/audit/audit-hash.js';
import type { Db } from '../store/database.js';
import type { SessionTimeouts } from './auth/session-tokens.js';

/** The public, not signed in. */
export interface AnonymousActor {
  kind: 'anonymous';
  id: null;
  name: string;
}

/** The installation itself: start-up seeding and the command line (whoever holds the server's shell). */
export interface SystemActor {
  kind: 'system';
  id: null;
  name: string;
}

/** A signed-in account, with the role grants it holds at the time of the request. */
export interface UserActor {
  kind: 'user';
  id: string;
  /** the display name, recorded in the audit log */
  name: string;
  username: string;
  /** the account's own organisation */
  orgId: string;
  grants: readonly RoleGrant[];
  /** the session the request came with; null when acting outside a session */
  sessionId: string | null;
  /** the password was set by an administrator: until the owner changes it, only their own account may be managed */
  mustChangePassword?: boolean;
}

/** Who is acting. Anonymous is the public portal; system is start-up seeding and the CLI. */
export type Actor = AnonymousActor | SystemActor | UserActor;

/** Where a request came from, for the audit log. */
export interface RequestInfo {
  requestId: string | null;
  sourceIp: string | null;
  userAgent: string | null;
}

/** Installation-wide settings the use cases need. */
export interface ServiceSettings {
  /** the organisation this installation serves (QUANZE_ORG_CODE); its chain records events of no other organisation */
  homeOrgCode: string;
  /** the hash of new audit records */
  auditHash: AuditHashAlgorithm;
  sessionTimeouts: SessionTimeouts;
}

export interface ServiceContext {
  db: Db;
  clock: () => Date;
  newId: () => string;
  actor: Actor;
  request: RequestInfo;
  settings: ServiceSettings;
}

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous', id: null, name: '公众' };
export const SYSTEM: SystemActor = { kind: 'system', id: null, name: '系统' };

/** Sessions end after 30 minutes without a request and 12 hours after sign-in. */
export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = { idleMinutes: 30, absoluteHours: 12 };

export const DEFAULT_SETTINGS: ServiceSettings = { homeOrgCode: 'lz', auditHash: 'sm3', sessionTimeouts: DEFAULT_SESSION_TIMEOUTS };

const NO_REQUEST: RequestInfo = { requestId: null, sourceIp: null, userAgent: null };

export interface CreateContextOptions {
  clock?: () => Date;
  newId?: () => string;
  request?: RequestInfo;
  settings?: Partial<ServiceSettings>;
}

/** A context with the real clock and time-ordered UUIDs (v7) unless others are given. */
export function createContext(db: Db, actor: Actor = ANONYMOUS, options: CreateContextOptions = {}): ServiceContext {
  return {
    db,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? (() => uuidv7()),
    actor,
    request: options.request ?? NO_REQUEST,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  };
}

/** The same context acting for another actor. */
export function withActor(ctx: ServiceContext, actor: Actor): ServiceContext {
  return { ...ctx, actor };
}
