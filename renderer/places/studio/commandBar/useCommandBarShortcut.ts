import { useEffect } from 'react';

/** Whether focus is where typing means text (then "/" is a character, not a command). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return (
    target.isContentEditable ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' && !['checkbox', 'radio', 'range', 'button'].includes((target as HTMLInputElement).type))
  );
}

/**
 * Ctrl/Cmd+K anywhere in the studio, or "/" when focus is not in a text
 * field, opens the command bar (Ctrl+K would otherwise focus the browser's
 * search box, so it is taken here).
 */
export function useCommandBarShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const wanted =
        (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') ||
        (!mod && !event.altKey && event.key === '/' && !inTextField(event.target));
      if (!wanted) return;
      event.preventDefault();
      event.stopPropagation();
      open();
    };
    // Capture: before the studio's own shortcuts see the key.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
}
