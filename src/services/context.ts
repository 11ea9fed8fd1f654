/**
 * What every use case receives: the database (or the transaction it runs in), a clock, an id
 * generator and the actor on whose behalf it runs. Services never read globals for these.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../store/database.js';

/** Who is acting. Anonymous is the public portal; system is start-up seeding and the CLI. */
export interface Actor {
  kind: 'anonymous' | 'system' | 'user';
  id: string | null;
  name: string;
}

export interface ServiceContext {
  db: Db;
  clock: () => Date;
  newId: () => string;
  actor: Actor;
}

export const ANONYMOUS: Actor = { kind: 'anonymous', id: null, name: '公众' };
export const SYSTEM: Actor = { kind: 'system', id: null, name: '系统' };

/** A context with the real clock and time-ordered UUIDs (v7). */
export function createContext(db: Db, actor: Actor = ANONYMOUS): ServiceContext {
  return { db, clock: () => new Date(), newId: () => uuidv7(), actor };
}
