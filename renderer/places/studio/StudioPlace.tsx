import { useEffect, useState } from 'react';
import type { Route } from '../../app/useHashRoute';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { Engine } from '../../../engine/browser/live/Engine';
import { sharedAudioContext } from '../../../engine/browser/sharedAudioContext';
import { ProjectsList } from './ProjectsList';
import { Studio } from './Studio';
import { StudioSession } from './StudioSession';

/** The studio: a project list, or the editor for the project in the route. */
export function StudioPlace({ route }: { route: Route }) {
  const projectId = route.params[0];
  const beat = Number(route.query.get('beat'));
  return projectId ? <OpenStudio key={projectId} projectId={projectId} startBeat={Number.isFinite(beat) && beat > 0 ? beat : null} /> : <ProjectsList />;
}

/** `startBeat`: where to put the playhead on opening (links from Analytics: `#/studio/ID?beat=…`). */
function OpenStudio({ projectId, startBeat }: { projectId: string; startBeat: number | null }) {
  const bridge = useBridge();
  const [session, setSession] = useState<StudioSession | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let created: StudioSession | null = null;
    let cancelled = false;
    // The project first: the engine plays at its sample rate.
    bridge.call('projects.open', { projectId }).then(
      (open) => {
        if (cancelled) return;
        created = new StudioSession(bridge, new Engine(sharedAudioContext(open.document.sampleRate)), projectId);
        created.load(open);
        if (startBeat !== null) created.engine.seek(startBeat);
        setSession(created);
      },
      (e: Error) => {
        setError(e.message);
        notifications.error(e.message);
      },
    );
    return () => {
      cancelled = true;
      created?.recorder.dispose();
      created?.engine.dispose();
    };
    // startBeat only matters when the project opens; a later change of the query does not reopen it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, projectId]);

  if (error) return <p className="empty-state place-body">{error}</p>;
  if (!session) return <p className="empty-state place-body">Opening project…</p>;
  return <Studio session={session} />;
}
