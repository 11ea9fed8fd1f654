/**
 * Identifiers of parties with their check digits: 统一社会信用代码 (GB 32100-2015) and 公民身份号码
 * (GB 11643-1999, ISO 7064 MOD 11-2, with the birth date checked). Pure, shared by the server, the
 * domain validators and the web forms; test vectors in ../shared/data/procedure-law.md §7.
 */
import { z } from 'zod';

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECKS = '10X98765432';

export type CheckResult = { valid: true } | { valid: false; reason: string };

/** Checks a 统一社会信用代码: 18 characters of the GB 32100 set, the last one its check character. */
export function checkUnifiedSocialCreditCode(value: string): CheckResult {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value))
    return { valid: false, reason: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(value[i] as string) * (CREDIT_WEIGHTS[i] as number);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARSET[check] === value[17] ? { valid: true } : { valid: false, reason: '统一社会信用代码校验位不正确' };
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks an 18-digit 公民身份号码: birth date and MOD 11-2 check character (upper-case X). */
export function checkResidentIdNumber(value: string): CheckResult {
  if (!/^\d{17}[\dX]$/.test(value)) return { valid: false, reason: '身份证号应为 18 位，最后一位可以是数字或大写 X' };
  if (!isRealDate(value.slice(6, 14))) return { valid: false, reason: '身份证号中的出生日期不存在' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECKS[sum % 11] === value[17] ? { valid: true } : { valid: false, reason: '身份证号校验位不正确' };
}

function refineWith(check: (value: string) => CheckResult) {
  return (value: string, context: z.RefinementCtx) => {
    const result = check(value);
    if (!result.valid) context.addIssue({ code: 'custom', message: result.reason });
  };
}

/** A 统一社会信用代码, trimmed, checked. */
export const ZUnifiedSocialCreditCode = z.string().trim().superRefine(refineWith(checkUnifiedSocialCreditCode));

/** A 公民身份号码, trimmed, checked. */
export const ZResidentIdNumber = z.string().trim().superRefine(refineWith(checkResidentIdNumber));
