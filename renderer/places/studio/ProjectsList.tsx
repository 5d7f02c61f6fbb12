import { useCallback, useRef, useState } from 'react';
import { useBridge } from '../../app/BridgeContext';
import { hrefOf, navigate } from '../../app/useHashRoute';
import { notifications } from '../../app/Notifications';
import { useContract } from '../../hooks/useContract';
import { useLibraryChanged } from '../../hooks/useLibraryChanged';
import { uploadFile } from '../../media/uploadFile';
import { formatWhen } from '../../app/formatWhen';
import type { ProjectSummary } from '../../../shared/contract/projectsContract';

/** How a project began and when it changed: what tells apart projects of one name (an imported copy, a duplicate). */
function projectHistory(project: ProjectSummary): string {
  const origin = project.origin && project.origin !== 'Created' ? `${project.origin.charAt(0).toLowerCase()}${project.origin.slice(1)} · ` : '';
  return `${origin}created ${formatWhen(project.createdAt)} · edited ${formatWhen(project.updatedAt)} · revision ${project.headRevision}`;
}

/** Projects, newest first: open, duplicate, move to the trash and back, save as or open a .stemroom file. */
export function ProjectsList() {
  const bridge = useBridge();
  const [trashed, setTrashed] = useState(false);
  const projects = useContract('projects.list', { trashed });
  const reload = useCallback(() => projects.reload(), [projects]);
  useLibraryChanged('projects', reload);
  const fileInput = useRef<HTMLInputElement>(null);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      projects.reload();
    } catch (error) {
      notifications.error((error as Error).message);
    }
  };

  return (
    <section className="place-body projects" aria-labelledby="projects-title">
      <header className="place-header">
        <h1 id="projects-title">Studio</h1>
        <div className="segmented" role="group" aria-label="Show">
          <button type="button" aria-pressed={!trashed} onClick={() => setTrashed(false)}>
            Projects
          </button>
          <button type="button" aria-pressed={trashed} onClick={() => setTrashed(true)}>
            Trash
          </button>
        </div>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open project file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".stemroom"
          hidden
          aria-label="Project file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            void act(async () => {
              const uploadId = await uploadFile(file, () => undefined);
              const { project, missing } = await bridge.call('projects.importFile', { source: { uploadId } });
              if (missing.length)
                notifications.error(`Opened "${project.name}"; missing audio: ${[...new Set(missing.map((m) => m.packageTitle))].join(', ')}.`);
              navigate('studio', project.id);
            });
          }}
        />
      </header>
      {projects.value?.length === 0 && (
        <p className="empty-state">
          {trashed ? 'The trash is empty.' : 'No projects yet. Open the Catalog and press "Start remix" or "Start cover" on a recording.'}
        </p>
      )}
      <ul className="project-list">
        {projects.value?.map((project) => (
          <li key={project.id} className="project-row">
            <div>
              {trashed ? <strong>{project.name}</strong> : <a href={hrefOf('studio', project.id)}>{project.name}</a>}
              <span className="badge">{project.kind}</span>
              <span className="muted small">{projectHistory(project)}</span>
            </div>
            <div className="row-actions">
              {trashed ? (
                <button type="button" onClick={() => act(() => bridge.call('projects.restore', { projectId: project.id }))}>
                  Restore
                </button>
              ) : (
                <>
                  <button type="button" onClick={() => act(() => bridge.call('projects.duplicate', { projectId: project.id }))}>
                    Duplicate
                  </button>
                  <a className="button" href={`./project-file/${project.id}`} download>
                    Save as file
                  </a>
                  <button type="button" className="danger" onClick={() => act(() => bridge.call('projects.delete', { projectId: project.id }))}>
                    Move to trash
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
