import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { LineageGraphView } from '../../../shared/contract/lineageContract';
import { navigate } from '../../app/useHashRoute';
import { useContract } from '../../hooks/useContract';
import { useLibraryChanged } from '../../hooks/useLibraryChanged';
import { SplitBar } from '../../components/SplitBar';
import { lineageLayout, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './lineageLayout';

const kindWords = { original: 'original recording', derivative: 'published derivative', export: 'export' } as const;

/**
 * A recording's or an export's family tree as this library knows it:
 * originals on the left, each generation of remixes to the right, who made
 * each and under which licence; selecting a node shows who receives what
 * from it. Keyboard: Tab to the tree, arrows move (← parent, → child,
 * ↑↓ within a generation), Enter opens the node's recording or export.
 */
export function LineageTree({ focus }: { focus: { recordingId: string } | { exportId: string } }) {
  const graph = useContract('lineage.graph', focus);
  const reload = graph.reload;
  useLibraryChanged('catalog', reload);
  useLibraryChanged('exports', reload);
  const value = graph.value;
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setSelected(null), [value?.focus]);
  const current = selected ?? value?.focus ?? null;
  const layout = useMemo(() => (value ? lineageLayout(value) : null), [value]);

  const move = useCallback(
    (from: string, key: string): string | undefined => {
      if (!value || !layout) return undefined;
      const here = layout.nodes.find((p) => p.node.id === from)!;
      if (key === 'ArrowLeft') return value.edges.find((e) => e.to === from)?.from;
      if (key === 'ArrowRight') return value.edges.find((e) => e.from === from)?.to;
      const column = layout.nodes.filter((p) => p.node.generation === here.node.generation).sort((a, b) => a.y - b.y);
      const index = column.indexOf(here) + (key === 'ArrowDown' ? 1 : -1);
      return column[index]?.node.id;
    },
    [value, layout],
  );

  if (!value || !layout)
    return (
      <section className="panel lineage" aria-label="Family tree">
        <p className="muted">{graph.error ?? 'Loading the family tree…'}</p>
      </section>
    );
  const chosen = value.nodes.find((n) => n.id === current) ?? value.nodes[0];
  const alone = value.nodes.length <= 1;
  const open = (node: LineageGraphView['nodes'][number]) => {
    if (node.kind === 'export' || (node.exportId && !node.recordingId)) navigate('exports', node.exportId!);
    else if (node.recordingId && node.inLibrary) navigate('catalog', node.recordingId);
  };
  const onKey = (event: KeyboardEvent, placed: PlacedNode) => {
    if (event.key === 'Enter') return open(placed.node);
    if (event.key === ' ') {
      event.preventDefault();
      return setSelected(placed.node.id);
    }
    const next = move(placed.node.id, event.key);
    if (!next) return;
    event.preventDefault();
    setSelected(next);
    document.getElementById(`lineage-node-${cssId(next)}`)?.focus();
  };

  return (
    <section className="panel lineage" aria-labelledby="lineage-title">
      <h2 id="lineage-title">Family tree</h2>
      {alone ? (
        <p className="muted small">
          No remixes of this, and nothing it derives from, are known to this library yet. Published derivatives that use it appear here once imported.
        </p>
      ) : (
        <div className="lineage-body">
          <div className="lineage-plot">
            <svg
              width={layout.width}
              height={layout.height}
              role="group"
              aria-label={`Family tree: ${value.nodes.length} recordings over ${Math.max(...value.nodes.map((n) => n.generation)) + 1} generations`}
            >
              <defs>
                <marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M 0 0 L 10 5 L 0 10 z" className="lineage-arrow" />
                </marker>
              </defs>
              {value.edges.map((edge) => {
                const from = layout.nodes.find((p) => p.node.id === edge.from);
                const to = layout.nodes.find((p) => p.node.id === edge.to);
                if (!from || !to) return null;
                const x1 = from.x + NODE_WIDTH;
                const y1 = from.y + NODE_HEIGHT / 2;
                const x2 = to.x - 2;
                const y2 = to.y + NODE_HEIGHT / 2;
                const bend = (x2 - x1) / 2;
                const lit = edge.from === chosen?.id || edge.to === chosen?.id;
                return (
                  <path
                    key={`${edge.from}>${edge.to}`}
                    d={`M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`}
                    className={`lineage-edge${lit ? ' lit' : ''}`}
                    markerEnd="url(#lineage-arrow)"
                  />
                );
              })}
              {layout.nodes.map((placed) => {
                const { node } = placed;
                const isSelected = node.id === chosen?.id;
                return (
                  <g
                    key={node.id}
                    id={`lineage-node-${cssId(node.id)}`}
                    role="button"
                    tabIndex={isSelected ? 0 : -1}
                    aria-pressed={isSelected}
                    aria-label={`${node.title}, ${kindWords[node.kind]} by ${node.maker}, generation ${node.generation}${node.id === value.focus ? ', this one' : ''}${node.inLibrary ? '' : ', known only from a signed chain'}. Under ${node.licences.join(', ') || 'no licence'}.`}
                    className={`lineage-node ${node.kind}${isSelected ? ' selected' : ''}${node.id === value.focus ? ' focus' : ''}${node.inLibrary ? '' : ' remote'}`}
                    transform={`translate(${placed.x} ${placed.y})`}
                    onClick={() => setSelected(node.id)}
                    onDoubleClick={() => open(node)}
                    onKeyDown={(e) => onKey(e, placed)}
                  >
                    <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
                    <text x={12} y={22} className="lineage-title">
                      {clip(node.title, 24)}
                    </text>
                    <text x={12} y={40} className="lineage-maker">
                      {clip(`${node.kind === 'original' ? '' : `${node.kind === 'export' ? 'export' : 'remix'} by `}${node.maker}`, 30)}
                    </text>
                    <text x={12} y={56} className="lineage-licence">
                      {clip(node.licences[0] ?? '', 27)}
                    </text>
                  </g>
                );
              })}
            </svg>
            <p className="muted small lineage-legend">
              <span className="swatch original" /> original <span className="swatch derivative" /> published derivative <span className="swatch export" /> your
              export · dashed: known from a signed chain, not in this library
            </p>
          </div>
          {chosen && (
            <aside className="lineage-detail" aria-live="polite" aria-label="Selected">
              <div className="lineage-who">
                <h3>{chosen.title}</h3>
                <p className="muted small">
                  {kindWords[chosen.kind]} by {chosen.maker}
                  {chosen.exportId ? ` · export ${chosen.exportId.slice(0, 8)}…` : ''}
                </p>
                <p className="small">Under: {chosen.licences.join(', ') || '—'}</p>
                {(chosen.inLibrary || chosen.kind === 'export') && chosen.id !== value.focus && (
                  <button type="button" onClick={() => open(chosen)}>
                    Open
                  </button>
                )}
              </div>
              <div>
                <h4>Who receives its master revenue</h4>
                <SplitBar title="Master" shares={chosen.receives.master} />
              </div>
              <div>
                <h4>Who receives its publishing revenue</h4>
                <SplitBar title="Publishing" shares={chosen.receives.publishing} />
              </div>
            </aside>
          )}
        </div>
      )}
    </section>
  );
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
