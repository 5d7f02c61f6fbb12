import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom lineage ID`: a recording's or an export's family tree — its
 * ancestors and descendants known to this library, who made each, under
 * which licences, and who receives what from it.
 *
 * @example
 * $ stemroom lineage 01a2340a-6288-7be4-ac4d-af243b6b270a
 *   Copper Sky — original by Kite District feat. Sana Ilves
 *     licences: KD-M-0042 (Kite District Ltd), BWP-P-7781 (Brightwater Publishing)
 *     master: Kite District Ltd 100.00 %; publishing: Sana Ilves 16.67 %, Ruben Achterberg 16.67 %, Lio Marchetti 16.66 %, Brightwater Publishing 50.00 %
 * ▶   Copper Sky (night mix) — export by Mara Quinn (from Copper Sky)
 *       licences: KD-M-0042 (Kite District Ltd), BWP-P-7781 (Brightwater Publishing)
 *       master: Kite District Ltd 50.00 %, Mara Quinn 50.00 %; publishing: Brightwater Publishing 50.00 %, Sana Ilves 16.67 %, …
 */
export const lineageCommand: Command = {
  name: 'lineage',
  summary: "A recording's or export's family tree: ancestors, descendants, makers, licences, shares",
  usage: 'RECORDING_ID|EXPORT_ID',
  async run({ positionals, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one recording id or export id');
    const id = positionals[0]!;
    const opened = await services();
    const isExport = /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id);
    const graph = await callContract(opened, 'lineage.graph', isExport ? { exportId: id } : { recordingId: id });
    out.result(graph, () => {
      const lines: string[] = [];
      for (const node of graph.nodes) {
        const parents = graph.edges.filter((e) => e.to === node.id).map((e) => graph.nodes.find((n) => n.id === e.from)?.title ?? e.from);
        const mark = node.id === graph.focus ? '▶ ' : '  ';
        lines.push(
          `${mark}${'  '.repeat(node.generation)}${node.title} — ${node.kind} by ${node.maker}${parents.length ? ` (from ${parents.join(', ')})` : ''}${node.inLibrary ? '' : ' [known from a chain]'}`,
        );
        lines.push(`${'  '.repeat(node.generation + 2)}licences: ${node.licences.join(', ') || '—'}`);
        const share = (list: typeof node.receives.master) => list.map((s) => `${s.name} ${(s.shareBp / 100).toFixed(2)} %`).join(', ') || '—';
        lines.push(`${'  '.repeat(node.generation + 2)}master: ${share(node.receives.master)}; publishing: ${share(node.receives.publishing)}`);
      }
      return lines;
    });
  },
};
