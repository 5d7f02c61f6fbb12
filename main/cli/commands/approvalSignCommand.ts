import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { signApproval } from '../../trust/approvalSignature';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';

/**
 * `stemroom approval sign REQUEST --key FILE --out FILE [--valid-until DATE]`:
 * the licensor approves a creator's request with the key their package is
 * signed with. Needs no library.
 *
 * @example
 * $ stemroom approval sign approval-request.json --key kite-district.key --out approval.json --valid-until 2027-06-30
 * Approved Copper Sky (night mix) (revision 3) for social-only under KD-M-0042, signed with key ed84 be27 2123 fc0f dd54 e83e 916a 832f: /home/mara/approval.json
 */
export const approvalSignCommand: Command = {
  name: 'approval sign',
  summary: "Sign a creator's approval request with your package key (licensors)",
  usage: 'REQUEST_FILE --key FILE --out FILE [--valid-until YYYY-MM-DD]',
  options: { key: { type: 'string' }, out: { type: 'string' }, 'valid-until': { type: 'string' } },
  async run({ positionals, values, out }) {
    if (positionals.length !== 1) throw new UsageError('name one request file');
    if (typeof values.key !== 'string') throw new UsageError('name your private key with --key FILE');
    if (typeof values.out !== 'string') throw new UsageError('name the approval file with --out FILE');
    const validUntil = values['valid-until'];
    if (validUntil !== undefined && (typeof validUntil !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(validUntil)))
      throw new UsageError('--valid-until is a date, YYYY-MM-DD');
    const read = (file: string, what: string) => {
      try {
        return fs.readFileSync(path.resolve(file), 'utf8');
      } catch {
        throw new Error(`${file}: cannot read the ${what}`);
      }
    };
    let request: unknown;
    try {
      request = JSON.parse(read(positionals[0]!, 'request'));
    } catch (error) {
      throw new Error(`${positionals[0]}: ${(error as Error).message}`);
    }
    const approval = signApproval(request, read(values.key, 'key file'), new Date(), validUntil as string | undefined);
    const { fingerprint, ...body } = approval;
    const target = path.resolve(values.out);
    fs.writeFileSync(target, `${JSON.stringify(body, null, 2)}\n`, { flag: 'wx' });
    out.result(
      { path: target, fingerprint },
      () =>
        `Approved ${approval.project.name} (revision ${approval.project.revision}) for ${approval.channel} under ${approval.licence}, signed with key ${displayFingerprint(fingerprint)}: ${target}`,
    );
  },
};
