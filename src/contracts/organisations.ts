/**
 * Wire shapes of the organisation tree (/api/v1/organisations), shared by the server and web/.
 */
import { z } from 'zod';
import { ZOrgCode } from './access.js';

/** One organisation (组织机构) of the tree. */
export const ZOrganisation = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** code of the parent organisation; null for the root */
  parentCode: z.string().nullable(),
  /** 发文机关代字 used in document numbers (柳保); null until configured */
  documentPrefix: z.string().nullable(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

/** GET /api/v1/organisations — every organisation, parents before children. */
export const ZOrganisationListResponse = z.object({ organisations: z.array(ZOrganisation) });
export type TOrganisationListResponse = z.infer<typeof ZOrganisationListResponse>;

const ZOrgName = z.string({ error: '请填写机构名称' }).trim().min(2, '机构名称至少 2 个字符').max(100, '机构名称不能超过 100 个字符');
const ZDocumentPrefix = z
  .string()
  .trim()
  .min(1, '发文机关代字不能为空')
  .max(10, '发文机关代字不能超过 10 个字符')
  .regex(/^[\p{Script=Han}A-Za-z0-9]+$/u, '发文机关代字只能包含汉字、字母和数字');

/** POST /api/v1/organisations — add an organisation below an existing one. */
export const ZCreateOrganisationRequest = z.object({
  code: ZOrgCode,
  name: ZOrgName,
  parentCode: ZOrgCode,
  documentPrefix: ZDocumentPrefix.nullable().default(null),
});
export type TCreateOrganisationRequest = z.input<typeof ZCreateOrganisationRequest>;

/** PATCH /api/v1/organisations/:code */
export const ZUpdateOrganisationRequest = z.object({
  name: ZOrgName.optional(),
  documentPrefix: ZDocumentPrefix.nullable().optional(),
});
export type TUpdateOrganisationRequest = z.infer<typeof ZUpdateOrganisationRequest>;

export const ZOrgCodeParams = z.object({ code: ZOrgCode });
