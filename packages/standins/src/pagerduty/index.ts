export {
  PagerDutyStandin,
  PagerDutyWorld,
  createPagerDutyRouter,
} from './server';
export type { PagerDutyService, PagerDutyFault } from './server';
