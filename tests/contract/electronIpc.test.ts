import * as electron from 'electron';
import { resetElectronMock, app, state } from '../mocks/electron';
import { startDesktopApp } from '../../main/app/startDesktopApp';
import { Bridge } from '../../renderer/bridge';
import type { StemroomTransport } from '../../shared/contract';
import { describeContract } from './contractSuite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describeContract('electron ipc', async () => {
  resetElectronMock();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-ipc-'));
  const started = startDesktopApp(electron as never, { distMainDir: '/nonexistent/dist/main', dataDir, services: { demoCatalogDir: null } });
  app.becomeReady();
  const services = await started;
  await import('../../main/preload');
  const bridge = new Bridge(state.exposed.stemroom as StemroomTransport);
  return {
    bridge,
    services,
    dataDir,
    close: async () => {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
