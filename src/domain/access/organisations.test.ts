import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  ancestorIds,
  ancestorsOf,
  buildOrgTree,
  findOrgByCode,
  isInSubtree,
  type Organisation,
  SEED_ORGANISATIONS,
  subtreeIds,
} from './organisations.js';

function org(id: string, parentId: string | null, code = id): Organisation {
  return { id, parentId, code, name: `${code}局`, documentPrefix: null };
}

/** gx → lz → lj, gx → gl (桂林) — the seed plus a sibling city. */
function sampleTree() {
  return buildOrgTree([org('gx', null), org('lz', 'gx'), org('lj', 'lz'), org('gl', 'gx')]);
}

describe('seed organisations', () => {
  it('has the regional bureau above Liuzhou above a district, with the 柳保 prefix', () => {
    const tree = buildOrgTree(
      SEED_ORGANISATIONS.map((s) => ({ id: s.code, parentId: s.parentCode, code: s.code, name: s.name, documentPrefix: s.documentPrefix })),
    );
    expect(findOrgByCode('gx', tree)?.name).toBe('广西壮族自治区国家保密局');
    expect(findOrgByCode('lz', tree)).toMatchObject({ name: '柳州市国家保密局', documentPrefix: '柳保', parentId: 'gx' });
    expect(ancestorIds('lj', tree)).toEqual(['lz', 'gx']);
  });
});

describe('org tree', () => {
  it('lists ancestors nearest first', () => {
    const tree = sampleTree();
    expect(ancestorIds('lj', tree)).toEqual(['lz', 'gx']);
    expect(ancestorIds('gx', tree)).toEqual([]);
    expect(ancestorsOf('lj', tree).map((o) => o.code)).toEqual(['lz', 'gx']);
  });

  it('decides subtree membership, including the root itself', () => {
    const tree = sampleTree();
    expect(isInSubtree('lj', 'gx', tree)).toBe(true);
    expect(isInSubtree('lj', 'lz', tree)).toBe(true);
    expect(isInSubtree('lz', 'lz', tree)).toBe(true);
    expect(isInSubtree('gx', 'lz', tree)).toBe(false);
    expect(isInSubtree('gl', 'lz', tree)).toBe(false);
    expect(isInSubtree('unknown', 'gx', tree)).toBe(false);
    expect(isInSubtree('lz', 'unknown', tree)).toBe(false);
  });

  it('lists a subtree parents first', () => {
    const tree = sampleTree();
    expect(subtreeIds('gx', tree)).toEqual(['gx', 'lz', 'gl', 'lj']);
    expect(subtreeIds('lz', tree)).toEqual(['lz', 'lj']);
  });

  it('refuses cycles, missing parents and duplicate codes', () => {
    expect(() => buildOrgTree([org('a', 'b'), org('b', 'a')])).toThrow(/循环/);
    expect(() => buildOrgTree([org('a', 'ghost')])).toThrow(/上级机构不存在/);
    expect(() => buildOrgTree([org('a', null, 'x'), org('b', null, 'x')])).toThrow(/代码重复/);
    try {
      buildOrgTree([org('a', 'a')]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('validation');
    }
  });

  it('reports an unknown organisation as not found', () => {
    expect(() => ancestorIds('nowhere', sampleTree())).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
