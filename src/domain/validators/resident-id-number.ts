/**
 * 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2, with the birth date checked). One implementation,
 * in the contracts, shared by the zod schema, the web forms and the domain.
 */
export { type CheckResult, checkResidentIdNumber } from '../../contracts/party-ids.js';
