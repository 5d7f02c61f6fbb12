import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../useStore';
import type { CommandBarModel } from './CommandBarModel';
import { previewChanges } from './previewChanges';
import './commandBar.css';

/**
 * "Say it in English": a sentence becomes 3–5 ranked readings. Arrow keys
 * move through them and preview each (ghosts on the timeline; in the audio
 * while playing); Enter applies the highlighted one as one undo step named
 * by the sentence; Escape closes and puts everything back. A reading a
 * licence forbids is shown with the reason and cannot be applied.
 *
 * A combobox (the sentence) controlling a listbox (the readings), as the
 * WAI-ARIA combobox pattern describes; focus returns where it was.
 */
export function CommandBar({ model }: { model: CommandBarModel }) {
  const bar = useStore(model.state);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    returnFocus.current = document.activeElement;
    input.current?.focus();
    return () => {
      const back = returnFocus.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, []);

  const candidates = bar.interpretation?.candidates ?? [];
  const song = useMemo(() => (bar.preview ? previewChanges(bar.preview.before, bar.preview.after).song : []), [bar.preview]);
  const activeId = bar.active >= 0 ? `command-candidate-${bar.active}` : undefined;
  const status = !bar.text.trim()
    ? 'Type what to change, e.g. "mute the vocals in the chorus".'
    : candidates.length === 0
      ? (bar.interpretation?.problem ?? '')
      : `${candidates.length} reading${candidates.length === 1 ? '' : 's'}. Arrow keys preview, Enter applies, Escape cancels.`;

  const onKeyDown = (event: React.KeyboardEvent) => {
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          return (model.move(1), true);
        case 'ArrowUp':
          return (model.move(-1), true);
        case 'Enter':
          return (model.apply(), true);
        case 'Escape':
          return (model.close(), true);
        case 'Tab':
          // Focus stays in the bar while it is open.
          return true;
        default:
          return false;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <div className="command-bar" role="dialog" aria-modal="true" aria-label="Say it in English" onKeyDown={onKeyDown}>
      <div className="command-input-row">
        <span className="command-prompt" aria-hidden="true">
          ›
        </span>
        <input
          ref={input}
          className="command-input"
          type="text"
          role="combobox"
          aria-label="Say what to change"
          aria-expanded={candidates.length > 0}
          aria-controls="command-candidates"
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby="command-status"
          placeholder="mute the vocals in the chorus · take it up to 128 · half-time the bass"
          spellCheck={false}
          autoComplete="off"
          maxLength={300}
          value={bar.text}
          onChange={(e) => model.setText(e.target.value)}
        />
        <kbd className="command-hint">Esc</kbd>
      </div>
      {bar.interpretation && bar.interpretation.corrections.length > 0 && (
        <p className="command-corrections muted small">Read {bar.interpretation.corrections.map((c) => `“${c.from}” as “${c.to}”`).join(', ')}</p>
      )}
      <ul id="command-candidates" className="command-candidates" role="listbox" aria-label="Readings">
        {candidates.map((c, i) => (
          <li
            key={`${c.rank}-${c.description}`}
            id={`command-candidate-${i}`}
            role="option"
            aria-selected={i === bar.active}
            aria-disabled={!c.licence.allowed}
            className={`command-candidate${i === bar.active ? ' active' : ''}${c.licence.allowed ? '' : ' refused'}`}
            data-testid="command-candidate"
            onMouseEnter={() => i !== bar.active && model.highlight(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => model.apply(i)}
          >
            <span className="command-rank" aria-hidden="true">
              {c.rank}
            </span>
            <span className="command-description">
              {c.description}
              {!c.licence.allowed && <span className="command-refused">Not allowed: {c.licence.reasons.join(' ')}</span>}
            </span>
            {c.licence.allowed ? (
              <span className="command-ok" aria-hidden="true">
                ✓ licensed
              </span>
            ) : (
              <span className="command-no" aria-hidden="true">
                ⚠
              </span>
            )}
          </li>
        ))}
      </ul>
      {song.length > 0 && <p className="command-song">Preview: {song.join(' · ')}</p>}
      <p id="command-status" className={`command-status${bar.message ? ' message' : ''}`} role="status" aria-live="polite">
        {bar.message ?? status}
      </p>
    </div>
  );
}
