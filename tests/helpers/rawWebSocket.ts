import crypto from 'node:crypto';
import net from 'node:net';

/** Where a browser host listens and the token that opens it. */
export interface HostAddress {
  readonly port: number;
  readonly token: string;
}

export interface FrameOptions {
  readonly opcode: number;
  readonly payload?: Uint8Array;
  readonly fin?: boolean;
  /** RSV1..3 as bits 0b100, 0b010, 0b001. */
  readonly rsv?: number;
  /** Clients must mask; false sends an unmasked frame. */
  readonly mask?: boolean;
  /** The length the header claims, when it should differ from the payload's (truncated or oversized frames). */
  readonly claimedLength?: number | bigint;
}

/**
 * One WebSocket frame built byte by byte (RFC 6455 §5.2), so a test can
 * send what no WebSocket library would: reserved opcodes, RSV bits, unmasked
 * or lying lengths.
 */
export function frame({ opcode, payload = new Uint8Array(0), fin = true, rsv = 0, mask = true, claimedLength }: FrameOptions): Buffer {
  const length = BigInt(claimedLength ?? payload.length);
  const head = [((fin ? 1 : 0) << 7) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(Number(length));
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(length);
  }
  const key = mask ? crypto.randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload);
  if (mask) for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), extended, key, body]);
}

/** A close frame's payload: a status code and a reason. */
export function closePayload(code: number, reason: Uint8Array = new Uint8Array(0)): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(code);
  return Buffer.concat([bytes, reason]);
}

/** A TCP connection that has completed a valid WebSocket upgrade with the host; frames are then written raw. */
export async function upgradedSocket(host: HostAddress): Promise<net.Socket> {
  const socket = net.connect(host.port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    [
      `GET /ws?token=${host.token} HTTP/1.1`,
      `Host: 127.0.0.1:${host.port}`,
      `Origin: http://127.0.0.1:${host.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const head = await readUntil(socket, '\r\n\r\n');
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`);
  return socket;
}

/**
 * Writes raw bytes on a fresh connection (or `socket`) and collects what
 * comes back until the host closes it, goes quiet for 20 ms after answering,
 * or `waitMs` pass without an answer.
 */
export async function exchange(port: number, bytes: Uint8Array | string, waitMs = 150, socket?: net.Socket): Promise<Buffer> {
  const connection = socket ?? net.connect(port, '127.0.0.1');
  connection.on('error', () => undefined);
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve) => {
    let timer = setTimeout(resolve, waitMs);
    connection.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(resolve, 20);
    });
    connection.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    connection.write(bytes);
  });
  connection.destroy();
  return Buffer.concat(chunks);
}

function readUntil(socket: net.Socket, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes(marker)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`connection closed before "${JSON.stringify(marker)}"`)));
  });
}
