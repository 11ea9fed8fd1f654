/** The date the registry is read on: today where the bureaus work (Asia/Shanghai). */
import type { ServiceContext } from '../context.js';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The context's clock as a local date in Asia/Shanghai, YYYY-MM-DD: whether a recorded revision of a
 * law is already in force is a question about the bureau's calendar day, not about UTC.
 */
export function registryDate(ctx: Pick<ServiceContext, 'clock'>): string {
  return SHANGHAI_DATE.format(ctx.clock());
}
