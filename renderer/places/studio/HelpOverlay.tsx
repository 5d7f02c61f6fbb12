import { useEffect, useRef } from 'react';

const shortcuts: [string, string][] = [
  ['Ctrl/Cmd+K, /', 'Say it in English: the command bar (arrows preview, Enter applies, Esc cancels)'],
  ['Space', 'Play / pause'],
  ['Home or Enter', 'Stop and return to the start'],
  ['Ctrl/Cmd+Z', 'Undo'],
  ['Shift+Ctrl/Cmd+Z, Ctrl+Y', 'Redo'],
  ['S', 'Split the selected clip at the playhead'],
  ['Ctrl/Cmd+D', 'Duplicate the selected clip'],
  ['Delete, Backspace', 'Delete the selected clip'],
  ['M', 'Mute the selected track'],
  ['Shift+S', 'Solo the selected track (Alt/Ctrl-click S: exclusive solo)'],
  ['L', 'Loop on / off (drag on the ruler to set the loop)'],
  ['K', 'Metronome on / off'],
  ['R', 'Record on the armed track / stop recording (Record panel: input, count-in, punch, latency)'],
  ['Shift+M', 'Add a marker at the playhead'],
  ['+ / −, Ctrl+wheel', 'Zoom in / out (down to single samples)'],
  ['Ctrl/Cmd+1…4', 'Catalog, Studio, Exports, Analytics'],
  ['?', 'This help'],
];

/** The shortcut sheet (press ? or the ? button; Escape closes). */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button ref={close} type="button" className="link-button" aria-label="Close help" onClick={onClose}>
            ×
          </button>
        </header>
        <table className="shortcuts">
          <tbody>
            {shortcuts.map(([keys, action]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
