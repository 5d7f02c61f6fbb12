import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import type { Workload } from '../Workload';
import { measure, round } from '../measure';
import { StemroomServices } from '../../main/services/StemroomServices';
import { startBrowserHost } from '../../main/host/BrowserHost';
import { Bridge } from '../../renderer/bridge';
import { WebSocketTransport } from '../../renderer/WebSocketTransport';

const CALLS = 2000;

/**
 * The browser host's contract round trip (zod on both sides, SQLite read)
 * against a bare `ws` echo of the same message size: what the contract's
 * validation and dispatch cost on top of the transport.
 */
export const contractRoundTrip: Workload = {
  name: 'contract-round-trip',
  description: `${CALLS} sequential library.info calls over the browser host's WebSocket vs a raw ws echo`,
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bench-'));
    const services = await StemroomServices.open(dataDir, { demoCatalogDir: null });
    const host = await startBrowserHost({ services, rendererDir: dataDir, port: 0 });
    const transport = new WebSocketTransport(
      `ws://127.0.0.1:${host.port}/ws`,
      (url) => new WebSocket(url, { headers: { Origin: host.origin, Cookie: `stemroom_token_${host.port}=${host.token}` } }) as unknown as globalThis.WebSocket,
    );
    const bridge = new Bridge(transport);
    const sample = JSON.stringify(await bridge.call('library.info', {}));

    const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => echo.once('listening', resolve));
    echo.on('connection', (socket) => socket.on('message', (data) => socket.send(data.toString())));
    const echoPort = (echo.address() as { port: number }).port;
    const client = new WebSocket(`ws://127.0.0.1:${echoPort}`);
    await new Promise((resolve) => client.once('open', resolve));
    const roundTrip = () =>
      new Promise((resolve) => {
        client.once('message', resolve);
        client.send(sample);
      });

    const ours = await measure(async () => {
      for (let i = 0; i < CALLS; i++) await bridge.call('library.info', {});
    }, 5);
    const peer = await measure(async () => {
      for (let i = 0; i < CALLS; i++) await roundTrip();
    }, 5);

    client.close();
    echo.close();
    await host.close();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    const perCall = (ms: number) => round((ms / CALLS) * 1000, 1);
    return {
      unit: 'ms per 2000 calls',
      ours: { ...ours, extra: { microsecondsPerCall: perCall(ours.median) } },
      peerName: 'raw ws echo of the same payload',
      peer: { ...peer, extra: { microsecondsPerCall: perCall(peer.median) } },
      goal: { description: 'a contract call stays under 1 ms', met: ours.median / CALLS < 1 },
    };
  },
};
