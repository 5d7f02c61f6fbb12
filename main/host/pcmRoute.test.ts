import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from './BrowserHost';
import { registerAppProtocol } from '../app/registerAppProtocol';
import { StemroomServices } from '../services/StemroomServices';
import { tone, wavBytes } from '../../tests/helpers/writeWav';
import { decodePcmHeader, PCM_HEADER_BYTES } from '../../engine/common/pcm/pcmCacheFormat';

/**
 * The PCM cache over both hosts' media routes: whole, or the one byte range
 * asked for (206 + Content-Range), bad ranges refused with 416 and the
 * reason, unknown or malformed paths 404 — and the host still answering.
 */
type Reply = { status: number; headers: Record<string, string>; body: Buffer };

let dir: string;
let services: StemroomServices;
let host: BrowserHost;
let sha256: string;
let cacheBytes: Buffer;
let electronHandler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-pcm-route-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  services = await StemroomServices.open(path.join(dir, 'data'), { demoCatalogDir: null });
  sha256 = (await services.userAudio.put(wavBytes(tone(441, 1, 44100), 44100), 'take.wav')).sha256;
  cacheBytes = fs.readFileSync(services.pcm.pathOf(sha256));
  host = await startBrowserHost({ services, rendererDir, port: 0 });
  const protocol = { handle: (_scheme: string, handler: typeof electronHandler) => (electronHandler = handler) } as unknown as Parameters<
    typeof registerAppProtocol
  >[0];
  registerAppProtocol(protocol, rendererDir, services.media, services.uploads);
});

afterAll(async () => {
  await host.close();
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function overHttp(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: urlPath,
        method,
        headers: { Host: `127.0.0.1:${host.port}`, Cookie: `stemroom_token_${host.port}=${host.token}`, ...headers },
        setHost: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function overElectron(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const response = await electronHandler(new Request(`stemroom://app${urlPath}`, { headers, method }));
  return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
}

describe.each([
  ['browser host', overHttp],
  ['Electron protocol', overElectron],
])('PCM cache over the %s', (_host, fetchReply) => {
  it('serves the whole cache file, advertising ranges', async () => {
    const reply = await fetchReply(`/pcm/${sha256}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['accept-ranges']).toBe('bytes');
    expect(reply.headers['content-type']).toBe('application/vnd.stemroom.pcm');
    expect(reply.body.equals(cacheBytes)).toBe(true);
    expect(decodePcmHeader(reply.body.subarray(0, PCM_HEADER_BYTES), reply.body.length)).toMatchObject({ sampleRate: 44100, channels: 2, frames: 44100 });
  });

  it.each([
    ['the header', 'bytes=0-63', 0, 63],
    ['a block of frames', 'bytes=64-8255', 64, 8255],
    ['the open-ended tail', 'bytes=352000-', 352000, 352863],
    ['the last 100 bytes', 'bytes=-100', 352764, 352863],
    ['a range past the end, clamped', 'bytes=352800-999999999', 352800, 352863],
  ])('answers a range for %s with 206 and its Content-Range', async (_what, range, start, end) => {
    const reply = await fetchReply(`/pcm/${sha256}`, { Range: range });
    expect(reply.status).toBe(206);
    expect(reply.headers['content-range']).toBe(`bytes ${start}-${end}/${cacheBytes.length}`);
    expect(Number(reply.headers['content-length'])).toBe(end - start + 1);
    expect(reply.body.equals(cacheBytes.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=352864-', 'bytes=10-5', 'bytes=0-1,8-9', 'bytes=abc', 'bytes=-0', `bytes=0-${'1'.repeat(120)}`])(
    'refuses the range %s with 416 and the size',
    async (range) => {
      const reply = await fetchReply(`/pcm/${sha256}`, { Range: range });
      expect(reply.status).toBe(416);
      expect(reply.headers['content-range']).toBe(`bytes */${cacheBytes.length}`);
      expect(reply.body.toString()).toMatch(/^Range not satisfiable: .+\.\n?$/);
    },
  );

  it('404s audio the library does not hold and paths that are not a hash, and keeps answering', async () => {
    for (const p of [`/pcm/${'0'.repeat(64)}`, `/pcm/${sha256.toUpperCase()}`, `/pcm/${sha256}/x`, '/pcm/../store', `/pcm/${sha256.slice(1)}`]) {
      expect((await fetchReply(p)).status, p).toBe(404);
    }
    expect((await fetchReply(`/pcm/${sha256}`, { Range: 'bytes=0-63' })).status).toBe(206);
  });

  it('HEAD tells the size without a body; a range applies to media blobs too', async () => {
    const head = await fetchReply(`/pcm/${sha256}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(cacheBytes.length);
    expect(head.body.length).toBe(0);
    const media = await fetchReply(`/media/${sha256}`, { Range: 'bytes=0-11' });
    expect(media.status).toBe(206);
    expect(media.body.toString('latin1', 0, 4)).toBe('RIFF');
  });
});

describe('media routes over both hosts (one MediaRoutes, one servedResponse)', () => {
  it.each(['/media/', '/pcm/', '/peaks/'])('%s<sha256> gets the same status and headers from both, but for the CSP', async (route) => {
    const comparable = ({ status, headers }: Reply) => {
      const { date: _date, connection: _connection, 'keep-alive': _keepAlive, 'content-security-policy': csp, ...rest } = headers;
      expect(csp).toContain("default-src 'self'");
      return { status, headers: rest };
    };
    const [overBrowser, overApp] = [
      await overHttp(`${route}${sha256}`, { Range: 'bytes=0-11' }),
      await overElectron(`${route}${sha256}`, { Range: 'bytes=0-11' }),
    ];
    expect(overBrowser.status).toBe(206);
    expect(comparable(overApp)).toEqual(comparable(overBrowser));
    expect(overApp.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('PCM cache route on a damaged cache', () => {
  it('rebuilds a missing or truncated cache file before serving it', async () => {
    const file = services.pcm.pathOf(sha256);
    fs.truncateSync(file, 1000);
    expect((await overHttp(`/pcm/${sha256}`, { Range: 'bytes=0-63' })).status).toBe(206);
    expect(fs.readFileSync(file).equals(cacheBytes)).toBe(true);
    fs.rmSync(file);
    const reply = await overElectron(`/pcm/${sha256}`);
    expect(reply.status).toBe(200);
    expect(reply.body.equals(cacheBytes)).toBe(true);
  });
});
