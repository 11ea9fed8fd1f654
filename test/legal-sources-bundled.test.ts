/**
 * The bundled list read through the importer, checked against the seed registry: every citation the
 * registry has something to say about is pinned here, written out by reading the list and
 * data/legal-sources.json by hand — the current article where the registry maps it, "unknown" where
 * it does not. A change to the parser, the registry or the resolver that moves any of these shows
 * up as a diff of this table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TCitationNotice } from '../src/contracts/legal-sources.js';
import { addEdition, affectedCitations, parseRegistry } from '../src/domain/legal-sources/registry.js';
import { findStaleCitations, staleCitationNotices } from '../src/domain/legal-sources/stale-citations.js';
import { readPowerListTsv } from '../src/io/power-list-tsv.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const list = readPowerListTsv(fs.readFileSync(path.join(ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv')));
const registry = parseRegistry(fs.readFileSync(path.join(ROOT, 'data', 'legal-sources.json'), 'utf8'));
/** The day the registry's facts were checked. */
const AS_OF = '2026-11-26';

function article(ref: { article: number; paragraph?: number | null; item?: number | null }): string {
  return `${ref.article}${ref.paragraph == null ? '' : `(${ref.paragraph})`}${ref.item == null ? '' : `[${ref.item}]`}`;
}

/**
 * One line per notice: `item field[entry] kind source edition: cited → current mapped confidence`.
 * `同N` copies are marked; articles read 52(2) for 第五十二条第二款, 20[4] for 第二十条第（四）项.
 */
function row(notice: TCitationNotice): string {
  const at = `${notice.item} ${notice.field}[${notice.entry}]${notice.sameAs === null ? '' : ` 同${notice.sameAs}`}`;
  const cited = `${notice.cited.sourceId ?? notice.cited.title} ${notice.cited.registryEdition ?? notice.cited.edition ?? '(no edition)'}`;
  if (notice.kind !== 'stale') return `${at} ${notice.kind} ${cited}: ${notice.cited.articles.map(article).join(',')}`;
  const mappings = notice.articles.map(
    (a) => `${article(a.cited)} → ${a.mapped === null ? 'unknown' : `${a.mapped.map(article).join(',')} ${a.confidence}`}`,
  );
  return `${at} stale ${cited} → ${notice.current?.edition ?? 'none'}: ${mappings.join('; ')}`;
}

describe('stale citations of the bundled list (seed registry, as of 2026-11-26)', () => {
  const notices = staleCitationNotices(list.items, registry, AS_OF);

  it('reads all seven items', () => {
    expect(list.items.map((item) => item.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('pins every citation the registry flags, with the current article or unknown', () => {
    expect(notices.map(row)).toEqual([
      // 1 对非法获取、持有国家秘密载体的处罚
      '1 legalBases[0] stale baomi-fa 主席令第28号 → 主席令第20号: 45 → 52(2) checked',
      '1 legalBases[1] stale baomi-tiaoli 国务院令第646号 → 国务院令第786号: 36 → 62 checked',
      '1 dutyBases[0] stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 36 → 54 checked',
      '1 dutyBases[1] stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 37 → 42,43,55,56 checked',
      // 行政强制法 主席令第49号 (entries 0–3, 5) is in force: nothing to say.
      '1 accountabilityBases[4] edition-not-stated gongwuyuan-chufen-tiaoli (no edition): 20[4]',
      // 2 对利用互联网…发布涉及泄露国家秘密的信息的行政强制
      '2 legalBases[0] stale baomi-fa 主席令第28号 → 主席令第20号: 28 → 34 checked',
      '2 dutyBases[0] stale baomi-fa 主席令第28号 → 主席令第20号: 28 → 34 checked',
      // dutyBases[1] is cut off at 《中华人 — no title, left to the truncation lint.
      // 3 对保密检查中发现的泄密隐患的行政强制
      '3 legalBases[0] stale baomi-fa 主席令第28号 → 主席令第20号: 44 → 51,52(2) inferred',
      '3 dutyBases[0] stale baomi-fa 主席令第28号 → 主席令第20号: 44 → 51,52(2) inferred',
      // 4 对保密工作的监督检查
      '4 legalBases[0] stale baomi-fa 主席令第28号 → 主席令第20号: 42 → 49 checked; 44 → 51,52(2) inferred',
      '4 legalBases[1] stale baomi-tiaoli 国务院令第646号 → 国务院令第786号: 32 → 58 checked',
      '4 dutyBases[0] status-unknown baomi-jiancha-guiding 国保发〔2013〕14号: 17',
      '4 dutyBases[1] status-unknown baomi-jiancha-guiding 国保发〔2013〕14号: 18',
      '4 accountabilityBases[0] stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '4 accountabilityBases[1] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '4 accountabilityBases[2] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '4 accountabilityBases[3] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '4 accountabilityBases[4] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      // 5 对泄密案件的调查处理
      '5 legalBases[0] stale baomi-tiaoli 国务院令第646号 → 国务院令第786号: 35 → 60 checked',
      '5 dutyBases[0] stale baomi-tiaoli 国务院令第646号 → 国务院令第786号: 35 → 60 checked',
      '5 dutyBases[1] 同1 stale baomi-tiaoli 国务院令第646号 → 国务院令第786号: 35 → 60 checked',
      '5 accountabilityBases[0] stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '5 accountabilityBases[1] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '5 accountabilityBases[2] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '5 accountabilityBases[3] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      '5 accountabilityBases[4] 同1 stale xingzheng-chufa-fa 主席令第63号 → 2021年修订: 55 → 76 checked',
      // 6 对政府拟公开信息的保密确定
      '6 legalBases[0] stale xinxi-gongkai-tiaoli 国务院令第492号 → 国务院令第711号: 14(3) → 17(3) inferred',
      '6 dutyBases[0] stale xinxi-gongkai-tiaoli 国务院令第492号 → 国务院令第711号: 14(3) → 17(3) inferred',
      '6 dutyBases[1] 同1 stale xinxi-gongkai-tiaoli 国务院令第492号 → 国务院令第711号: 14(3) → 17(3) inferred',
      '6 accountabilityBases[0] status-unknown gongwuyuan-chufen-tiaoli 国务院令第495号: 20[4]',
      '6 accountabilityBases[1] status-unknown gongwuyuan-chufen-tiaoli 国务院令第495号: 23',
      // 7 涉密信息系统投入使用前的保密审查 (23 is mapped as a whole article: 第二十三条第三款 → 第三十条)
      '7 legalBases[0] stale baomi-fa 主席令第28号 → 主席令第20号: 23(3) → 30 checked',
      '7 legalBases[1] stale baomi-tiaoli 国务院令第646号 → 国务院令第786号: 24 → 33 checked',
      '7 dutyBases[0] status-unknown shemi-xitong-shenpi-guiding 国保发〔2007〕18号: 14',
      '7 dutyBases[1] status-unknown shemi-xitong-shenpi-guiding 国保发〔2007〕18号: 15',
      '7 accountabilityBases[0] edition-not-stated shemi-xitong-shenpi-guiding (no edition): 26',
      '7 accountabilityBases[1] 同1 edition-not-stated shemi-xitong-shenpi-guiding (no edition): 26',
      '7 accountabilityBases[2] 同1 edition-not-stated shemi-xitong-shenpi-guiding (no edition): 26',
      '7 accountabilityBases[3] 同1 edition-not-stated shemi-xitong-shenpi-guiding (no edition): 26',
    ]);
  });

  it('carries the notes and the current editions of the registry into the notices', () => {
    const penalty = notices.find((n) => n.item === 1 && n.field === 'dutyBases' && n.entry === 0);
    expect(penalty?.articles[0]?.notes).toEqual(['新增“及时立案”义务']);
    expect(penalty?.current).toEqual({
      edition: '2021年修订',
      adopted: '2021-01-22',
      effective: '2021-07-15',
      isEffective: true,
      note: '主席令第70号这一令号尚未与官方数据库核对',
    });
    expect(penalty?.cited.note).toBe('2009年（主席令第18号）和2017年两次修正');
    const sanctions = notices.find((n) => n.item === 6 && n.kind === 'status-unknown');
    expect(sanctions?.cited.note).toContain('政务处分法');
  });

  it('reports one finding per original citation and cited article, none for 同N copies', () => {
    const findings = findStaleCitations(list.items, registry, AS_OF);
    expect(findings.map((f) => `${f.rule} ${f.item} ${f.field}[${f.entry}]`)).toEqual([
      'stale-citation 1 legalBases[0]',
      'stale-citation 1 legalBases[1]',
      'stale-citation 1 dutyBases[0]',
      'stale-citation 1 dutyBases[1]',
      'unresolved-citation 1 accountabilityBases[4]',
      'stale-citation 2 legalBases[0]',
      'stale-citation 2 dutyBases[0]',
      'stale-citation 3 legalBases[0]',
      'stale-citation 3 dutyBases[0]',
      'stale-citation 4 legalBases[0]',
      'stale-citation 4 legalBases[0]',
      'stale-citation 4 legalBases[1]',
      'citation-status-unknown 4 dutyBases[0]',
      'citation-status-unknown 4 dutyBases[1]',
      'stale-citation 4 accountabilityBases[0]',
      'stale-citation 5 legalBases[0]',
      'stale-citation 5 dutyBases[0]',
      'stale-citation 5 accountabilityBases[0]',
      'stale-citation 6 legalBases[0]',
      'stale-citation 6 dutyBases[0]',
      'citation-status-unknown 6 accountabilityBases[0]',
      'citation-status-unknown 6 accountabilityBases[1]',
      'stale-citation 7 legalBases[0]',
      'stale-citation 7 legalBases[1]',
      'citation-status-unknown 7 dutyBases[0]',
      'citation-status-unknown 7 dutyBases[1]',
      'unresolved-citation 7 accountabilityBases[0]',
    ]);
    expect(findings.filter((f) => f.rule === 'stale-citation').every((f) => f.severity === 'warning')).toBe(true);
    expect(findings.filter((f) => f.rule !== 'stale-citation').every((f) => f.severity === 'info')).toBe(true);
  });

  it('words the findings of item 1 as the item page shows them', () => {
    const item1 = findStaleCitations(list.items, registry, AS_OF).filter((f) => f.item === 1);
    expect(item1.map((f) => f.message)).toEqual([
      '引用《中华人民共和国保守国家秘密法》（2010年版，主席令第28号）第四十五条，该版本已被修订；现行版本（主席令第20号，2024-05-01施行）对应第五十二条第二款（已核对）。',
      '引用《中华人民共和国保守国家秘密法实施条例》（2014年版，国务院令第646号）第三十六条，该版本已被修订；现行版本（国务院令第786号，2024-09-01施行）对应第六十二条（已核对）。',
      '引用《中华人民共和国行政处罚法》（1996年版，主席令第63号）第三十六条，该版本已被修订；现行版本（2021年修订，2021-07-15施行）对应第五十四条（已核对）。法律依据库备注：新增“及时立案”义务；主席令第70号这一令号尚未与官方数据库核对',
      '引用《中华人民共和国行政处罚法》（1996年版，主席令第63号）第三十七条，该版本已被修订；现行版本（2021年修订，2021-07-15施行）对应第四十二条、第四十三条、第五十五条、第五十六条（已核对）。法律依据库备注：原条文已拆分：执法人员不少于两人（第四十二条）、回避（第四十三条）、出示证件与制作笔录（第五十五条）、抽样取证与先行登记保存（第五十六条）；主席令第70号这一令号尚未与官方数据库核对',
      '引用《行政机关公务员处分条例》第二十条第（四）项未注明版本，无法判断所引是否为现行版本，请人工核对。',
    ]);
    expect(item1[0]?.messageEn).toBe(
      'Cites 《中华人民共和国保守国家秘密法》 (2010 edition, 主席令第28号) art. 45, an edition since revised; the current edition (主席令第20号, in force since 2024-05-01) has it as art. 52(2) (checked).',
    );
    const inferred = findStaleCitations(list.items, registry, AS_OF).find((f) => f.item === 3);
    expect(inferred?.message).toContain('对应第五十一条、第五十二条第二款（推定）');
  });
});

describe('a new edition in the registry', () => {
  const change = {
    sourceId: 'xingzheng-qiangzhi-fa',
    edition: { edition: '主席令第99号', adopted: '2026-10-01', effective: '2026-11-01', status: 'in-force' as const },
    supersedes: ['主席令第49号'],
  };

  it('immediately flags the items citing the edition it supersedes, with the article unknown', () => {
    const coercionLaw = (findings: ReturnType<typeof findStaleCitations>) => findings.filter((f) => f.message.includes('行政强制法'));
    expect(coercionLaw(findStaleCitations(list.items, registry, AS_OF))).toEqual([]);

    const next = addEdition(registry, change);
    const flagged = coercionLaw(findStaleCitations(list.items, next, AS_OF));
    // 行政强制法 is cited by items 1–3 (accountabilityBases); 同1 copies get no finding of their own.
    expect(flagged.map((f) => `${f.rule} ${f.item} ${f.field}[${f.entry}]`)).toEqual([
      'stale-citation 1 accountabilityBases[0]',
      'stale-citation 1 accountabilityBases[1]',
      'stale-citation 1 accountabilityBases[3]',
      'stale-citation 2 accountabilityBases[0]',
      'stale-citation 3 accountabilityBases[0]',
    ]);
    expect(flagged[0]?.message).toBe(
      '引用《中华人民共和国行政强制法》（2011年版，主席令第49号）第六十一条，该版本已被修订；现行版本（主席令第99号，2026-11-01施行）对应条款未知，请人工核对。',
    );
    // The other sources are untouched by the change.
    expect(findStaleCitations(list.items, next, AS_OF).length - flagged.length).toBe(
      findStaleCitations(list.items, registry, AS_OF).length,
    );
  });

  it('lists the affected citations before the change is applied', () => {
    expect(
      affectedCitations(list.items, { kind: 'add-edition', ...change }, registry).map(
        (c) => `${c.item} ${c.field}[${c.entry}]${c.sameAs ? ` 同${c.sameAs}` : ''}`,
      ),
    ).toEqual([
      '1 accountabilityBases[0]',
      '1 accountabilityBases[1]',
      '1 accountabilityBases[2] 同1',
      '1 accountabilityBases[3]',
      '1 accountabilityBases[5] 同1',
      '2 accountabilityBases[0]',
      '3 accountabilityBases[0]',
    ]);
  });
});
