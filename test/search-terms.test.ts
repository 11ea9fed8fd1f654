/**
 * The public search finds what people type, on every dialect: "网络泄密" and "网络 泄密" find item 2
 * first (terms matched separately, ranked by how many match), and a search that finds nothing
 * suggests close item names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSearchResponse } from '../src/contracts/api.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe.each(dialectsUnderTest())('search by terms on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
  });
  afterAll(() => server?.close());

  const search = async (q: string) => {
    const response = await server.app.inject({ method: 'GET', url: `/api/v1/powerlists/items?q=${encodeURIComponent(q)}` });
    expect(response.statusCode).toBe(200);
    return ZSearchResponse.parse(response.json());
  };

  it.each(['网络泄密', '网络 泄密'])('finds item 2 first for “%s”', async (q) => {
    const result = await search(q);
    expect(result.items[0]?.no).toBe(2);
    expect(result.items[0]?.matchedTerms).toEqual(expect.arrayContaining(['网络', '泄密']));
    expect(result.suggestions).toEqual([]);
  });

  it('ranks items with more matching terms higher', async () => {
    const result = await search('网络 泄密');
    const counts = result.items.map((hit) => hit.matchedTerms?.length ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(result.items.length).toBeGreaterThan(1);
  });

  it('suggests item names when nothing matches', async () => {
    const result = await search('泄密案子处置');
    expect(result.total).toBe(0);
    expect(result.suggestions?.[0]).toBe('对泄密案件的调查处理');
  });
});
