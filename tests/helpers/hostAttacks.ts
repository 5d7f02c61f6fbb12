import crypto from 'node:crypto';
import { closePayload, exchange, frame, upgradedSocket, type HostAddress } from './rawWebSocket';

/** One malformed input aimed at a browser host; `run` resolves once it has been delivered and answered (or not). */
export interface Attack {
  readonly name: string;
  run(host: HostAddress): Promise<void>;
}

const TEXT = 0x1;
const BINARY = 0x2;
const CLOSE = 0x8;
const PING = 0x9;
const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => Buffer.from(text);

/** Sends frames on a freshly upgraded socket, then waits for the host to close it (or a moment). */
export function framesAttack(name: string, frames: () => Buffer[], end = false): Attack {
  return {
    name,
    async run(host) {
      const socket = await upgradedSocket(host);
      const data = Buffer.concat(frames());
      if (end) {
        socket.end(data);
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else await exchange(host.port, data, 150, socket);
      socket.destroy();
    },
  };
}

/** Malformed WebSocket frames after a valid upgrade: every way RFC 6455 says a frame can be wrong. */
export function frameAttacks(): Attack[] {
  const reserved = [3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf].map((opcode) =>
    framesAttack(`reserved opcode ${opcode}`, () => [frame({ opcode, payload: utf8('{}') })]),
  );
  const rsv = [0b100, 0b010, 0b001].map((bits) =>
    framesAttack(`RSV bits ${bits.toString(2).padStart(3, '0')} without an extension`, () => [frame({ opcode: TEXT, rsv: bits, payload: utf8('{"id":1}') })]),
  );
  const badUtf8 = [bytes(0xc3, 0x28), bytes(0xed, 0xa0, 0x80), bytes(0xc0, 0xaf), bytes(0xf8, 0x88, 0x80, 0x80, 0x80), bytes(0xff)].map((payload, i) =>
    framesAttack(`invalid UTF-8 #${i + 1} in a text frame`, () => [frame({ opcode: TEXT, payload })]),
  );
  return [
    ...reserved,
    ...rsv,
    ...badUtf8,
    framesAttack('unmasked client frame', () => [frame({ opcode: TEXT, mask: false, payload: utf8('{"id":1,"channel":"library.info","request":{}}') })]),
    framesAttack('header claiming 64 MiB + 1 (over the message limit)', () => [frame({ opcode: TEXT, claimedLength: 64 * 2 ** 20 + 1 })]),
    framesAttack('header claiming 2^63 bytes', () => [frame({ opcode: BINARY, claimedLength: 2n ** 63n })]),
    framesAttack('header claiming 2^53 bytes', () => [frame({ opcode: TEXT, claimedLength: 2n ** 53n })]),
    framesAttack('16-bit length form for a 10-byte payload', () => [Buffer.from([0x81, 0xfe, 0x00, 0x0a, 0, 0, 0, 0, ...utf8('0123456789')])]),
    framesAttack('control frame of 126 bytes', () => [frame({ opcode: PING, payload: new Uint8Array(126) })]),
    framesAttack('fragmented ping', () => [frame({ opcode: PING, fin: false, payload: utf8('a') }), frame({ opcode: 0, payload: utf8('b') })]),
    framesAttack('continuation without a first fragment', () => [frame({ opcode: 0, payload: utf8('{}') })]),
    framesAttack('new text frame inside a fragmented message', () => [
      frame({ opcode: TEXT, fin: false, payload: utf8('{"id":') }),
      frame({ opcode: TEXT, payload: utf8('1}') }),
    ]),
    framesAttack('UTF-8 sequence split across fragments, never completed', () => [
      frame({ opcode: TEXT, fin: false, payload: bytes(0xe2, 0x82) }),
      frame({ opcode: 0, payload: utf8('x') }),
    ]),
    framesAttack('close frame with a 1-byte payload', () => [frame({ opcode: CLOSE, payload: bytes(3) })]),
    framesAttack('close frame with code 1005', () => [frame({ opcode: CLOSE, payload: closePayload(1005) })]),
    framesAttack('close frame with code 999', () => [frame({ opcode: CLOSE, payload: closePayload(999) })]),
    framesAttack('close frame with an invalid UTF-8 reason', () => [frame({ opcode: CLOSE, payload: closePayload(1000, bytes(0xc3, 0x28)) })]),
    framesAttack('frame truncated mid-payload, then the connection ends', () => [frame({ opcode: TEXT, claimedLength: 100, payload: utf8('{"id":1') })], true),
    framesAttack('frame truncated mid-header, then the connection ends', () => [Buffer.from([0x81, 0xff, 0x00])], true),
    framesAttack('binary frame holding a request', () => [frame({ opcode: BINARY, payload: utf8('{"id":1,"channel":"library.info","request":{}}') })]),
    framesAttack('text that is not JSON', () => [frame({ opcode: TEXT, payload: utf8('{"id": 1, "channel"') })]),
    framesAttack('JSON without an id', () => [frame({ opcode: TEXT, payload: utf8('[1,2,3]') })]),
    framesAttack('request nested 100,000 levels deep', () => [
      frame({ opcode: TEXT, payload: utf8(`{"id":7,"channel":"projects.edit","request":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) }),
    ]),
    framesAttack('a burst of 1,000 requests', () =>
      Array.from({ length: 1000 }, (_, i) => frame({ opcode: TEXT, payload: utf8(JSON.stringify({ id: i, channel: 'library.info', request: {} })) })),
    ),
    framesAttack('2 MiB of garbage in one frame', () => [frame({ opcode: TEXT, payload: utf8('x'.repeat(2 * 2 ** 20)) })]),
  ];
}

/** A raw HTTP request on its own connection. */
export function httpAttack(name: string, request: (host: HostAddress) => string | Buffer, waitMs = 150): Attack {
  return { name, run: async (host) => void (await exchange(host.port, request(host), waitMs)) };
}

const line = (method: string, target: string, host: HostAddress, headers: string[] = [], body = '') =>
  [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, `Cookie: stemroom_token_${host.port}=${host.token}`, ...headers, '', body].join('\r\n');

/** Malformed and hostile HTTP: methods, framing, headers, paths, ranges, ids, tokens, uploads. */
export function httpAttacks(): Attack[] {
  const unknownSha = 'ab'.repeat(32);
  const paths = [
    '//',
    '/%',
    '/%zz',
    '/%00',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/media/../../library.sqlite',
    '/media/%2e%2e%2flibrary.sqlite',
    `/media/${unknownSha}`,
    `/peaks/${unknownSha}`,
    `/project-file/${crypto.randomUUID()}`,
    '/project-file/not-a-uuid',
    '/project-file/../../x',
    `/${'a/'.repeat(4000)}`,
    '*',
    'http://attacker.example/',
  ];
  return [
    ...paths.map((target) => httpAttack(`GET ${target.slice(0, 40)}`, (host) => line('GET', target, host))),
    httpAttack('unknown method', (host) => line('FOO', '/', host)),
    httpAttack('method with a NUL', (host) => line('GE\0T', '/', host)),
    httpAttack('HTTP/9.9', (host) => `GET / HTTP/9.9\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`),
    httpAttack('HTTP/0.9 request line', () => 'GET /\r\n\r\n'),
    httpAttack('no Host header', (host) => `GET /?token=${host.token} HTTP/1.1\r\n\r\n`),
    httpAttack('two Host headers', (host) => line('GET', '/', host, ['Host: attacker.example'])),
    httpAttack('64 KiB header', (host) => line('GET', '/', host, [`X-Big: ${'a'.repeat(64 * 1024)}`])),
    httpAttack('5,000 headers', (host) =>
      line(
        'GET',
        '/',
        host,
        Array.from({ length: 5000 }, (_, i) => `X-${i}: ${i}`),
      ),
    ),
    httpAttack('control character in a header', (host) => line('GET', '/', host, ['X-Evil: a\x01b'])),
    httpAttack('garbage bytes', () => crypto.randomBytes(512)),
    httpAttack('Range garbage on unknown media', (host) => line('GET', `/media/${unknownSha}`, host, ['Range: bytes=zz-99999999999999999999'])),
    httpAttack('Range garbage on the app', (host) => line('GET', '/', host, ['Range: bytes=-1,-2,-3,99-1'])),
    httpAttack('Content-Length not a number', (host) => line('POST', '/upload', host, ['Origin: http://x', 'Content-Length: abc'])),
    httpAttack('two different Content-Lengths', (host) =>
      line('POST', '/upload', host, [`Origin: http://127.0.0.1:${host.port}`, 'Content-Length: 5', 'Content-Length: 6'], 'hello!'),
    ),
    httpAttack('Content-Length and chunked together', (host) =>
      line('POST', '/upload', host, [`Origin: http://127.0.0.1:${host.port}`, 'Content-Length: 4', 'Transfer-Encoding: chunked'], '0\r\n\r\n'),
    ),
    httpAttack('chunk size that is not hex', (host) =>
      line('POST', '/upload', host, [`Origin: http://127.0.0.1:${host.port}`, 'Transfer-Encoding: chunked'], 'zz\r\nhello\r\n0\r\n\r\n'),
    ),
    httpAttack('upload declaring a petabyte', (host) =>
      line('POST', '/upload', host, [`Origin: http://127.0.0.1:${host.port}`, 'Content-Length: 1000000000000000'], 'x'),
    ),
    httpAttack('upload cut off mid-body', (host) =>
      line('POST', '/upload', host, [`Origin: http://127.0.0.1:${host.port}`, 'Content-Length: 100000'], 'only a little'),
    ),
    httpAttack('upload without Origin', (host) => line('POST', '/upload', host, ['Content-Length: 3'], 'abc')),
    httpAttack('PUT and DELETE', (host) => line('PUT', '/', host, ['Content-Length: 1'], 'x') + line('DELETE', '/', host)),
    httpAttack('token that is a bad percent-escape', (host) => `GET /?token=% HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`),
    httpAttack('10,000-character token', (host) => `GET /?token=${'A'.repeat(10_000)} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`),
    httpAttack(
      'cookie garbage',
      (host) => `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ;;==;stemroom_token_${host.port}=%%%;${'x'.repeat(8000)}\r\n\r\n`,
    ),
    httpAttack(
      'upgrade with a wrong token',
      (host) =>
        `GET /ws?token=wrong HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    ),
    httpAttack(
      'upgrade with a bad key and version',
      (host) =>
        `GET /ws?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: !\r\nSec-WebSocket-Version: 99\r\n\r\n`,
    ),
    httpAttack(
      'upgrade to a path no URL parser accepts',
      (host) => `GET // HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    ),
    httpAttack(
      'upgrade then reset at once',
      (host) => `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
      0,
    ),
    httpAttack('100 pipelined requests', (host) => Array.from({ length: 100 }, () => line('GET', `/project-file/${crypto.randomUUID()}`, host)).join('')),
  ];
}
