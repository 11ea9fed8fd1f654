/**
 * The duty (责任事项) names a power list uses for the steps of a procedure, each with what it means.
 * The list linter uses them to spot a duty whose name is missing or unusual; procedure templates use
 * the same words. Names are the short form without 责任 (`立案责任` → `立案`).
 */

/** A known step name and what the step is for. */
export interface StepName {
  name: string;
  /** one line, Chinese */
  meaning: string;
  /** one line, English */
  meaningEn: string;
}

/** The known step names, in the rough order a procedure runs through them. */
export const STEP_NAMES: readonly StepName[] = [
  {
    name: '受理',
    meaning: '接收申请材料并核对是否齐全，决定受理或不予受理',
    meaningEn: 'accept an application after checking its materials',
  },
  { name: '收件', meaning: '接收请求事项及相关材料并登记', meaningEn: 'receive and register a request' },
  { name: '线索登记', meaning: '登记案件线索及其来源', meaningEn: 'record a lead and its source' },
  { name: '登记', meaning: '登记发现的情况或收缴的物品', meaningEn: 'register a finding or confiscated items' },
  { name: '立案', meaning: '对发现的违法行为进行审查，决定是否立案', meaningEn: 'decide whether to open a case' },
  { name: '调查取证', meaning: '指定专人调查，收集证据并制作笔录', meaningEn: 'investigate and collect evidence' },
  { name: '调查', meaning: '调查案件事实，或组织、督促有关单位调查', meaningEn: 'investigate the facts of a case' },
  { name: '检查', meaning: '对被检查对象进行现场或书面检查', meaningEn: 'inspect' },
  { name: '审查', meaning: '对材料或事项进行审查并提出意见', meaningEn: 'review materials or a matter' },
  { name: '审核', meaning: '对初审意见及有关材料进行审核', meaningEn: 'examine a preliminary opinion and its materials' },
  { name: '审理', meaning: '审理调查报告，审查事实、证据、程序和法律适用', meaningEn: 'review the investigation report' },
  {
    name: '告知',
    meaning: '告知当事人拟作出的决定、事实理由及其依法享有的权利',
    meaningEn: 'notify the party of the intended decision and its rights',
  },
  { name: '听证', meaning: '依当事人申请组织听证', meaningEn: 'hold a hearing on request' },
  { name: '催告', meaning: '作出强制执行决定前书面催告当事人履行义务', meaningEn: 'demand performance before coercive execution' },
  { name: '通知', meaning: '书面通知有关单位履行义务或采取措施', meaningEn: 'notify a body in writing to act' },
  { name: '决定', meaning: '由负责人依法作出决定', meaningEn: 'decide' },
  { name: '处理', meaning: '依法提出处理意见或处理建议', meaningEn: 'propose how a case is handled' },
  { name: '送达', meaning: '将决定文书依法送达当事人或申请机关', meaningEn: 'serve the decision' },
  { name: '执行', meaning: '执行决定或采取相应措施', meaningEn: 'execute the decision or measure' },
  { name: '监督执行', meaning: '监督义务人履行决定，拒不履行的依法移交处理', meaningEn: 'verify that the decision is carried out' },
  { name: '督促整改', meaning: '督促存在问题的单位整改并复查', meaningEn: 'press for rectification and re-inspect' },
  { name: '监督', meaning: '对执行或整改情况进行监督检查', meaningEn: 'supervise the follow-up' },
  { name: '监管', meaning: '对整改工作进行督促和指导', meaningEn: 'oversee the rectification' },
  { name: '事后监管', meaning: '决定作出后对相对人履行情况进行监督管理', meaningEn: 'supervise after the decision' },
  { name: '结案', meaning: '办结案件并立卷归档', meaningEn: 'close and archive the case' },
  { name: '申报', meaning: '申请人提交申请材料，行政机关告知申报要求', meaningEn: 'receive an application and explain its requirements' },
  { name: '审批', meaning: '对申请事项作出批准或者不予批准的决定', meaningEn: 'approve or refuse an application' },
  { name: '公示', meaning: '依法公开决定或者有关信息', meaningEn: 'publish the decision or related information' },
  { name: '其他', meaning: '法律法规规章文件规定应履行的其他责任', meaningEn: 'other duties set by laws, regulations and rules' },
];

const KNOWN_NAMES: ReadonlySet<string> = new Set(STEP_NAMES.map((step) => step.name));

/** True when `name` (without 责任) is one of the known step names. */
export function isKnownStepName(name: string): boolean {
  return KNOWN_NAMES.has(name.trim());
}

/** The known step with this name, or undefined. */
export function findStepName(name: string): StepName | undefined {
  const trimmed = name.trim();
  return STEP_NAMES.find((step) => step.name === trimmed);
}

/**
 * Other words lists use for a known step (`1.接受阶段:` is 受理). A duty keeps the name it was
 * written with; the linter and the procedure mapping read it as the step it names.
 */
export const STEP_NAME_ALIASES: Readonly<Record<string, string>> = {
  接受: '受理',
  接收: '受理',
  受理审查: '受理',
  调查核实: '调查',
  核查: '调查',
  审查决定: '决定',
  作出决定: '决定',
  决定作出: '决定',
  文书送达: '送达',
  执行监督: '监督执行',
  事后监督: '事后监管',
  归档: '结案',
  立卷归档: '结案',
};

/** The known step a name (without 责任) stands for, directly or through STEP_NAME_ALIASES; undefined when none. */
export function knownStepOf(name: string): StepName | undefined {
  const trimmed = name.trim();
  return findStepName(STEP_NAME_ALIASES[trimmed] ?? trimmed);
}
