import type { Bridge } from '../../bridge';
import type { OpenProject } from '../../../shared/contract/projectsContract';
import { applyCommand, CommandRejected } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { Store } from '../../../engine/browser/Store';
import type { Engine } from '../../../engine/browser/live/Engine';
import { notifications } from '../../app/Notifications';
import { StudioRecorder } from './StudioRecorder';

export type Snap = 'bar' | 'beat' | 'off';

export interface StudioState {
  readonly open: OpenProject | null;
  readonly document: ProjectDocument | null;
  readonly history: OpenProject['history'];
  readonly selectedClipId: string | null;
  readonly selectedTrackId: string | null;
  /** Pixels per second of timeline. */
  readonly zoom: number;
  readonly snap: Snap;
  readonly saving: boolean;
}

const noHistory = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
export const MIN_ZOOM = 2;
/** One pixel per sample at 48 kHz: the deepest zoom. */
export const MAX_ZOOM = 48000;

/**
 * The studio's state in the page, outside React: the document, the undo
 * state, the selection and the view. Every edit goes through `edit`:
 * applied here at once (the same pure commands as main), played by the
 * engine, and sent to main, which is authoritative — if main refuses, the
 * document is reloaded and the reason shown.
 */
export class StudioSession {
  readonly state = new Store<StudioState>({
    open: null,
    document: null,
    history: noHistory,
    selectedClipId: null,
    selectedTrackId: null,
    zoom: 40,
    snap: 'beat',
    saving: false,
  });
  private queue: Promise<unknown> = Promise.resolve();
  /** Takes, inputs and latency for this project's record tracks. */
  readonly recorder: StudioRecorder;
  /** Where the transport last started playing (Stop returns there). */
  private playStartBeat = 0;

  constructor(
    private readonly bridge: Bridge,
    readonly engine: Engine,
    readonly projectId: string,
  ) {
    this.recorder = new StudioRecorder(this, bridge);
    // However play starts (button, Space, recording), remember the beat it started from.
    let playing = engine.state.get().playing;
    engine.state.subscribe(() => {
      const state = engine.state.get();
      if (state.playing && !playing) this.playStartBeat = engine.position.get().positionBeats;
      playing = state.playing;
    });
  }

  /**
   * Stop, as DAWs do: while playing, stop and return to where play started;
   * when already stopped, return to the start. (Pause stays where it is.)
   */
  stop(): void {
    if (this.engine.state.get().playing) {
      this.engine.pause();
      this.engine.seek(this.playStartBeat);
    } else this.engine.stop();
  }

  /** Shows the opened project: the editor at once; the engine reads its sources' headers meanwhile (a few ms) and is ready to stream. */
  load(open: OpenProject): void {
    this.state.set({ open, document: open.document, history: open.history });
    void this.engine.setDocument(open.document);
  }

  get document(): ProjectDocument {
    const document = this.state.get().document;
    if (!document) throw new Error('The project is not open.');
    return document;
  }

  /** Applies commands as one undoable step. Returns false (and says why) when the edit is invalid. */
  edit(commands: Command[], label?: string): boolean {
    if (commands.length === 0) return true;
    const command: Command = commands.length === 1 ? commands[0]! : { type: 'batch', ...(label ? { label } : {}), commands };
    let document: ProjectDocument;
    try {
      document = applyCommand(this.document, command).document;
    } catch (error) {
      if (error instanceof CommandRejected) notifications.error(error.message);
      else throw error;
      return false;
    }
    this.show(document);
    this.state.set({ saving: true });
    const sourcesChanged = touchesSources(command);
    this.enqueue(async () => {
      const history = await this.bridge.call('projects.edit', { projectId: this.projectId, commands, ...(label ? { label } : {}) });
      this.state.set({ history, saving: false });
      if (sourcesChanged) await this.refreshRights();
    });
    return true;
  }

  /**
   * Like `edit`, but main hears of it through `send` — the command bar's
   * `projects.command`, which re-reads the sentence and re-checks the
   * licences before applying. One undo step labelled `label`.
   */
  editVia(commands: Command[], label: string, send: () => Promise<OpenProject['history']>): boolean {
    let document: ProjectDocument;
    try {
      document = applyCommand(this.document, { type: 'batch', label, commands }).document;
    } catch (error) {
      if (error instanceof CommandRejected) notifications.error(error.message);
      else throw error;
      return false;
    }
    this.show(document);
    this.state.set({ saving: true });
    this.enqueue(async () => {
      this.state.set({ history: await send(), saving: false });
      if (touchesSources({ type: 'batch', commands })) await this.refreshRights();
    });
    return true;
  }

  /** Shows a document without recording an edit (while a fader or a clip is being dragged). */
  preview(commands: Command[]): void {
    try {
      this.show(commands.reduce((doc, command) => applyCommand(doc, command).document, this.document));
    } catch (error) {
      if (!(error instanceof CommandRejected)) throw error;
    }
  }

  undo(): void {
    this.enqueue(async () => {
      const { document, history } = await this.bridge.call('projects.undo', { projectId: this.projectId });
      this.state.set({ history });
      this.show(document);
      await this.refreshRights();
    });
  }

  redo(): void {
    this.enqueue(async () => {
      const { document, history } = await this.bridge.call('projects.redo', { projectId: this.projectId });
      this.state.set({ history });
      this.show(document);
      await this.refreshRights();
    });
  }

  /** Restores a stored revision (itself undoable). */
  restoreRevision(revision: number): void {
    this.enqueue(async () => {
      const { document, history } = await this.bridge.call('projects.restoreRevision', { projectId: this.projectId, revision });
      this.state.set({ history });
      this.show(document);
      await this.refreshRights();
    });
  }

  /** Re-reads the licence state of the sources (a stem from another recording was added). */
  async refreshRights(): Promise<void> {
    const open = this.state.get().open;
    if (!open) return;
    const { rights, missing } = await this.bridge.call('projects.rights', { projectId: this.projectId });
    this.state.set({ open: { ...open, rights, missing } });
  }

  select(clipId: string | null, trackId?: string | null): void {
    const clip = clipId ? this.document.clips.find((c) => c.id === clipId) : undefined;
    this.state.set({ selectedClipId: clipId, selectedTrackId: trackId ?? clip?.trackId ?? this.state.get().selectedTrackId });
  }

  setZoom(zoom: number): void {
    this.state.set({ zoom: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom)) });
  }

  setSnap(snap: Snap): void {
    this.state.set({ snap });
  }

  /** Snaps a beat position to the grid. */
  snapBeat(beat: number): number {
    const { snap } = this.state.get();
    if (snap === 'off') return Math.max(0, beat);
    const unit = snap === 'bar' ? this.document.timeSignature[0] : 1;
    return Math.max(0, Math.round(beat / unit) * unit);
  }

  /** A fresh id for a new clip, track, marker or effect. */
  newId(prefix: string): string {
    return `${prefix}-${crypto.getRandomValues(new Uint32Array(2)).join('').slice(0, 12)}`;
  }

  private show(document: ProjectDocument): void {
    this.state.set({ document });
    void this.engine.setDocument(document);
  }

  /** Edits reach main in order; a refusal there reloads the authoritative document. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(async (error: Error) => {
      notifications.error(error.message);
      const open = await this.bridge.call('projects.open', { projectId: this.projectId }).catch(() => null);
      if (open) {
        this.state.set({ open, history: open.history, saving: false });
        this.show(open.document);
      }
    });
  }
}

/** Whether a command adds or removes sources (their licence state must then be re-read). */
function touchesSources(command: Command): boolean {
  if (command.type === 'batch') return command.commands.some(touchesSources);
  return command.type === 'addSource' || command.type === 'removeSource' || command.type === 'replaceDocument';
}
