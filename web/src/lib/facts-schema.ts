/**
 * The facts forms' reading of a step's JSON Schema (draft 2020-12, as zod 4 writes it): starting
 * values, the form's values as the API wants them, and which form field a server path names. Pure;
 * the form itself is web/src/components/cases/facts-form.tsx.
 */
import { beijingToday } from './beijing-time.js';

/** The part of JSON Schema (draft 2020-12, as zod 4 writes it) the forms use. */
export interface FactsSchema {
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  properties?: Record<string, FactsSchema>;
  required?: string[];
  items?: FactsSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** The schema as the form reads it (the API types it as a plain record). */
export function asFactsSchema(schema: Record<string, unknown>): FactsSchema {
  return schema as FactsSchema;
}

/** A form field's name path (`['facts', 'carriers', 0, 'quantity']`). */
export type NamePath = (string | number)[];

/** Whether a schema has no fields at all (the action needs no facts). */
export function hasNoFields(schema: FactsSchema): boolean {
  return Object.keys(schema.properties ?? {}).length === 0;
}

/** Now in Beijing wall-clock time to the minute (`YYYY-MM-DDTHH:mm`). */
function beijingNowMinute(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * Starting values: switches off (a required yes/no is answered "否" unless turned on), required
 * dates today, a required list of records with its first row open.
 */
export function initialFor(schema: FactsSchema, now: Date = new Date()): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    if (fieldSchema.type === 'boolean') values[field] = false;
    else if (required.has(field) && fieldSchema.format === 'date') values[field] = beijingToday(now);
    else if (required.has(field) && fieldSchema.format === 'date-time') values[field] = beijingNowMinute(now);
    else if (fieldSchema.type === 'array' && fieldSchema.items?.type === 'object' && (fieldSchema.minItems ?? 0) > 0)
      values[field] = [initialFor(fieldSchema.items, now)];
  }
  return values;
}

/**
 * The form's values as the API wants them: date-times with the +08:00 offset and seconds, empty
 * optional text left out, records of lists converted the same way.
 */
export function toWireFacts(schema: FactsSchema, values: Record<string, unknown> | undefined): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    const value = values?.[field];
    if (value === undefined || value === null || value === '') continue;
    if (fieldSchema.format === 'date-time' && typeof value === 'string') {
      facts[field] = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value;
    } else if (fieldSchema.type === 'array' && fieldSchema.items?.type === 'object' && Array.isArray(value)) {
      facts[field] = value.map((row) => toWireFacts(fieldSchema.items ?? {}, row as Record<string, unknown>));
    } else if (fieldSchema.type === 'array' && Array.isArray(value)) {
      facts[field] = value.map((entry) => (typeof entry === 'string' ? entry.trim() : entry)).filter((entry) => entry !== '');
    } else if (fieldSchema.type === 'object' && typeof value === 'object') {
      facts[field] = toWireFacts(fieldSchema, value as Record<string, unknown>);
    } else {
      facts[field] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return facts;
}

/**
 * The form field a server path names (`facts.carriers.0.quantity` → ['facts', 'carriers', 0,
 * 'quantity']): the deepest field of the schema on that path, or null when the path names none.
 */
export function factsFieldPath(schema: FactsSchema, path: string): NamePath | null {
  const parts = path.replace(/^body\./, '').split('.');
  if (parts[0] !== 'facts') return null;
  let current: FactsSchema | undefined = schema;
  const name: NamePath = ['facts'];
  let best: NamePath | null = null;
  for (let index = 1; index < parts.length && current; index += 1) {
    const part = parts[index] ?? '';
    if (current.type === 'array') {
      if (!/^\d+$/.test(part) || current.items?.type !== 'object') break;
      name.push(Number(part));
      current = current.items;
      continue;
    }
    const next: FactsSchema | undefined = current.properties?.[part];
    if (!next) break;
    name.push(part);
    current = next;
    // A list of words takes its entries' errors on the list itself; a list of records on the row's field.
    best = [...name];
  }
  return best;
}

/** The schema of the field at `name` (a path starting with 'facts'), null when there is none. */
export function schemaAt(schema: FactsSchema, name: NamePath): FactsSchema | null {
  let current: FactsSchema | undefined = schema;
  for (const part of name.slice(1)) {
    if (!current) return null;
    current = typeof part === 'number' ? current.items : current.properties?.[part];
  }
  return current ?? null;
}
