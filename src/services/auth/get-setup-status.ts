/** Whether the installation still waits for its first administrator (the setup page asks this). */
import type { TSetupStatus } from '../../contracts/auth.js';
import { countUsers } from '../../store/repositories/users.repository.js';
import type { ServiceContext } from '../context.js';

/** `setupRequired` while no account exists. Public: it tells nothing beyond "installed or not". */
export async function getSetupStatus(ctx: ServiceContext): Promise<TSetupStatus> {
  return { setupRequired: (await countUsers(ctx.db)) === 0 };
}
