/**
 * The registry-maintenance form in and out: form values become a registry change for
 * POST /api/v1/legal-sources/changes, the server's field paths (`change.edition.effective`,
 * `change.mapping.to.1.article`) find their form fields again, and a recorded change reads as a
 * sentence in the revision history.
 */
import type { TEditionStatus, TMappingConfidence, TRegistryChange } from '@contracts/legal-sources.js';
import { formatEditionArticle } from './citation-notice.js';
import { EDITION_STATUS_LABELS, MAPPING_CONFIDENCE_LABELS } from './legal-source-labels.js';

/** What the maintenance form holds; which fields matter depends on `kind`. */
export interface RegistryChangeForm {
  kind: TRegistryChange['kind'];
  sourceId: string;
  /** add-edition: the new edition's name; set-status: the edition to change */
  edition?: string;
  adopted?: string;
  effective?: string;
  status?: TEditionStatus;
  note?: string;
  supersedes?: string[];
  fromEdition?: string;
  fromArticle?: number | null;
  fromParagraph?: number | null;
  to?: { edition?: string; article?: number | null; paragraph?: number | null }[];
  confidence?: TMappingConfidence;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positive(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The registry change the form describes (optional fields left out when empty). */
export function registryChangeOf(form: RegistryChangeForm): TRegistryChange {
  if (form.kind === 'add-edition') {
    const supersedes = (form.supersedes ?? []).filter((edition) => edition.trim() !== '');
    return {
      kind: 'add-edition',
      sourceId: form.sourceId,
      edition: {
        edition: text(form.edition) ?? '',
        ...(text(form.adopted) ? { adopted: text(form.adopted) } : {}),
        ...(text(form.effective) ? { effective: text(form.effective) } : {}),
        status: form.status ?? 'unknown',
        ...(text(form.note) ? { note: text(form.note) } : {}),
      },
      ...(supersedes.length > 0 ? { supersedes } : {}),
    };
  }
  if (form.kind === 'set-status') {
    return { kind: 'set-status', sourceId: form.sourceId, edition: text(form.edition) ?? '', status: form.status ?? 'unknown' };
  }
  const fromParagraph = positive(form.fromParagraph);
  return {
    kind: 'add-mapping',
    sourceId: form.sourceId,
    mapping: {
      from: {
        edition: text(form.fromEdition) ?? '',
        article: positive(form.fromArticle) ?? 0,
        ...(fromParagraph ? { paragraph: fromParagraph } : {}),
      },
      to: (form.to ?? []).map((target) => {
        const paragraph = positive(target.paragraph);
        return { edition: text(target.edition) ?? '', article: positive(target.article) ?? 0, ...(paragraph ? { paragraph } : {}) };
      }),
      confidence: form.confidence ?? 'inferred',
      ...(text(form.note) ? { note: text(form.note) } : {}),
    },
  };
}

/** Most target rows the form offers (one article split into more is rare). */
export const MAX_MAPPING_TARGETS = 8;

/** The server's paths under `change` → the form's field names, for useServerErrors. */
export const REGISTRY_CHANGE_FIELDS: Readonly<Record<string, string>> = {
  'change.sourceId': 'sourceId',
  'change.edition': 'edition',
  'change.edition.edition': 'edition',
  'change.edition.adopted': 'adopted',
  'change.edition.effective': 'effective',
  'change.edition.status': 'status',
  'change.edition.note': 'note',
  'change.status': 'status',
  'change.supersedes': 'supersedes',
  'change.mapping.from': 'fromArticle',
  'change.mapping.from.edition': 'fromEdition',
  'change.mapping.from.article': 'fromArticle',
  'change.mapping.from.paragraph': 'fromParagraph',
  'change.mapping.to': 'to',
  'change.mapping.confidence': 'confidence',
  'change.mapping.note': 'note',
  ...Object.fromEntries(
    Array.from({ length: MAX_MAPPING_TARGETS }, (_unused, index) => [
      [`change.mapping.to.${index}`, `to.${index}.article`],
      [`change.mapping.to.${index}.edition`, `to.${index}.edition`],
      [`change.mapping.to.${index}.article`, `to.${index}.article`],
      [`change.mapping.to.${index}.paragraph`, `to.${index}.paragraph`],
    ]).flat(),
  ),
};

/** A recorded change in one sentence: 《保守国家秘密法》新增版本 主席令第20号（现行有效），替代 主席令第28号. */
export function describeRegistryChange(change: TRegistryChange, titles: ReadonlyMap<string, string>): string {
  const title = `《${titles.get(change.sourceId) ?? change.sourceId}》`;
  if (change.kind === 'add-edition') {
    const replaces = change.supersedes && change.supersedes.length > 0 ? `，替代 ${change.supersedes.join('、')}` : '';
    const effective = change.edition.effective ? `，${change.edition.effective}施行` : '';
    return `${title}新增版本 ${change.edition.edition}（${EDITION_STATUS_LABELS[change.edition.status]}${effective}）${replaces}`;
  }
  if (change.kind === 'set-status') {
    return `${title}${change.edition} 的效力状态设为“${EDITION_STATUS_LABELS[change.status]}”`;
  }
  const { from, to, confidence } = change.mapping;
  const targets = to.map((target) => formatEditionArticle(target, true)).join('、');
  return `${title}${formatEditionArticle(from, true)} 对应 ${targets}（${MAPPING_CONFIDENCE_LABELS[confidence]}）`;
}
