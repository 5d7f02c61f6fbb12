import type { Command as EditCommand } from '../../../shared/project/commandSchema';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/** One edit command in a line: its type and the fields that say what it does. */
function commandLine(command: EditCommand): string {
  const { type, ...rest } = command;
  const fields = Object.entries(rest)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  const line = `${type} ${fields}`;
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * `stemroom project command PROJECT "TEXT" [--apply N]`: the English
 * command bar from the terminal. Prints the candidate readings (rank,
 * description, the edit commands, the licence check) without changing
 * anything; `--apply N` applies reading N as one undo step labelled with
 * the sentence (refused, nothing written, when it would break a licence).
 *
 * @example
 * $ stemroom project command 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b "mute the drums"
 * "mute the drums" — 2 readings:
 *   1. Mute Drums
 *        updateTrack trackId="trk-kd-cs-drums" changes={"mute":true}
 *   2. Turn off every clip of Drums (the track itself stays unmuted)
 *        updateClip clipId="clip-kd-cs-drums" changes={"active":false}
 * Apply one with --apply N.
 * $ stemroom project command 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b "mute the drums" --apply 1
 * Applied 1: Mute Drums
 * History: "mute the drums" (undo it in the studio, Ctrl+Z).
 */
export const projectCommandCommand: Command = {
  name: 'project command',
  summary: 'Read an English sentence as candidate edits of a project (3–5, licence-checked); --apply N applies one',
  usage: 'PROJECT_ID "TEXT" [--apply N]',
  options: { apply: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    const [projectId, ...words] = positionals;
    if (!projectId || words.length === 0) throw new UsageError('name a project id and a sentence in quotes');
    const text = words.join(' ');
    let apply: number | undefined;
    if (values.apply !== undefined) {
      if (typeof values.apply !== 'string' || !/^[0-9]{1,6}$/.test(values.apply) || Number(values.apply) < 1)
        throw new UsageError('--apply takes the number of a reading, e.g. --apply 1');
      apply = Number(values.apply);
    }
    const result = await callContract(await services(), 'projects.command', { projectId, text, ...(apply === undefined ? {} : { apply }) });
    if (result.candidates.length === 0) throw new Error(result.problem ?? 'That sentence has no reading for this project.');
    out.result(result, () => {
      const lines: string[] = [];
      if (result.corrections.length) lines.push(`(read ${result.corrections.map((c) => `"${c.from}" as "${c.to}"`).join(', ')})`);
      if (result.applied) {
        const applied = result.candidates[result.applied.rank - 1]!;
        lines.push(`Applied ${result.applied.rank}: ${applied.description}`, `History: "${result.applied.history.undoLabel}" (undo it in the studio, Ctrl+Z).`);
        return lines;
      }
      lines.push(`"${result.text.trim()}" — ${result.candidates.length} reading${result.candidates.length === 1 ? '' : 's'}:`);
      for (const c of result.candidates) {
        lines.push(`  ${c.rank}. ${c.licence.allowed ? '' : '✗ '}${c.description}`);
        for (const reason of c.licence.reasons) lines.push(`       refused: ${reason}`);
        for (const command of c.commands.slice(0, 6)) lines.push(`       ${commandLine(command)}`);
        if (c.commands.length > 6) lines.push(`       … ${c.commands.length - 6} more`);
      }
      lines.push('Apply one with --apply N.');
      return lines;
    });
  },
};
