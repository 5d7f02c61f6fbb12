import { useEffect } from 'react';
import { applyCommand } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { StudioSession } from './StudioSession';
import type { RecorderState } from './StudioRecorder';
import { residualDb } from '../../../shared/dsp/residualDb';
import type { EnginePosition, EngineState } from '../../../engine/browser/live/EngineState';
import type { StreamStats } from '../../../engine/browser/live/streaming/LiveStreams';
import { captureLive, type LiveCapture } from './captureLive';

/** What an offline render in the page measured. */
export interface RenderReport {
  readonly sampleRate: number;
  readonly frames: number;
  readonly contentSeconds: number;
  readonly rmsDb: number;
  readonly peakDb: number;
  /** SHA-256 of the rendered float samples (bit-identity checks). */
  readonly sha256: string;
}

declare global {
  interface Window {
    /** A small scripting surface of the open studio, for automation and end-to-end tests. */
    stemroomStudio?: {
      readonly projectId: string;
      /** The document as the studio shows it now. */
      readonly document: ProjectDocument;
      /** The recorder's state: input, latency, the last calibration (click times) and the last take's placement. */
      readonly recorder: RecorderState;
      /** The live engine's state (status, playing, underruns…) and position, as the studio shows them. */
      readonly engine: EngineState & EnginePosition & { readonly stream: StreamStats };
      /** Renders the current document — optionally with extra commands applied first, without committing them. */
      renderOffline(variation?: Command[], options?: { includeTail?: boolean; compareWith?: Command[] }): Promise<RenderReport & { nullDb?: number }>;
      /** Plays `seconds` from `fromBeat` (loop off) while capturing the master output sample-exactly, then pauses. */
      captureLive(fromBeat: number, seconds: number, via?: 'playAt' | 'play'): Promise<LiveCapture>;
    };
  }
}

async function digest(channels: readonly Float32Array[]): Promise<string> {
  const bytes = new Uint8Array(channels.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of channels) {
    bytes.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), offset);
    offset += c.byteLength;
  }
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Exposes `window.stemroomStudio` while a project is open: offline renders measured in the page. */
export function useStudioAutomation(session: StudioSession): void {
  useEffect(() => {
    const render = async (commands: Command[] | undefined, includeTail: boolean) => {
      const doc = (commands ?? []).reduce((d, c) => applyCommand(d, c).document, session.document);
      return session.engine.renderOffline(doc, includeTail);
    };
    window.stemroomStudio = {
      projectId: session.projectId,
      get document() {
        return session.document;
      },
      get recorder() {
        return session.recorder.state.get();
      },
      get engine() {
        return { ...session.engine.state.get(), ...session.engine.position.get(), stream: session.engine.streamStats };
      },
      async renderOffline(variation, options = {}) {
        const mix = await render(variation, options.includeTail ?? true);
        let sum = 0;
        let peak = 0;
        for (const c of mix.channels) {
          for (const v of c) {
            sum += v * v;
            peak = Math.max(peak, Math.abs(v));
          }
        }
        const frames = mix.channels[0]!.length;
        const report: RenderReport & { nullDb?: number } = {
          sampleRate: mix.sampleRate,
          frames,
          contentSeconds: mix.contentSeconds,
          rmsDb: 10 * Math.log10(sum / (frames * mix.channels.length) || 1e-30),
          peakDb: 20 * Math.log10(peak || 1e-15),
          sha256: await digest(mix.channels),
        };
        if (options.compareWith) {
          const other = await render(options.compareWith, options.includeTail ?? true);
          report.nullDb = residualDb(mix.channels, other.channels);
        }
        return report;
      },
      captureLive: (fromBeat, seconds, via) => captureLive(session.engine, fromBeat, seconds, via),
    };
    return () => {
      delete window.stemroomStudio;
    };
  }, [session]);
}
