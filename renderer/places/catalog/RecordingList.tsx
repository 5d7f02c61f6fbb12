import { useEffect, useRef, useState } from 'react';
import type { RecordingSummary } from '../../../shared/contract/catalogContract';
import { formatDuration } from '../../app/formatDuration';

const ROW_HEIGHT = 52;
const OVERSCAN = 8;

/**
 * The search results, virtualized: only the rows in view are in the DOM,
 * and pages are fetched as the user scrolls, so 100,000 recordings scroll
 * like 100. Arrow keys move the selection.
 */
export function RecordingList({
  total,
  rowAt,
  ensureRange,
  selectedId,
  onSelect,
}: {
  total: number;
  rowAt: (index: number) => RecordingSummary | undefined;
  ensureRange: (from: number, to: number) => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ from: 0, to: 30 });

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const update = () => {
      const from = Math.max(0, Math.floor(element.scrollTop / ROW_HEIGHT) - OVERSCAN);
      const to = Math.min(total, Math.ceil((element.scrollTop + element.clientHeight) / ROW_HEIGHT) + OVERSCAN);
      setRange({ from, to });
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [total]);

  useEffect(() => ensureRange(range.from, range.to), [range, ensureRange]);

  const rows = [];
  for (let index = range.from; index < range.to; index++) {
    const row = rowAt(index);
    rows.push(
      <div
        key={index}
        role="option"
        aria-selected={row?.id === selectedId}
        tabIndex={row?.id === selectedId ? 0 : -1}
        className={`recording-row${row?.id === selectedId ? ' selected' : ''}`}
        style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
        onClick={() => row && onSelect(row.id)}
        data-testid="recording-row"
      >
        {row ? (
          <>
            <div className="recording-row-main">
              <span className="recording-title">{row.title}</span>
              <span className="muted">{row.displayArtist}</span>
            </div>
            <div className="recording-row-meta">
              <span className="mono">{row.bpm} BPM</span>
              <span>{row.key}</span>
              <span className="mono">{formatDuration(row.durationMs / 1000)}</span>
              <span className={`badge ${row.remix.allowed ? 'ok' : 'no'}`} title={row.remix.reasons.join(' ') || 'Remix allowed'}>
                remix
              </span>
              <span className={`badge ${row.cover.allowed ? 'ok' : 'no'}`} title={row.cover.reasons.join(' ') || 'Cover allowed'}>
                cover
              </span>
            </div>
          </>
        ) : (
          <span className="muted">…</span>
        )}
      </div>,
    );
  }

  const move = (delta: number) => {
    let index = -1;
    for (let i = range.from; i < range.to; i++) if (rowAt(i)?.id === selectedId) index = i;
    const next = rowAt(Math.max(0, Math.min(total - 1, index + delta)));
    if (next) onSelect(next.id);
  };

  return (
    <div
      ref={scroller}
      className="recording-list"
      role="listbox"
      aria-label={`${total} recordings`}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else return;
        e.preventDefault();
      }}
    >
      <div style={{ height: total * ROW_HEIGHT, position: 'relative' }}>{rows}</div>
    </div>
  );
}
