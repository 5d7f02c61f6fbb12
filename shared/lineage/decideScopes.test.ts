import { describe, expect, it } from 'vitest';
import type { LicenceScopes } from '../catalog/catalogPackageSchema';
import { masterLicence } from '../../tests/fixtures/recordingFacts';
import { decideScopes, type ExportIntent, type ScopedLicence } from './decideScopes';
import { effectiveScopes } from './licenceScopes';

const scoped = (scopes?: LicenceScopes, key: string | null = 'k'.repeat(64)): ScopedLicence => ({
  licence: { ...masterLicence(), ...(scopes ? { scopes } : {}) },
  licensorName: 'Ember Lane Records',
  packageKeyFingerprint: key,
  label: 'licence L-M of Ember Lane Records',
});
const none = () => undefined;

describe('licence scopes', () => {
  it('a licence without scopes means what stemroom-catalog/1 meant: every channel, no AI use, no approval', () => {
    expect(effectiveScopes({})).toEqual({
      channels: ['streaming-distribution', 'social-only', 'non-commercial', 'sync-on-request'],
      aiUse: { 'voice-model': false, training: false },
      approvalRequired: false,
    });
  });

  it.each<[string, LicenceScopes | undefined, ExportIntent, string[]]>([
    ['no scopes, any channel', undefined, { channel: 'sync-on-request' }, []],
    ['no scopes, an AI use', undefined, { channel: 'social-only', aiUse: 'voice-model' }, ['ai-use-not-permitted']],
    ['a channel not named', { channels: ['social-only'] }, { channel: 'streaming-distribution' }, ['channel-not-permitted']],
    ['a channel named', { channels: ['social-only', 'non-commercial'] }, { channel: 'non-commercial' }, []],
    ['an AI use allowed', { aiUse: { training: true } }, { channel: 'social-only', aiUse: 'training' }, []],
    ['an AI use not allowed', { aiUse: { training: true } }, { channel: 'social-only', aiUse: 'voice-model' }, ['ai-use-not-permitted']],
    ['approval required, none recorded', { approvalRequired: true }, { channel: 'social-only' }, ['approval-missing']],
  ])('%s', (_, scopes, intent, codes) => {
    expect(decideScopes([scoped(scopes)], intent, none).reasons.map((r) => r.code)).toEqual(codes);
  });

  it('an approval counts only when signed by the licence package key, and the record gets its signature', () => {
    const licence = scoped({ approvalRequired: true });
    const found = decideScopes([licence], { channel: 'social-only' }, (id, key) => (id === 'L-M' && key === 'k'.repeat(64) ? { signature: 'sig' } : undefined));
    expect(found).toMatchObject({ reasons: [], approvals: [{ licence: 'L-M', keyFingerprint: 'k'.repeat(64), signature: 'sig' }] });
    const unsigned = decideScopes([scoped({ approvalRequired: true }, null)], { channel: 'social-only' }, () => ({ signature: 'sig' }));
    expect(unsigned.reasons[0]!.message).toMatch(/its package is unsigned, so no approval can be verified/);
  });
});
