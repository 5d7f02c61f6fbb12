import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { exportChannels } from '../../../shared/catalog/catalogPackageSchema';

/**
 * `stemroom approval request PROJECT --licence ID --out FILE [--channel C]`:
 * what a licensor signs to approve this exact project revision.
 *
 * @example
 * $ stemroom approval request 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b --licence KD-M-0042 --channel social-only --out approval-request.json
 * Wrote /home/mara/music/approval-request.json: send it to the licensor of KD-M-0042; import what they sign with stemroom approval import FILE.
 */
export const approvalRequestCommand: Command = {
  name: 'approval request',
  summary: "Write the approval request a licensor signs (a licence with approval-required) for the project's current revision",
  usage: `PROJECT_ID --licence ID --out FILE [--channel ${exportChannels.join('|')}]`,
  options: { licence: { type: 'string' }, out: { type: 'string' }, channel: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one project id');
    if (typeof values.licence !== 'string') throw new UsageError('name the licence with --licence ID');
    if (typeof values.out !== 'string') throw new UsageError('name the request file with --out FILE');
    if (values.channel !== undefined && !exportChannels.includes(values.channel as never))
      throw new UsageError(`--channel is one of ${exportChannels.join(', ')}`);
    const target = path.resolve(values.out);
    if (fs.existsSync(target)) throw new Error(`${target} already exists`);
    const request = await callContract(await services(), 'approvals.request', {
      projectId: positionals[0]!,
      licenceId: values.licence,
      ...(values.channel ? { channel: values.channel as 'social-only' } : {}),
    });
    fs.writeFileSync(target, `${JSON.stringify(request, null, 2)}\n`, { flag: 'wx' });
    out.result(
      { path: target, request },
      () => `Wrote ${target}: send it to the licensor of ${request.licence}; import what they sign with stemroom approval import FILE.`,
    );
  },
};
