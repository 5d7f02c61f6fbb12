import { useEffect } from 'react';
import type { StudioSession } from './StudioSession';
import { splitAtPlayhead, duplicateSelection, deleteSelection, toggleTrackFlag, addMarkerAtPlayhead, toggleLoop } from './studioActions';

/** Whether a key event comes from a place where typing means text, not a command — or from a dialog, whose keys are its own. */
function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.closest?.('[role="dialog"]')) return true;
  const tag = target.tagName;
  return (
    target.isContentEditable ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' && !['checkbox', 'radio', 'range', 'button'].includes((target as HTMLInputElement).type))
  );
}

/**
 * The keyboard a DAW user expects: Space play/pause, Ctrl/Cmd+Z undo,
 * Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, S split, Delete, Ctrl/Cmd+D duplicate,
 * +/− zoom, L loop, M mute, Shift+S solo, K metronome, Home/Enter to start,
 * Shift+M marker, ? help.
 */
export function useStudioShortcuts(session: StudioSession, toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      const handled = (() => {
        if (mod && key.toLowerCase() === 'z') return (event.shiftKey ? session.redo() : session.undo(), true);
        if (mod && key.toLowerCase() === 'y') return (session.redo(), true);
        if (mod && key.toLowerCase() === 'd') return (duplicateSelection(session), true);
        if (mod || event.altKey) return false;
        switch (key) {
          case ' ':
            void session.engine.togglePlay();
            return true;
          case 'Home':
          case 'Enter':
            session.engine.stop();
            return true;
          case 's':
            return (splitAtPlayhead(session), true);
          case 'S':
            return (toggleTrackFlag(session, 'solo'), true);
          case 'm':
            return (toggleTrackFlag(session, 'mute'), true);
          case 'M':
            return (addMarkerAtPlayhead(session), true);
          case 'l':
          case 'L':
            return (toggleLoop(session), true);
          case 'r':
          case 'R':
            return (void session.recorder.toggle(), true);
          case 'k':
          case 'K':
            return (session.engine.setMetronome(!session.engine.state.get().metronome), true);
          case 'Delete':
          case 'Backspace':
            return (deleteSelection(session), true);
          case '+':
          case '=':
            return (session.setZoom(session.state.get().zoom * 1.5), true);
          case '-':
          case '_':
            return (session.setZoom(session.state.get().zoom / 1.5), true);
          case '?':
            return (toggleHelp(), true);
          default:
            return false;
        }
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, toggleHelp]);
}
