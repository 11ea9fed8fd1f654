import type { TOrganisation } from '@contracts/organisations.js';
import { describe, expect, it } from 'vitest';
import { orgChoices } from './org-tree.js';

const org = (code: string, name: string, parentCode: string | null): TOrganisation => ({
  id: code,
  code,
  name,
  parentCode,
  documentPrefix: null,
});

describe('orgChoices', () => {
  it('lists parents before their children with depths', () => {
    const choices = orgChoices([
      org('gx', '广西壮族自治区国家保密局', null),
      org('lz', '柳州市国家保密局', 'gx'),
      org('nn', '南宁市国家保密局', 'gx'),
      org('lj', '柳江区国家保密局', 'lz'),
    ]);
    expect(choices.map((c) => `${c.depth}:${c.code}`)).toEqual(['0:gx', '1:lz', '2:lj', '1:nn']);
  });

  it('treats an organisation whose parent is not listed as a root', () => {
    expect(orgChoices([org('lz', '柳州', 'gx'), org('lj', '柳江', 'lz')]).map((c) => c.depth)).toEqual([0, 1]);
  });
});
