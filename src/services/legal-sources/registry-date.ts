/** The date the registry is read on: today where the bureaus work (Asia/Shanghai). */
import { shanghaiDateOf } from '../../domain/calendar/shanghai-time.js';
import type { ServiceContext } from '../context.js';

/**
 * The context's clock as a local date in Asia/Shanghai, YYYY-MM-DD: whether a recorded revision of a
 * law is already in force is a question about the bureau's calendar day, not about UTC.
 */
export function registryDate(ctx: Pick<ServiceContext, 'clock'>): string {
  return shanghaiDateOf(ctx.clock());
}
