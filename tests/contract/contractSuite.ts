import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../renderer/bridge';
import type { StemroomServices } from '../../main/services/StemroomServices';
import { latestSchemaVersion } from '../../main/db/migrations';

export interface ContractHarness {
  readonly bridge: Bridge;
  readonly services: StemroomServices;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * The contract's behaviour, written once and run against every transport
 * (Electron IPC through the real preload, and the browser host's WebSocket):
 * whatever carries it, the renderer must see the same answers.
 */
export function describeContract(transportName: string, open: () => Promise<ContractHarness>): void {
  describe(`contract over ${transportName}`, () => {
    let harness: ContractHarness;
    beforeAll(async () => {
      harness = await open();
    });
    afterAll(() => harness.close());

    it('answers library.info with facts read from SQLite', async () => {
      const info = await harness.bridge.call('library.info', {});
      expect(info.dataDir).toBe(harness.dataDir);
      expect(info.schemaVersion).toBe(latestSchemaVersion);
      expect(info.libraryId).toMatch(/^[0-9a-f]{32}$/);
      expect(info.host).toBe(transportName === 'electron ipc' ? 'electron' : 'browser');
    });

    it('refuses a request that does not match its schema, naming the field', async () => {
      const result = await harness.bridge.transport.invoke('library.info', { surprise: 1 } as never);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(/surprise/);
    });

    it('refuses a channel that is not in the contract', async () => {
      const result = await harness.bridge.transport.invoke('library.dropTables' as never, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    });

    it('delivers service events to subscribers, validated', async () => {
      const received = new Promise((resolve) => {
        const off = harness.bridge.on('library.changed', (payload) => {
          off();
          resolve(payload);
        });
      });
      await new Promise((r) => setTimeout(r, 50));
      harness.services.events.emit('library.changed', { area: 'catalog' });
      await expect(received).resolves.toEqual({ area: 'catalog' });
    });

    it('reports progress and cancellation of long tasks', async () => {
      const progress: unknown[] = [];
      const off = harness.bridge.on('task.progress', (p) => progress.push(p));
      await new Promise((r) => setTimeout(r, 50));
      const running = harness.services.tasks.run('task-contract-1', async (task) => {
        task.progress('Working', 0, 2);
        await new Promise((r) => setTimeout(r, 100));
        task.throwIfCancelled();
        return 'finished';
      });
      expect(await harness.bridge.call('task.cancel', { taskId: 'task-contract-1' })).toEqual({ cancelled: true });
      await expect(running).rejects.toThrow(/Cancelled/);
      expect(await harness.bridge.call('task.cancel', { taskId: 'task-contract-1' })).toEqual({ cancelled: false });
      off();
      expect(progress).toContainEqual({ taskId: 'task-contract-1', label: 'Working', done: 0, total: 2 });
    });
  });
}
