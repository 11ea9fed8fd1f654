/** Today's calendar date where the bureaus work (Asia/Shanghai), for certificate validity. */

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The local date of an instant in Asia/Shanghai, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return SHANGHAI_DATE.format(instant);
}
