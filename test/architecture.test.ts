/**
 * The dependency direction of ARCHITECTURE.md, enforced: domain is pure, http/cli never touch the
 * store, web/ sees only the contracts. A new import that breaks a rule fails here with its file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';

function sourceFiles(dir: string): string[] {
  const root = path.join(PROJECT_ROOT, dir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

/** The project folder an import lands in, relative to the root (`src/store`, `web`), or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const resolved = path.relative(PROJECT_ROOT, path.resolve(path.dirname(file), spec));
  return resolved
    .split(path.sep)
    .slice(0, resolved.startsWith('src') ? 2 : 1)
    .join('/');
}

function violations(dir: string, allowed: (t: string) => boolean, options: { includeTests?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(dir)) {
    // Tests of pure code may read fixture files; the rule is about the code itself.
    if (!options.includeTests && file.endsWith('.test.ts')) continue;
    for (const spec of importsOf(file)) {
      const t = target(file, spec);
      if (!allowed(t)) out.push(`${path.relative(PROJECT_ROOT, file)} imports ${spec}`);
    }
  }
  return out;
}

describe('dependency direction', () => {
  it('domain imports only domain, contracts and zod — no I/O', () => {
    expect(
      violations('src/domain', (t) => t === 'src/domain' || t === 'src/contracts' || t === 'zod' || t === 'vitest' || t === 'fast-check'),
    ).toEqual([]);
  });

  it('contracts import only contracts and zod', () => {
    expect(violations('src/contracts', (t) => t === 'src/contracts' || t === 'zod' || t === 'vitest')).toEqual([]);
  });

  it('http and cli never import the store', () => {
    expect([...violations('src/http', (t) => t !== 'src/store'), ...violations('src/cli', (t) => t !== 'src/store')]).toEqual([]);
  });

  it('the store knows nothing of http, cli or services', () => {
    expect(violations('src/store', (t) => !['src/http', 'src/cli', 'src/services'].includes(t))).toEqual([]);
  });

  it('web imports only the contracts of the server', () => {
    expect(violations('web/src', (t) => !t.startsWith('src/') || t === 'src/contracts')).toEqual([]);
  });
});

describe('the case engine', () => {
  it('lives where a newcomer looks for it', () => {
    for (const dir of ['src/domain/cases', 'src/domain/procedure', 'src/domain/supervision', 'src/domain/calendar', 'src/services/cases']) {
      expect(sourceFiles(dir).length, dir).toBeGreaterThan(0);
    }
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'src/contracts/cases.ts'))).toBe(true);
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'src/store/repositories/cases.repository.ts'))).toBe(true);
  });

  it('reads no clock and draws no randomness in the domain: time and ids are parameters', () => {
    const offenders = sourceFiles('src/domain')
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => /Date\.now\(|new Date\(\)|Math\.random\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(PROJECT_ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('changes cases only through the repository that locks them: no service writes the cases table itself', () => {
    const offenders = sourceFiles('src/services')
      .filter((file) => /updateTable\(\s*'cases'|insertInto\(\s*'cases'|insertInto\(\s*'case_events'/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(PROJECT_ROOT, file));
    expect(offenders).toEqual([]);
  });
});
