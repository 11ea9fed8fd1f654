/**
 * The procedure templates of this release, and how a list item binds to one.
 *
 * Binding is by category first and, where a category has several templates (two kinds of 行政强制
 * and of 行政检查 in the bundled list), by what the item's name says — never by item number, so
 * another bureau's list binds the same way. An item no template fits is reported (no cases).
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import { HAZARD_COERCION_TEMPLATE } from './templates/hazard-coercion.js';
import { LEAK_INVESTIGATION_TEMPLATE } from './templates/leak-investigation.js';
import { NETWORK_LEAK_TEMPLATE } from './templates/network-leak-coercion.js';
import { PENALTY_TEMPLATE } from './templates/penalty.js';
import { PUBLICATION_CONFIRMATION_TEMPLATE } from './templates/publication-confirmation.js';
import { SECRECY_INSPECTION_TEMPLATE } from './templates/secrecy-inspection.js';
import { SYSTEM_APPROVAL_TEMPLATE } from './templates/system-approval.js';
import type { ProcedureTemplate, TemplateId } from './types.js';

/** Every template, in the order of the bundled list's items. */
export const TEMPLATES: readonly ProcedureTemplate[] = [
  PENALTY_TEMPLATE,
  NETWORK_LEAK_TEMPLATE,
  HAZARD_COERCION_TEMPLATE,
  SECRECY_INSPECTION_TEMPLATE,
  LEAK_INVESTIGATION_TEMPLATE,
  PUBLICATION_CONFIRMATION_TEMPLATE,
  SYSTEM_APPROVAL_TEMPLATE,
];

/** The template with this id. @throws Error for an unknown id */
export function templateById(id: string): ProcedureTemplate {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`unknown procedure template ${id}`);
  return template;
}

/** Whether a string is a template id. */
export function isTemplateId(id: string): id is TemplateId {
  return TEMPLATES.some((t) => t.id === id);
}

/**
 * The template an item runs under, or null when none fits. Within a category, words of the item's
 * name decide: 网络/互联网 → network leak; 隐患 → hazard; 泄密案件/调查 → leak investigation;
 * 信息系统/审查 → system approval.
 */
export function bindTemplate(item: Pick<TPowerItem, 'category' | 'name'>): ProcedureTemplate | null {
  const name = item.name;
  switch (item.category.trim()) {
    case '行政处罚':
      return PENALTY_TEMPLATE;
    case '行政强制':
      if (/互联网|网络|信息网络/.test(name)) return NETWORK_LEAK_TEMPLATE;
      if (/隐患/.test(name)) return HAZARD_COERCION_TEMPLATE;
      return HAZARD_COERCION_TEMPLATE;
    case '行政检查':
      if (/泄密案件|案件的调查|调查处理/.test(name)) return LEAK_INVESTIGATION_TEMPLATE;
      return SECRECY_INSPECTION_TEMPLATE;
    case '行政确认':
      return PUBLICATION_CONFIRMATION_TEMPLATE;
    case '其他行政权力':
    case '行政许可':
      if (/信息系统|审查|审批/.test(name)) return SYSTEM_APPROVAL_TEMPLATE;
      return null;
    default:
      return null;
  }
}
