import type { Command } from './commandSchema';
import type { Source } from './documentSchema';

/**
 * Every source a list of edit commands would put into a document: added
 * sources, the sources of a replacing document, and those inside batches.
 * What the identity checks must see before an edit is applied.
 *
 * @example
 * sourcesIntroducedBy([{ type: 'batch', commands: [{ type: 'addSource', source }] }]); // [source]
 */
export function sourcesIntroducedBy(commands: readonly Command[]): Source[] {
  return commands.flatMap((command): Source[] => {
    if (command.type === 'addSource') return [command.source];
    if (command.type === 'replaceDocument') return [...command.document.sources];
    if (command.type === 'batch') return sourcesIntroducedBy(command.commands);
    return [];
  });
}
