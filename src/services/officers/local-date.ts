/** Today's calendar date where the bureaus work (Asia/Shanghai), for certificate validity. */

/** The local date of an instant in Asia/Shanghai, as YYYY-MM-DD (the one helper in src/domain/calendar). */
export { shanghaiDateOf as shanghaiDate } from '../../domain/calendar/shanghai-time.js';
