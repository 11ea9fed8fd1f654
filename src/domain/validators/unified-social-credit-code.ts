/**
 * 统一社会信用代码 (GB 32100-2015) check. One implementation, in the contracts, so the zod schema
 * at the API boundary, the web forms and the domain agree; the domain imports it from here.
 */
export { type CheckResult, checkUnifiedSocialCreditCode } from '../../contracts/party-ids.js';
