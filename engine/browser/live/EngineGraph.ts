import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { MixGraph } from '../../common/graph/MixGraph';
import type { LiveStreams, StreamNode } from './streaming/LiveStreams';
import type { ClipOutput } from './streaming/StreamPass';

/**
 * The live mixer for one document structure: the MixGraph (the same the
 * offline render builds) fed by one stream node per track, whose output k
 * goes into the gain node of the track's k-th heard clip.
 */
export class EngineGraph {
  private constructor(
    readonly mix: MixGraph,
    readonly outputs: ReadonlyMap<string, ClipOutput>,
    private readonly nodes: readonly StreamNode[],
    private readonly streams: LiveStreams,
  ) {}

  /** Builds the graph; `channelsOf` gives each source's channel count (from its PCM header). */
  static async build(context: AudioContext, streams: LiveStreams, document: ProjectDocument, channelsOf: (sha256: string) => number): Promise<EngineGraph> {
    const mix = new MixGraph(context, document);
    const sources = new Map(document.sources.map((s) => [s.id, s]));
    const outputs = new Map<string, ClipOutput>();
    const nodes = await Promise.all(
      document.tracks.map(async (track) => {
        const clips = document.clips.filter((c) => c.trackId === track.id && c.active && sources.has(c.sourceId));
        const channels = clips.map((c) => channelsOf(sources.get(c.sourceId)!.sha256));
        const node = await streams.createNode(channels);
        const chain = mix.tracks.get(track.id)!;
        clips.forEach((clip, k) => {
          const input = chain.clipInput();
          node.node.connect(input, k);
          outputs.set(clip.id, { node, output: k, channels: channels[k]!, input });
        });
        return node;
      }),
    );
    return new EngineGraph(mix, outputs, nodes, streams);
  }

  dispose(): void {
    for (const stream of this.nodes) {
      this.streams.closeNode(stream);
      stream.node.disconnect();
    }
    this.mix.dispose();
  }
}

/** What decides the graph's shape: tracks, their effect chains, and each track's heard clips and their sources. */
export function graphShape(document: ProjectDocument): string {
  const sources = new Map(document.sources.map((s) => [s.id, s.sha256]));
  return JSON.stringify(
    document.tracks.map((t) => [
      t.id,
      t.effects.map((e) => [e.id, e.enabled, e.params.type]),
      document.clips.filter((c) => c.trackId === t.id && c.active && sources.has(c.sourceId)).map((c) => [c.id, sources.get(c.sourceId)]),
    ]),
  );
}
