/**
 * Chinese labels of the legal-source registry's vocabularies, for the public pages. They repeat
 * the contract's tables (src/contracts/legal-sources.ts) typed by its enums, so that the public
 * bundle does not load zod for six words; the compiler keeps both complete.
 */
import type { TEditionStatus, TMappingConfidence } from '@contracts/legal-sources.js';
import type { TRegistryRevisionKind } from '@contracts/legal-sources-api.js';

/** 现行有效 / 已修订 / 已废止 / 未知. */
export const EDITION_STATUS_LABELS: Record<TEditionStatus, string> = {
  'in-force': '现行有效',
  superseded: '已修订',
  repealed: '已废止',
  unknown: '未知',
};

/** antd Tag colours of edition statuses. */
export const EDITION_STATUS_COLOURS: Record<TEditionStatus, string> = {
  'in-force': 'green',
  superseded: 'orange',
  repealed: 'red',
  unknown: 'default',
};

/** 已核对 / 推定. */
export const MAPPING_CONFIDENCE_LABELS: Record<TMappingConfidence, string> = {
  checked: '已核对',
  inferred: '推定',
};

/** antd Tag colours of mapping confidence. */
export const MAPPING_CONFIDENCE_COLOURS: Record<TMappingConfidence, string> = {
  checked: 'green',
  inferred: 'gold',
};

/** 初始数据 / 修改 / 导入. */
export const REVISION_KIND_LABELS: Record<TRegistryRevisionKind, string> = {
  seed: '初始数据',
  change: '修改',
  import: '导入',
};
