/**
 * Queries compiled once. Kysely builds an immutable operation tree and compiles it to SQL on every
 * call; for the statements a case transition or an authenticated request runs every time, that
 * costs more than SQLite running them. A query whose SQL does not depend on its values is built
 * once per dialect with placeholder values; each later run only puts the values in their places.
 *
 * Use it only for queries of a fixed shape: no optional clauses, no `in` lists, no value that
 * Kysely would leave out (undefined) or turn into SQL of its own.
 */
import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import { type Db, type DialectName, dialectOf } from './database.js';

/** Where a compiled query takes each parameter from: a named value, or a constant of the builder. */
type Slot = { name: string } | { constant: unknown };

interface Prepared {
  compiled: CompiledQuery;
  slots: Slot[];
}

const SENTINEL = '\u0000quanze-parameter:';

/** Builds the query with `param(name)` standing for the value of that name (typed as the value). */
type Builder<Values, Row> = (db: Db, param: <K extends keyof Values & string>(name: K) => Values[K]) => Compilable<Row>;

/** The query compiled per dialect on first use, with where each parameter comes from. */
function compileOnce<Values, Row>(build: Builder<Values, Row>): (db: Db) => Prepared {
  const byDialect = new Map<DialectName, Prepared>();
  return (db) => {
    const dialect = dialectOf(db);
    let prepared = byDialect.get(dialect);
    if (!prepared) {
      const placeholder = <K extends keyof Values & string>(name: K) => `${SENTINEL}${name}` as Values[K];
      const compiled = build(db, placeholder).compile();
      const slots = compiled.parameters.map(
        (value): Slot =>
          typeof value === 'string' && value.startsWith(SENTINEL) ? { name: value.slice(SENTINEL.length) } : { constant: value },
      );
      prepared = { compiled, slots };
      byDialect.set(dialect, prepared);
    }
    return prepared;
  };
}

/**
 * A query built by `build` with `param(name)` in place of each value, compiled on first use per
 * dialect. The returned function runs it with the values by name and resolves with its rows.
 */
export function preparedQuery<Values extends object, Row>(build: Builder<Values, Row>): (db: Db, values: Values) => Promise<Row[]> {
  const prepare = compileOnce(build);
  return async (db, values) => (await db.executeQuery<Row>(withValues(prepare(db), values))).rows;
}

/** Like `preparedQuery`, for a statement that writes: resolves with the number of rows it changed. */
export function preparedWrite<Values extends object>(build: Builder<Values, unknown>): (db: Db, values: Values) => Promise<number> {
  const prepare = compileOnce(build);
  return async (db, values) => Number((await db.executeQuery(withValues(prepare(db), values))).numAffectedRows ?? 0n);
}

/** @throws Error when a named parameter has no value (a typo would otherwise bind NULL) */
function withValues(prepared: Prepared, values: object): CompiledQuery {
  const parameters = prepared.slots.map((slot) => {
    if ('constant' in slot) return slot.constant;
    if (!(slot.name in values)) throw new Error(`prepared query: no value for parameter ${slot.name}`);
    return (values as Record<string, unknown>)[slot.name] ?? null;
  });
  return { ...prepared.compiled, queryId: createQueryId(), parameters };
}
