import { formatIssues } from '../contract/formatIssues';
import { projectDocumentSchema } from './documentSchema';
import { clipSourceSpan } from './timing';
import { unsafeCharacter } from '../text/unsafeCharacters';

const EPSILON = 1e-6;

/**
 * Everything a valid document promises beyond its schema: unique ids,
 * clips on existing tracks and sources and inside their source audio,
 * fades that fit, ordered automation and loop. Returns readable problems.
 */
export function documentProblems(doc: unknown): string[] {
  const parsed = projectDocumentSchema.safeParse(doc);
  if (!parsed.success) return formatIssues(parsed.error);
  const d = parsed.data;
  const problems: string[] = [];
  const unique = (ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const value of ids) {
      if (seen.has(value)) problems.push(`duplicate ${what} id "${value}"`);
      seen.add(value);
    }
  };
  unique(
    d.sources.map((s) => s.id),
    'source',
  );
  unique(
    d.tracks.map((t) => t.id),
    'track',
  );
  unique(
    d.clips.map((c) => c.id),
    'clip',
  );
  unique(
    d.markers.map((m) => m.id),
    'marker',
  );
  unique(
    d.tracks.flatMap((t) => t.effects.map((e) => e.id)),
    'effect',
  );
  const tracks = new Set(d.tracks.map((t) => t.id));
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  for (const clip of d.clips) {
    if (!tracks.has(clip.trackId)) problems.push(`clip "${clip.id}" is on unknown track "${clip.trackId}"`);
    const source = sources.get(clip.sourceId);
    if (!source) {
      problems.push(`clip "${clip.id}" plays unknown source "${clip.sourceId}"`);
      continue;
    }
    const end = clip.sourceOffset + clipSourceSpan(clip, source);
    if (end > source.durationSec + EPSILON) {
      problems.push(`clip "${clip.id}" reaches ${end.toFixed(3)} s into "${source.name}", which is only ${source.durationSec.toFixed(3)} s long`);
    }
    if (clip.loopBeats !== null && clip.loopBeats > clip.length + EPSILON)
      problems.push(`clip "${clip.id}" loops ${clip.loopBeats} beats but is only ${clip.length} long`);
    if (clip.fadeIn.beats + clip.fadeOut.beats > clip.length + EPSILON) problems.push(`clip "${clip.id}": fades are longer than the clip`);
  }
  for (const track of d.tracks) {
    const beats = track.volumeAutomation.map((p) => p.beat);
    if (beats.some((b, i) => i > 0 && b < beats[i - 1]!)) problems.push(`track "${track.name}": automation points out of order`);
  }
  if (d.loop.end <= d.loop.start) problems.push('the loop ends before it starts');
  // Names are shown in the studio, printed by the CLI and written into exports: no escape sequences or reordering.
  const named: [string, string][] = [
    ['the project name', d.name],
    ...d.tracks.map((t): [string, string] => [`track "${t.id}" name`, t.name]),
    ...d.sources.map((s): [string, string] => [`source "${s.id}" name`, s.name]),
    ...d.markers.map((m): [string, string] => [`marker "${m.id}" name`, m.name]),
  ];
  for (const [what, name] of named) {
    const found = unsafeCharacter(name);
    if (found) problems.push(`${what} contains ${found}; names may not hold control, escape or bidirectional-override characters`);
  }
  return problems;
}
