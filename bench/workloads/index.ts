import type { Workload } from '../Workload';
import { contractRoundTrip } from './contractRoundTrip';

/** Every registered workload; `npm run bench -- NAME…` runs a subset. */
export const workloads: readonly Workload[] = [contractRoundTrip];
