import type { Workload } from '../Workload';
import { contractRoundTrip } from './contractRoundTrip';
import { analyticsDashboard, analyticsImport, analyticsImportNdjson, analyticsOverview } from './analyticsWorkloads';
import { catalogImport } from './catalogImport';
import { catalogSearch } from './catalogSearch';
import { exportAttribution } from './exportAttribution';
import { exportsList } from './exportsList';
import { projectOpen } from './studioBrowser';
import { offlineRender } from './offlineRender';
import { exportNull } from './exportNull';
import { contractDuringExport } from './contractDuringExport';
import { commandBar } from './commandBar';
import { fingerprint } from './fingerprint';
import { studioFrame } from './studioFrame';
import { tempoChange } from './tempoChange';
import { publishStems } from './publishStems';

/** Every registered workload; `npm run bench -- NAME…` runs a subset. */
export const workloads: readonly Workload[] = [
  contractRoundTrip,
  catalogImport,
  catalogSearch,
  projectOpen,
  studioFrame,
  tempoChange,
  offlineRender,
  exportNull,
  exportAttribution,
  exportsList,
  contractDuringExport,
  analyticsImport,
  analyticsImportNdjson,
  analyticsDashboard,
  analyticsOverview,
  commandBar,
  fingerprint,
  publishStems,
];
