import type { Bridge } from '../../../bridge';
import { candidateCommand, interpretCommand, type Candidate, type Interpretation } from '../../../../shared/command/interpretCommand';
import { applyCommand } from '../../../../shared/project/applyCommand';
import type { ProjectDocument } from '../../../../shared/project/documentSchema';
import { Store } from '../../../../engine/browser/Store';
import { notifications } from '../../../app/Notifications';
import type { StudioSession } from '../StudioSession';

export interface CommandBarState {
  readonly open: boolean;
  readonly text: string;
  readonly interpretation: Interpretation | null;
  /** Index of the highlighted candidate (previewed), or -1. */
  readonly active: number;
  /** The highlighted candidate's resulting document, drawn as ghosts over the timeline; never written. */
  readonly preview: { readonly before: ProjectDocument; readonly after: ProjectDocument; readonly candidate: Candidate } | null;
  /** One line for the bar itself (why Enter did nothing, what was applied). */
  readonly message: string | null;
  /** Where "here" was when the sentence was read (the service reads it with the same playhead). */
  readonly playheadBeat: number | undefined;
}

const closed: CommandBarState = { open: false, text: '', interpretation: null, active: -1, preview: null, message: null, playheadBeat: undefined };

/**
 * The command bar's state, outside React (like StudioSession): the
 * sentence, its candidates (read here, on every keystroke, by the same
 * pure interpreter the service uses), which one is highlighted, and its
 * preview — ghosts on the timeline, and while playing the engine plays
 * the candidate's document. Enter applies it through `projects.command`
 * (one undo step named by the sentence); Escape puts everything back.
 */
export class CommandBarModel {
  readonly state = new Store<CommandBarState>(closed);
  /** Whether the engine is currently playing a preview document (restored on close). */
  private engineShowsPreview = false;

  constructor(
    private readonly session: StudioSession,
    private readonly bridge: Bridge,
  ) {}

  open(): void {
    if (this.state.get().open) return;
    this.state.set({ ...closed, open: true });
  }

  /** Closes without applying: the preview goes, the engine plays the real document again. */
  close(): void {
    this.restoreEngine();
    this.state.set(closed);
  }

  setText(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return void this.state.set({ text, interpretation: null, active: -1, preview: null, message: null });
    const open = this.session.state.get().open;
    const playheadBeat = this.playhead();
    const interpretation = interpretCommand(text, {
      document: this.session.document,
      rights: open?.rights ?? {},
      ...(playheadBeat === undefined ? {} : { playheadBeat }),
    });
    this.state.set({ text, interpretation, message: null, playheadBeat });
    this.highlight(interpretation.candidates.length ? 0 : -1);
  }

  /** Moves the highlight (arrow keys), wrapping, and previews that candidate. */
  move(delta: number): void {
    const count = this.state.get().interpretation?.candidates.length ?? 0;
    if (count === 0) return;
    const active = this.state.get().active;
    this.highlight(((((active < 0 ? (delta > 0 ? -1 : 0) : active) + delta) % count) + count) % count);
  }

  highlight(index: number): void {
    const candidate = this.state.get().interpretation?.candidates[index];
    if (!candidate) {
      this.state.set({ active: -1, preview: null });
      this.restoreEngine();
      return;
    }
    const before = this.session.document;
    let after: ProjectDocument;
    try {
      after = applyCommand(before, candidateCommand(this.state.get().text, candidate)).document;
    } catch {
      this.state.set({ active: index, preview: null });
      return;
    }
    this.state.set({ active: index, preview: { before, after, candidate } });
    if (this.session.engine.state.get().playing) {
      this.engineShowsPreview = true;
      void this.session.engine.setDocument(after);
    }
  }

  /** Enter: applies the highlighted candidate as one undo step, unless a licence forbids it. */
  apply(index = this.state.get().active): boolean {
    const { interpretation, text } = this.state.get();
    const candidate = interpretation?.candidates[index];
    if (!interpretation || !candidate) {
      this.state.set({ message: interpretation?.problem ?? 'Type what to change, then pick a reading.' });
      return false;
    }
    if (!candidate.licence.allowed) {
      this.state.set({ message: `Reading ${candidate.rank} cannot be applied: ${candidate.licence.reasons[0] ?? 'a licence forbids it.'}` });
      return false;
    }
    const command = candidateCommand(text, candidate);
    const label = command.type === 'batch' ? (command.label ?? text) : text;
    const { playheadBeat } = this.state.get();
    this.engineShowsPreview = false;
    const applied = this.session.editVia([...candidate.commands], label, async () => {
      const result = await this.bridge.call('projects.command', {
        projectId: this.session.projectId,
        text,
        apply: candidate.rank,
        expect: [...candidate.commands],
        ...(playheadBeat === undefined ? {} : { playheadBeat }),
      });
      if (!result.applied) throw new Error('The library did not apply the reading.');
      return result.applied.history;
    });
    if (applied) {
      notifications.info(`Applied: ${candidate.description}`);
      this.state.set(closed);
    }
    return applied;
  }

  private playhead(): number | undefined {
    const beat = this.session.engine.position.get().positionBeats;
    return Number.isFinite(beat) && beat >= 0 ? Math.round(beat * 1000) / 1000 : undefined;
  }

  private restoreEngine(): void {
    if (!this.engineShowsPreview) return;
    this.engineShowsPreview = false;
    void this.session.engine.setDocument(this.session.document);
  }
}
