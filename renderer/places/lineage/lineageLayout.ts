import type { LineageGraphView } from '../../../shared/contract/lineageContract';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 66;
const COLUMN = 240;
const ROW = 86;
const MARGIN = 16;

export interface PlacedNode {
  readonly node: LineageGraphView['nodes'][number];
  readonly x: number;
  readonly y: number;
}

/**
 * A family tree laid out left to right by generation (originals first),
 * each generation a column, its members ordered so children sit near their
 * parents (by the mean row of their parents), then centred vertically.
 */
export function lineageLayout(graph: LineageGraphView): { nodes: PlacedNode[]; width: number; height: number } {
  const byGeneration = new Map<number, LineageGraphView['nodes']>();
  for (const node of graph.nodes) byGeneration.set(node.generation, [...(byGeneration.get(node.generation) ?? []), node]);
  const generations = [...byGeneration.keys()].sort((a, b) => a - b);
  const row = new Map<string, number>();
  for (const g of generations) {
    const members = [...byGeneration.get(g)!];
    const parentRow = (id: string) => {
      const rows = graph.edges.filter((e) => e.to === id && row.has(e.from)).map((e) => row.get(e.from)!);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : 0;
    };
    members.sort((a, b) => parentRow(a.id) - parentRow(b.id) || a.title.localeCompare(b.title));
    members.forEach((m, i) => row.set(m.id, i));
    byGeneration.set(g, members);
  }
  const tallest = Math.max(1, ...[...byGeneration.values()].map((m) => m.length));
  const height = MARGIN * 2 + (tallest - 1) * ROW + NODE_HEIGHT;
  const nodes = generations.flatMap((g, column) => {
    const members = byGeneration.get(g)!;
    const offset = ((tallest - members.length) * ROW) / 2;
    return members.map((node, i) => ({ node, x: MARGIN + column * COLUMN, y: MARGIN + offset + i * ROW }));
  });
  return { nodes, width: MARGIN * 2 + (generations.length - 1) * COLUMN + NODE_WIDTH, height };
}
