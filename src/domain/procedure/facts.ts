/**
 * Building blocks of the facts a step records. Each field carries a Chinese title (zod `.meta`),
 * which the JSON Schema of the procedures API passes on, so the web form labels itself from the same
 * source that validates the request.
 *
 * Conventions the web form relies on:
 * - a field named `basisIndex` is the index of one of the item's 实施依据 (legal bases);
 * - `YYYY-MM-DD` strings are dates, ISO-8601 instants are date-times (JSON Schema `format`).
 *
 * The case records metadata only — never the content of a state secret (DOMAIN.md §6).
 */
import { z } from 'zod';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A local date, `YYYY-MM-DD`. */
export const fDate = (title: string) =>
  z
    .string({ error: `请填写${title}` })
    .regex(DATE_RE, `${title}应为 YYYY-MM-DD 格式`)
    .meta({ title, format: 'date' });

/** An instant, ISO 8601 with offset. */
export const fInstant = (title: string) =>
  z.iso.datetime({ offset: true, error: `${title}应为日期时间，例如 2026-12-03T09:30:00+08:00` }).meta({ title, format: 'date-time' });

/** A line of text. */
export const fText = (title: string, options: { min?: number; max?: number } = {}) =>
  z
    .string({ error: `请填写${title}` })
    .trim()
    .min(options.min ?? 1, `请填写${title}`)
    .max(options.max ?? 500, `${title}不能超过 ${options.max ?? 500} 个字`)
    .meta({ title });

/** A paragraph (reasons, summaries): at least a few characters, at most 5,000. */
export const fParagraph = (title: string, min = 4) =>
  z
    .string({ error: `请填写${title}` })
    .trim()
    .min(min, `${title}至少 ${min} 个字`)
    .max(5000, `${title}不能超过 5000 个字`)
    .meta({ title, format: 'textarea' });

/** One of a few choices. */
export const fChoice = <const T extends readonly [string, ...string[]]>(title: string, values: T) =>
  z.enum(values, { error: `请选择${title}` }).meta({ title });

/** A yes/no fact. */
export const fFlag = (title: string) => z.boolean({ error: `请选择${title}` }).meta({ title });

/** The legal basis chosen from the item's 实施依据 (its index). */
export const fBasis = () =>
  z.number({ error: '请选择法律依据' }).int().min(0, '请选择法律依据').meta({ title: '法律依据（从本事项的实施依据中选择）' });

/** 密级 of a state-secret carrier; 未定 while it has not been established. */
export const SECRECY_LEVELS = ['绝密', '机密', '秘密', '未定'] as const;

/** One confiscated carrier (收缴的国家秘密载体): metadata only. */
export const ZCarrier = z
  .object({
    title: fText('载体名称或标题', { max: 200 }),
    level: fChoice('密级', SECRECY_LEVELS),
    quantity: z.number({ error: '请填写数量' }).int('数量应为整数').min(1, '数量至少为 1').max(100_000).meta({ title: '数量' }),
    source: fText('来源', { max: 300 }),
    spread: fText('扩散范围', { max: 300 }),
    measure: fText('已采取的保护措施', { max: 300 }),
  })
  .meta({ title: '载体' });

/** The catalogue of what an inspection checks (保守国家秘密法实施条例, inspection items). */
export const INSPECTION_CATALOGUE = [
  '保密工作责任制落实',
  '保密制度建设',
  '保密宣传教育培训',
  '涉密人员管理',
  '国家秘密确定、变更和解除',
  '国家秘密载体管理',
  '信息系统和信息设备管理',
  '涉密场所管理',
  '涉密会议活动管理',
  '对外提供和宣传报道保密审查',
  '泄密事件查处',
  '其他',
] as const;

/** How a document was served (送达方式). */
export const SERVICE_METHODS = ['直接送达', '留置送达', '邮寄送达', '电子送达', '委托送达', '公告送达'] as const;

/** A period during which the clock stood still (waiting for the party, testing, consultation). */
export const ZSuspension = z.object({
  from: fDate('中止起始日'),
  to: fDate('中止结束日'),
  reason: fText('中止理由', { max: 300 }),
});

/** Facts of an action that has none beyond an optional remark. */
export const ZRemarkOnly = z.object({ remark: fText('备注', { min: 0, max: 2000 }).optional() });
