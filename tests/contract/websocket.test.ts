import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import { StemroomServices } from '../../main/services/StemroomServices';
import { startBrowserHost } from '../../main/host/BrowserHost';
import { Bridge } from '../../renderer/bridge';
import { WebSocketTransport } from '../../renderer/WebSocketTransport';
import { describeContract } from './contractSuite';

describeContract('browser websocket', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-ws-'));
  const services = await StemroomServices.open(dataDir, { demoCatalogDir: null });
  const host = await startBrowserHost({ services, rendererDir: dataDir, port: 0 });
  // What the page's WebSocket sends: same-origin Origin and the access cookie.
  const transport = new WebSocketTransport(
    `ws://127.0.0.1:${host.port}/ws`,
    (url) => new NodeWebSocket(url, { headers: { Origin: host.origin, Cookie: `stemroom_token_${host.port}=${host.token}` } }) as unknown as WebSocket,
  );
  return {
    bridge: new Bridge(transport),
    services,
    dataDir,
    close: async () => {
      await host.close();
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
