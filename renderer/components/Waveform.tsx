import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { peaksForView, type WaveformPeaks } from '../../shared/dsp/waveformPeaks';
import { styleNonce } from '../app/styleNonce';
import { useVisibleSpan } from './useVisibleSpan';

export interface WaveformProps {
  readonly peaks: WaveformPeaks | undefined;
  /** The span of the audio to draw, in seconds. */
  readonly start?: number;
  readonly end: number;
  readonly height: number;
  readonly color?: string;
  readonly label: string;
  /** Playhead position in seconds within [start, end), or null for none. */
  readonly playhead?: number | null;
  readonly onSeek?: (seconds: number) => void;
  /** Scale the tallest peak to full height (shape over level), as DAW lanes draw quiet stems. */
  readonly normalize?: boolean;
}

/**
 * A wavesurfer.js waveform drawn from cached peaks (no audio decode, no
 * media element playback): the view's span is reduced to two values per
 * pixel, which is what makes large projects open fast. Only the part a
 * scrolling ancestor shows is drawn (useVisibleSpan), so canvas memory
 * follows the screen, not the clip's length.
 */
export function Waveform({ peaks, start = 0, end, height, color = '#4fb3ff', label, playhead = null, onSeek, normalize = true }: WaveformProps) {
  const outer = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const visible = useVisibleSpan(outer);

  // Created without peaks: wavesurfer loads constructor peaks a microtask later, which would overwrite the
  // peaks loaded below in the same tick (a trim changes the span and both ran: the waveform went flat).
  useEffect(() => {
    if (!container.current) return;
    const ws = WaveSurfer.create({
      container: container.current,
      height,
      waveColor: color,
      progressColor: color,
      cursorWidth: 0,
      interact: false,
      normalize,
      barWidth: 0,
      // Its shadow-root <style> is allowed by the page's CSP nonce only.
      cspNonce: styleNonce(),
    });
    surfer.current = ws;
    return () => {
      ws.destroy();
      surfer.current = null;
    };
  }, [height, color, normalize]);

  useEffect(() => {
    const ws = surfer.current;
    const whole = outer.current?.clientWidth ?? 0;
    if (!ws || !peaks || !visible || whole <= 0) return;
    if (visible.width === 0) {
      ws.empty();
      return;
    }
    const from = start + ((end - start) * visible.left) / whole;
    const to = start + ((end - start) * Math.min(whole, visible.left + visible.width)) / whole;
    void ws.load('', [peaksForView(peaks, from, to, Math.max(64, Math.round(visible.width * 2)))], Math.max(0.001, to - from));
  }, [peaks, start, end, height, color, normalize, visible]);

  const share = playhead === null ? null : (playhead - start) / Math.max(0.001, end - start);
  return (
    <div
      ref={outer}
      className="waveform"
      role={onSeek ? 'slider' : 'img'}
      aria-label={label}
      aria-valuemin={onSeek ? start : undefined}
      aria-valuemax={onSeek ? end : undefined}
      aria-valuenow={onSeek && playhead !== null ? Math.round(playhead * 10) / 10 : undefined}
      style={{ height }}
      onClick={(event) => {
        if (!onSeek) return;
        const box = event.currentTarget.getBoundingClientRect();
        onSeek(start + ((event.clientX - box.left) / box.width) * (end - start));
      }}
    >
      <div
        ref={container}
        className="waveform-canvas"
        data-testid="waveform"
        style={visible ? { position: 'absolute', top: 0, left: visible.left, width: visible.width } : undefined}
      />
      {share !== null && share >= 0 && share <= 1 && <div className="waveform-playhead" style={{ left: `${share * 100}%` }} />}
    </div>
  );
}
