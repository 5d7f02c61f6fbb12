import type { Track } from '../../../shared/project/documentSchema';
import { secondsPerBeat } from '../../../shared/project/timing';
import { dbToGain } from './effects/EffectNode';

/**
 * Schedules a track's volume automation on a gain parameter from timeline
 * second `from`, which plays at context time `when`: the value there, then
 * linear ramps (in gain) to each later point. The live graph's fader and
 * the offline render's volume envelope are the same schedule.
 *
 * @example
 * scheduleVolumeAutomation(volume.gain, track.volumeAutomation, document.bpm, 0, 0);
 */
export function scheduleVolumeAutomation(param: AudioParam, points: Track['volumeAutomation'], bpm: number, from: number, when: number): void {
  if (points.length === 0) return;
  const spb = secondsPerBeat(bpm);
  const at = (seconds: number) => when + (seconds - from);
  const valueAt = (seconds: number) => {
    const beat = seconds / spb;
    if (beat <= points[0]!.beat) return dbToGain(points[0]!.gainDb);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!,
        b = points[i]!;
      if (beat <= b.beat) return dbToGain(a.gainDb) + ((dbToGain(b.gainDb) - dbToGain(a.gainDb)) * (beat - a.beat)) / Math.max(1e-9, b.beat - a.beat);
    }
    return dbToGain(points.at(-1)!.gainDb);
  };
  param.cancelScheduledValues(when);
  param.setValueAtTime(valueAt(from), when);
  for (const point of points) {
    const seconds = point.beat * spb;
    if (seconds > from) param.linearRampToValueAtTime(dbToGain(point.gainDb), at(seconds));
  }
}
