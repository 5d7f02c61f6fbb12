import type { Workload } from '../Workload';
import { contractRoundTrip } from './contractRoundTrip';
import { analyticsDashboard, analyticsImport, analyticsOverview } from './analyticsWorkloads';

/** Every registered workload; `npm run bench -- NAME…` runs a subset. */
export const workloads: readonly Workload[] = [contractRoundTrip, analyticsImport, analyticsDashboard, analyticsOverview];
