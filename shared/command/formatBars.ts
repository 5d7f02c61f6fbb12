/** "bar 9", "bar 9 beat 3" for a beat position (beats from the song's start, bars counted from 1). */
export function formatBeat(beat: number, beatsPerBar: number): string {
  const bar = Math.floor(beat / beatsPerBar + 1e-9) + 1;
  const within = Math.round((beat - (bar - 1) * beatsPerBar) * 1000) / 1000;
  return within === 0 ? `bar ${bar}` : `bar ${bar} beat ${within + 1}`;
}

/** "bars 9–16" (or "bar 9") for bar numbers. */
export function formatBars(first: number, last: number): string {
  return first === last ? `bar ${first}` : `bars ${first}–${last}`;
}

/** "bars 1–8" for the beat range [start, end) when it falls on bars, else "bar 2 beat 3 to bar 5". */
export function formatRange(start: number, end: number, beatsPerBar: number): string {
  const first = start / beatsPerBar + 1;
  const last = end / beatsPerBar;
  if (Number.isInteger(first) && Number.isInteger(last) && last >= first) return formatBars(first, last);
  return `${formatBeat(start, beatsPerBar)} to ${formatBeat(end, beatsPerBar)}`;
}
