import { describe, expect, it } from 'vitest';
import { exportIdentity } from './exportIdentity';
import { formatWhen } from './formatWhen';

describe('exportIdentity', () => {
  it('names format, revision, time to the second and ledger entry', () => {
    const at = '2026-12-01T17:02:03Z';
    expect(exportIdentity({ format: 'flac', revision: 4, createdAt: at, ledgerPosition: 2 })).toBe(`FLAC · rev 4 · ${formatWhen(at)} · #2`);
    expect(exportIdentity({ format: 'wav', createdAt: at })).toBe(`WAV · ${formatWhen(at)}`);
  });

  it('two exports a second apart read differently', () => {
    const a = exportIdentity({ format: 'wav', createdAt: '2026-12-01T17:02:03Z' });
    const b = exportIdentity({ format: 'wav', createdAt: '2026-12-01T17:02:04Z' });
    expect(a).not.toBe(b);
  });

  it('keeps a stored time it cannot read as it is', () => {
    expect(formatWhen('yesterday')).toBe('yesterday');
  });
});
