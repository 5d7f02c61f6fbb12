import * as Tone from 'tone';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { audibleTracks } from '../../../shared/project/audibleTracks';
import { beatsToSeconds, arrangementEnd } from '../../../shared/project/timing';

/**
 * The benchmark peer for offline renders: the same arrangement rendered the
 * way a typical Tone.js app does it — Tone.Offline, a Tone.Player per clip
 * synced to the Transport, Tone.EQ3 / Tone.Reverb per track, Tone.Channel
 * for volume and pan. No tempo or pitch processing (the benchmark project
 * plays at its stems' tempo) and no determinism guarantees (Tone.Reverb
 * uses Math.random). Not used by the app itself.
 */
export async function renderWithToneOffline(document: ProjectDocument, buffers: ReadonlyMap<string, AudioBuffer>, tailSeconds = 3): Promise<Tone.ToneAudioBuffer> {
  const seconds = beatsToSeconds(arrangementEnd(document), document.bpm) + tailSeconds;
  const audible = audibleTracks(document.tracks);
  const sources = new Map(document.sources.map((s) => [s.id, s]));
  return Tone.Offline(async ({ transport }) => {
    transport.bpm.value = document.bpm;
    const master = new Tone.Volume(document.master.gainDb).toDestination();
    for (const track of document.tracks) {
      if (!audible.has(track.id)) continue;
      const channel = new Tone.Channel({ volume: track.gainDb, pan: track.pan });
      let head: Tone.ToneAudioNode = channel;
      const chain: Tone.ToneAudioNode[] = [];
      for (const effect of track.effects) {
        if (!effect.enabled) continue;
        const p = effect.params;
        if (p.type === 'eq3') chain.push(new Tone.EQ3({ low: p.lowDb, mid: p.midDb, high: p.highDb, lowFrequency: p.lowHz, highFrequency: p.highHz }));
        else if (p.type === 'reverb') {
          const reverb = new Tone.Reverb({ decay: p.decaySec, preDelay: p.preDelayMs / 1000, wet: p.mix });
          await reverb.ready;
          chain.push(reverb);
        }
      }
      const input = new Tone.Gain();
      input.chain(...chain, channel);
      head = input;
      channel.connect(master);
      for (const clip of document.clips) {
        if (clip.trackId !== track.id || !clip.active) continue;
        const source = sources.get(clip.sourceId);
        const buffer = source && buffers.get(source.sha256);
        if (!buffer) continue;
        const player = new Tone.Player(buffer).connect(head);
        player.sync().start(beatsToSeconds(clip.start, document.bpm), clip.sourceOffset, beatsToSeconds(clip.length, document.bpm));
      }
    }
    transport.start(0);
  }, seconds, 2, 48000);
}
