import type { Command } from '../Command';
import { serveCommand } from './serveCommand';
import { infoCommand } from './infoCommand';
import { catalogImportCommand } from './catalogImportCommand';
import { catalogListCommand } from './catalogListCommand';
import { catalogShowCommand } from './catalogShowCommand';
import { catalogSignCommand } from './catalogSignCommand';
import { keysCreateCommand } from './keysCreateCommand';
import { projectCreateCommand } from './projectCreateCommand';
import { projectListCommand } from './projectListCommand';
import { projectShowCommand } from './projectShowCommand';
import { projectExportFileCommand } from './projectExportFileCommand';
import { projectImportCommand } from './projectImportCommand';
import { projectCommandCommand } from './projectCommandCommand';
import { exportCommand } from './exportCommand';
import { exportsListCommand } from './exportsListCommand';
import { inspectCommand } from './inspectCommand';
import { ledgerVerifyCommand } from './ledgerVerifyCommand';
import { settingsCommand } from './settingsCommand';
import { analyticsImportCommand } from './analyticsImportCommand';
import { analyticsReportCommand } from './analyticsReportCommand';
import { analyticsSimulateCommand } from './analyticsSimulateCommand';
import { analyticsOverviewCommand } from './analyticsOverviewCommand';
import { analyticsAsideCommand } from './analyticsAsideCommand';
import { publishCommand } from './publishCommand';
import { lineageCommand } from './lineageCommand';
import { approvalRequestCommand } from './approvalRequestCommand';
import { approvalSignCommand } from './approvalSignCommand';
import { approvalImportCommand } from './approvalImportCommand';
import { analyticsDisputeCommand } from './analyticsDisputeCommand';
import { analyticsFlaggedCommand } from './analyticsFlaggedCommand';

/** Every `stemroom` command, in the order --help lists them. */
export const commands: readonly Command[] = [
  serveCommand,
  infoCommand,
  catalogImportCommand,
  catalogListCommand,
  catalogShowCommand,
  catalogSignCommand,
  keysCreateCommand,
  projectCreateCommand,
  projectListCommand,
  projectShowCommand,
  projectExportFileCommand,
  projectImportCommand,
  projectCommandCommand,
  exportCommand,
  exportsListCommand,
  inspectCommand,
  ledgerVerifyCommand,
  publishCommand,
  lineageCommand,
  approvalRequestCommand,
  approvalSignCommand,
  approvalImportCommand,
  analyticsImportCommand,
  analyticsReportCommand,
  analyticsSimulateCommand,
  analyticsOverviewCommand,
  analyticsAsideCommand,
  analyticsFlaggedCommand,
  analyticsDisputeCommand,
  settingsCommand,
];
