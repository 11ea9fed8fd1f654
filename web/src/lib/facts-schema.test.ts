import { describe, expect, it } from 'vitest';
import { type FactsSchema, factsFieldPath, initialFor, schemaAt, toWireFacts } from './facts-schema.js';

// The shape zod 4 writes for a step like 登记收缴载体 (register-carriers), trimmed.
const CARRIERS: FactsSchema = {
  type: 'object',
  properties: {
    carriers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        title: '载体',
        properties: { title: { type: 'string' }, quantity: { type: 'integer' }, shown: { type: 'boolean' } },
        required: ['title', 'quantity', 'shown'],
      },
    },
    inventoryIssuedOn: { type: 'string', format: 'date' },
    servedAt: { type: 'string', format: 'date-time' },
    note: { type: 'string', format: 'textarea' },
    missing: { type: 'array', items: { type: 'string' } },
    certificatesShown: { type: 'boolean' },
  },
  required: ['carriers', 'inventoryIssuedOn', 'servedAt', 'certificatesShown'],
};

describe('facts forms from JSON Schema', () => {
  it('starts with switches off, required dates today (Beijing) and the first row of a required list open', () => {
    // 2026-12-03 17:30 UTC is already 12-04 01:30 in Beijing.
    const initial = initialFor(CARRIERS, new Date('2026-12-03T17:30:00Z'));
    expect(initial).toEqual({
      carriers: [{ shown: false }],
      inventoryIssuedOn: '2026-12-04',
      servedAt: '2026-12-04T01:30',
      certificatesShown: false,
    });
  });

  it('sends date-times with seconds and the +08:00 offset, trims text and drops empty optional fields', () => {
    const wire = toWireFacts(CARRIERS, {
      carriers: [{ title: ' 某图纸 ', quantity: 2, shown: true }],
      inventoryIssuedOn: '2026-12-03',
      servedAt: '2026-12-03T09:05',
      note: '',
      missing: ['测评报告 ', ' '],
      certificatesShown: false,
    });
    expect(wire).toEqual({
      carriers: [{ title: '某图纸', quantity: 2, shown: true }],
      inventoryIssuedOn: '2026-12-03',
      servedAt: '2026-12-03T09:05:00+08:00',
      missing: ['测评报告'],
      certificatesShown: false,
    });
  });

  it('puts a server path under the field it names, or the nearest one the form has', () => {
    expect(factsFieldPath(CARRIERS, 'facts.carriers.0.quantity')).toEqual(['facts', 'carriers', 0, 'quantity']);
    expect(factsFieldPath(CARRIERS, 'body.facts.servedAt')).toEqual(['facts', 'servedAt']);
    // A list of words takes its entries' errors itself.
    expect(factsFieldPath(CARRIERS, 'facts.missing.1')).toEqual(['facts', 'missing']);
    expect(factsFieldPath(CARRIERS, 'facts.unknown')).toBeNull();
    expect(factsFieldPath(CARRIERS, 'parties.0.creditCode')).toBeNull();
    expect(schemaAt(CARRIERS, ['facts', 'carriers', 0, 'quantity'])?.type).toBe('integer');
  });
});
