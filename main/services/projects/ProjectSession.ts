import crypto from 'node:crypto';
import { applyCommand, CommandRejected } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import { describeCommand } from '../../../shared/project/describeCommand';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { projectQueries } from '../../db/projectQueries';
import { ServiceError } from '../ServiceError';

export interface HistoryEntry {
  readonly label: string;
  readonly command: Command;
  readonly inverse: Command;
}

export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

/** How long edits may wait before they are written: well inside the promise that at most one second is lost. */
export const AUTOSAVE_DELAY_MS = 250;
const MAX_UNDO = 200;

/**
 * An open project in main: the authoritative document, its undo/redo
 * stacks, and autosave. Edits apply in memory at once (so the editor stays
 * instant) and are written as one revision per burst, at most
 * AUTOSAVE_DELAY_MS later, in one transaction with the undo history — so a
 * crash loses at most that burst and never leaves a half-written project.
 */
export class ProjectSession {
  private pendingLabels: string[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly projectId: string,
    private document: ProjectDocument,
    private revision: number,
    private undoStack: HistoryEntry[],
    private redoStack: HistoryEntry[],
    private readonly queries: ReturnType<typeof projectQueries>,
    private readonly now: () => Date,
    private readonly onSaveError: (error: unknown) => void,
  ) {}

  get current(): ProjectDocument {
    return this.document;
  }

  get headRevision(): number {
    return this.revision;
  }

  history(): HistoryState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }

  /** Applies edits as one undoable step; a rejected edit changes nothing and says why. */
  edit(commands: readonly Command[], label?: string): HistoryState {
    const command: Command = commands.length === 1 ? commands[0]! : { type: 'batch', ...(label ? { label } : {}), commands: [...commands] };
    const inverse = this.apply(command);
    this.undoStack.push({ label: label ?? describeCommand(command), command, inverse });
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    this.redoStack = [];
    this.changed(label ?? describeCommand(command));
    return this.history();
  }

  undo(): HistoryState {
    const entry = this.undoStack.pop();
    if (!entry) throw new ServiceError('conflict', 'There is nothing to undo.');
    this.apply(entry.inverse);
    this.redoStack.push(entry);
    this.changed(`Undo ${entry.label}`);
    return this.history();
  }

  redo(): HistoryState {
    const entry = this.redoStack.pop();
    if (!entry) throw new ServiceError('conflict', 'There is nothing to redo.');
    this.apply(entry.command);
    this.undoStack.push(entry);
    this.changed(`Redo ${entry.label}`);
    return this.history();
  }

  /** Writes pending edits now (autosave calls this; so do close and export). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingLabels.length === 0) return;
    const labels = this.pendingLabels;
    const json = JSON.stringify(this.document);
    this.queries.writeRevision({
      projectId: this.projectId,
      revision: this.revision + 1,
      at: this.now().toISOString(),
      label: labels.length === 1 ? labels[0]! : `${labels.at(-1)} (+${labels.length - 1} more)`,
      documentJson: json,
      documentSha256: crypto.createHash('sha256').update(json).digest('hex'),
      name: this.document.name,
      undoJson: JSON.stringify(this.undoStack),
      redoJson: JSON.stringify(this.redoStack),
    });
    this.revision += 1;
    this.pendingLabels = [];
  }

  private apply(command: Command): Command {
    try {
      const applied = applyCommand(this.document, command);
      this.document = applied.document;
      return applied.inverse;
    } catch (error) {
      if (error instanceof CommandRejected) throw new ServiceError('invalid-request', error.message);
      throw error;
    }
  }

  private changed(label: string): void {
    this.pendingLabels.push(label);
    this.timer ??= setTimeout(() => {
      try {
        this.flush();
      } catch (error) {
        // Keep the edits pending; the next edit or close tries again.
        this.timer = undefined;
        this.onSaveError(error);
      }
    }, AUTOSAVE_DELAY_MS);
  }
}
