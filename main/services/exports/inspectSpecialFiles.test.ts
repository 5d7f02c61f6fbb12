import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';

let services: StemroomServices | undefined;
afterEach(() => services?.close());

it('inspect refuses a FIFO or a device with one line instead of hanging or reading forever', async () => {
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null });
  const fifo = path.join(tempDir(), 'export.wav');
  execFileSync('mkfifo', [fifo]);
  await expect(callContract(services, 'exports.inspect', { source: { path: fifo } })).rejects.toThrow(
    /^.*export\.wav: is a FIFO \(named pipe\), not a regular file\.$/,
  );
  await expect(callContract(services, 'exports.inspect', { source: { path: '/dev/zero' } })).rejects.toThrow(
    /^\/dev\/zero: is a device, not a regular file\.$/,
  );
});

it('a FIFO named .zip is not taken for a delivery bundle (checking for one never waits on it)', async () => {
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null });
  const fifo = path.join(tempDir(), 'bundle.zip');
  execFileSync('mkfifo', [fifo]);
  await expect(callContract(services, 'exports.inspect', { source: { path: fifo } })).rejects.toThrow(
    /bundle\.zip: is a FIFO \(named pipe\), not a regular file\.$/,
  );
});
