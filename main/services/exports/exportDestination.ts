import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../ServiceError';

const extensions = { wav: 'wav', flac: 'flac', mp3: 'mp3' } as const;

/**
 * Where an export's file goes: the path the creator chose (its folder must
 * exist, the file must not), or the first free name after the title in the
 * library's exports folder ("Title.wav", "Title (2).wav", …). Asked once
 * before the render, so a taken name is refused early, and again while the
 * ledger is held, when the file is written.
 *
 * @example
 * exportDestination({ format: 'wav' }, 'Orchard Dub', '/data/exports'); // '/data/exports/Orchard Dub.wav'
 */
export function exportDestination(choice: { readonly path?: string; readonly format: keyof typeof extensions }, title: string, exportsDir: string): string {
  if (choice.path) {
    const target = path.resolve(choice.path);
    if (!fs.existsSync(path.dirname(target))) throw new ServiceError('invalid-request', `The folder ${path.dirname(target)} does not exist.`);
    if (fs.existsSync(target)) throw new ServiceError('conflict', `${target} already exists; choose another file name.`);
    return target;
  }
  fs.mkdirSync(exportsDir, { recursive: true });
  const base = title.replace(/[^\p{L}\p{N} ._()'-]+/gu, '_').trim() || 'export';
  for (let n = 1; ; n++) {
    const candidate = path.join(exportsDir, `${base}${n === 1 ? '' : ` (${n})`}.${extensions[choice.format]}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}
