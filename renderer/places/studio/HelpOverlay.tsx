import { useRef } from 'react';
import { useFocusTrap } from '../../components/useFocusTrap';

const shortcuts: [string, string][] = [
  ['Ctrl/Cmd+K, /', 'Say it in English: the command bar (arrows preview, Enter applies, Esc cancels)'],
  ['Space', 'Play / pause'],
  ['Home or Enter', 'Stop and return to the start'],
  ['Stop button', 'Stop and return to where play started; press again for the start'],
  ['Ctrl/Cmd+Z', 'Undo'],
  ['Shift+Ctrl/Cmd+Z, Ctrl+Y', 'Redo'],
  ['S', 'Split the selected clip at the playhead'],
  ['Ctrl/Cmd+D', 'Duplicate the selected clip'],
  ['Delete, Backspace', 'Delete the selected clip'],
  ['← / →, Alt+← / →', 'Nudge the focused clip by the grid (Snap: bar or beat) / by a sixteenth note'],
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
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, onClose);
  return (
    <div ref={dialog} className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" tabIndex={-1} onClick={onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button type="button" className="link-button" aria-label="Close help" onClick={onClose}>
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
