/**
 * The domain's door to THE one Asia/Shanghai date helper. The implementation lives in
 * src/contracts/shanghai-time.ts so the web app (which may import only the contracts) shares it;
 * domain code imports it from here.
 */
export {
  addDays,
  compareDates,
  daysBetween,
  isIsoDate,
  shanghaiClockOf,
  shanghaiDateOf,
  shanghaiLocalOf,
  shanghaiLocalToInstant,
  startOfShanghaiDay,
  type Weekday,
  weekdayOf,
} from '../../contracts/shanghai-time.js';
