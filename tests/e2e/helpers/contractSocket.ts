import { WebSocket } from 'ws';
import type { Channel, RequestOf, ResponseOf, Result } from '../../../shared/contract';

/** A raw contract client over the browser host's WebSocket, for tests that drive a real `stemroom serve`. */
export class ContractSocket {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: Result<unknown> };
      if (typeof message.id === 'number') {
        this.pending.get(message.id)?.(message.result!);
        this.pending.delete(message.id);
      }
    });
  }

  static connect(url: string): Promise<ContractSocket> {
    const { origin, port, searchParams } = new URL(url);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${searchParams.get('token')}`, { headers: { Origin: origin } });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new ContractSocket(socket)));
      socket.once('error', reject);
    });
  }

  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (result) => (result.ok ? resolve(result.value as ResponseOf<C>) : reject(new Error(result.error.message))));
      this.socket.send(JSON.stringify({ id, channel, request }));
    });
  }

  close(): void {
    this.socket.terminate();
  }
}
