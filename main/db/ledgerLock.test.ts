import path from 'node:path';
import { expect, it } from 'vitest';
import { acquireLedgerLock, tryLedgerLock } from './ledgerLock';
import { tempDir } from '../../tests/helpers/tempDir';

it('is held by one holder at a time, and a waiter gets it when it is released', async () => {
  const file = path.join(tempDir(), 'ledger.lock');
  const first = tryLedgerLock(file)!;
  expect(first).not.toBeNull();
  expect(tryLedgerLock(file)).toBeNull();
  expect(await acquireLedgerLock(file, 30)).toBeNull();
  setTimeout(() => first.release(), 50);
  const second = await acquireLedgerLock(file, 5_000);
  expect(second).not.toBeNull();
  second!.release();
  second!.release(); // twice is harmless
  tryLedgerLock(file)!.release();
});
