import { useEffect, useRef, useState } from 'react';

/**
 * Whose listening history a Spotify file is: current Spotify exports carry
 * no username, so without an answer every fan would be one listener. The
 * default is a listener of its own per file, derived from its content (the
 * same file is always the same listener); a name groups several files of
 * one account.
 */
export function SpotifyListenerDialog({
  fileName,
  onImport,
  onCancel,
}: {
  fileName: string;
  onImport: (listener: string | undefined) => void;
  onCancel: () => void;
}) {
  const [mode, setMode] = useState<'file' | 'named'>('file');
  const [name, setName] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const ready = mode === 'file' || name.trim().length > 0;
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="spotify-listener-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <form
        className="overlay-card spotify-listener"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onImport(mode === 'named' ? name.trim() : undefined);
        }}
      >
        <header>
          <h2 id="spotify-listener-title">Whose history is “{fileName}”?</h2>
        </header>
        <p className="muted small">Spotify history files no longer name their account. Stemroom counts each file’s plays as one listener; tell it which.</p>
        <fieldset>
          <legend className="sr-only">Listener</legend>
          <label className="check">
            <input ref={first} type="radio" name="listener-mode" checked={mode === 'file'} onChange={() => setMode('file')} /> One listener for this file (from
            its content — importing it again adds nothing)
          </label>
          <label className="check">
            <input type="radio" name="listener-mode" checked={mode === 'named'} onChange={() => setMode('named')} /> A listener I name (the same name joins
            several files of one account)
          </label>
          <input
            type="text"
            aria-label="Listener name"
            placeholder="e.g. a fan's handle"
            maxLength={200}
            disabled={mode !== 'named'}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </fieldset>
        <div className="row-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            Import
          </button>
        </div>
      </form>
    </div>
  );
}
