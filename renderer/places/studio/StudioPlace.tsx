import { useEffect, useState } from 'react';
import type { Route } from '../../app/useHashRoute';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { Engine } from '../../audio/live/Engine';
import { sharedAudioContext } from '../../audio/sharedAudioContext';
import { ProjectsList } from './ProjectsList';
import { Studio } from './Studio';
import { StudioSession } from './StudioSession';

/** The studio: a project list, or the editor for the project in the route. */
export function StudioPlace({ route }: { route: Route }) {
  const projectId = route.params[0];
  return projectId ? <OpenStudio key={projectId} projectId={projectId} /> : <ProjectsList />;
}

function OpenStudio({ projectId }: { projectId: string }) {
  const bridge = useBridge();
  const [session, setSession] = useState<StudioSession | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const engine = new Engine(sharedAudioContext());
    const created = new StudioSession(bridge, engine, projectId);
    let cancelled = false;
    created.load().then(
      () => !cancelled && setSession(created),
      (e: Error) => {
        setError(e.message);
        notifications.error(e.message);
      },
    );
    return () => {
      cancelled = true;
      engine.dispose();
    };
  }, [bridge, projectId]);

  if (error) return <p className="empty-state place-body">{error}</p>;
  if (!session) return <p className="empty-state place-body">Opening project…</p>;
  return <Studio session={session} />;
}
