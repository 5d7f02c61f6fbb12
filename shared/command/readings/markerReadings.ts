import type { Marker } from '../../project/documentSchema';
import { formatBeat } from '../formatBars';
import type { TimeMention } from '../findTimeMentions';
import type { Reading, ReadingSource } from '../Reading';
import { range, type Sentence } from '../Sentence';

const MARKER = ['marker', 'markers', 'locator', 'label', 'flag', 'cue'];
const NAME_AFTER = new Set(['called', 'named', 'as', 'titled', 'saying']);

/** The marker a section mention stands for (the marker that starts it). */
function markerOf(s: Sentence, mention: TimeMention | undefined): Marker | undefined {
  const section = mention?.options[0]?.sections?.[0];
  if (!section) return undefined;
  return s.document.markers.find((m) => Math.abs(m.beat - section.start) < 0.01 && m.name === section.name);
}

/** The original words of a name the user typed (numbers as digits), from `from` up to a time mention or the end. */
function nameFrom(s: Sentence, from: number, stop: ReadonlySet<number>): { name: string; uses: number[] } | null {
  const words: string[] = [];
  const uses: number[] = [];
  for (let i = from; i < s.words.length && !stop.has(i); i++) {
    if (words.length > 0 && (s.words[i] === 'at' || s.words[i] === 'on' || s.words[i] === 'in')) break;
    words.push(s.words[i]!);
    uses.push(i);
  }
  const name = words.join(' ').trim().slice(0, 60);
  return name ? { name, uses } : null;
}

/**
 * Markers: "add a marker called breakdown at bar 57", "mark bar 73 as drop
 * 2", "rename the bridge to breakdown", "delete the outro marker", "move
 * the drop marker to bar 66".
 */
export const markerReadings: ReadingSource = (s, ids) => {
  const cue = s.find(MARKER);
  const mark = s.find(['mark']);
  const rename = s.find(['rename', 'call', 'retitle']);
  if (cue.length === 0 && mark.length === 0 && rename.length === 0) return [];
  const readings: Reading[] = [];
  const bpb = s.vocab.beatsPerBar;
  const inTimes = new Set(s.times.flatMap((t) => range(t.start, t.end)));
  const sectionMention = s.times.find((t) => t.kind === 'section');
  const marker = markerOf(s, sectionMention);
  const sectionUses = sectionMention ? range(sectionMention.start, sectionMention.end) : [];
  if (rename.length && marker) {
    const to = s.words.indexOf('to', sectionMention!.end);
    const named = nameFrom(s, to >= 0 ? to + 1 : sectionMention!.end, new Set());
    if (named)
      readings.push({
        description: `Rename the marker "${marker.name}" (${formatBeat(marker.beat, bpb)}) to "${named.name}"`,
        commands: [{ type: 'updateMarker', markerId: marker.id, changes: { name: named.name } }],
        score: 1,
        uses: [...rename, ...cue, ...sectionUses, ...named.uses, to],
      });
    return readings;
  }
  if (s.has('delete', 'remove', 'erase', 'clear') && marker && cue.length) {
    readings.push({
      description: `Delete the marker "${marker.name}" (${formatBeat(marker.beat, bpb)})`,
      commands: [{ type: 'removeMarker', markerId: marker.id }],
      score: 1,
      uses: [...cue, ...s.find(['delete', 'remove', 'erase', 'clear']), ...sectionUses],
    });
    return readings;
  }
  const to = s.times.find((t) => t !== sectionMention && (t.prep === 'to' || t.prep === 'at'));
  if (s.has('move', 'shift', 'drag', 'put') && marker && cue.length && to) {
    const beat = to.options[0]!.ranges[0]![0];
    readings.push({
      description: `Move the marker "${marker.name}" to ${formatBeat(beat, bpb)}`,
      commands: [{ type: 'updateMarker', markerId: marker.id, changes: { beat } }],
      score: 1,
      uses: [...cue, ...s.find(['move', 'shift', 'drag', 'put']), ...sectionUses, ...range(to.start - 1, to.end)],
    });
    return readings;
  }
  // Adding: where (a bar, a section's start, the playhead) and what name.
  const where = s.times.find((t) => t.kind === 'bar' || t.kind === 'point') ?? s.times[0];
  if (!where) return readings;
  const beat = where.options[0]!.ranges[0]![0];
  const nameAt = s.words.findIndex((w) => NAME_AFTER.has(w));
  const named = nameAt >= 0 ? nameFrom(s, nameAt + 1, inTimes) : null;
  const name = named?.name ?? `Marker ${s.document.markers.length + 1}`;
  readings.push({
    description: `Add a marker "${name}" at ${formatBeat(beat, bpb)}`,
    commands: [{ type: 'addMarker', marker: { id: ids.next('mk'), beat, name } }],
    score: cue.length || mark.length ? 1 : 0.6,
    uses: [
      ...cue,
      ...mark,
      ...range(where.start - (where.prep ? 1 : 0), where.end),
      ...(named ? [nameAt, ...named.uses] : []),
      ...s.find(['add', 'put', 'drop', 'place', 'new', 'a']),
    ],
  });
  return readings;
};
