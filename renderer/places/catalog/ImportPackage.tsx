import { useRef, useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/catalogContract';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { newTaskId, useTaskProgress } from '../../hooks/useTaskProgress';
import { uploadFile } from '../../media/uploadFile';
import { ProgressBar } from '../../components/ProgressBar';

/** "Import package…": pick or drop a package .zip; upload, validation and storage show one progress bar. */
export function ImportPackage({ onImported, droppedFile }: { onImported: (summary: ImportSummary) => void; droppedFile?: File | null }) {
  const bridge = useBridge();
  const input = useRef<HTMLInputElement>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const progress = useTaskProgress(taskId);
  const lastDropped = useRef<File | null>(null);

  const importFile = async (file: File) => {
    setRefusal(null);
    const id = newTaskId('import');
    setTaskId(id);
    try {
      setUpload({ sent: 0, total: file.size });
      const uploadId = await uploadFile(file, (sent, total) => setUpload({ sent, total }));
      setUpload(null);
      const summary = await bridge.call('catalog.import', { source: { uploadId }, taskId: id });
      notifications.info(
        summary.status === 'unchanged' ? `"${summary.title}" is already in the library.` : `Imported "${summary.title}" (v${summary.version}).`,
      );
      onImported(summary);
    } catch (error) {
      const details = (error as { details?: { problems?: string[] } }).details;
      setRefusal(details?.problems ?? [(error as Error).message]);
      notifications.error((error as Error).message);
    } finally {
      setUpload(null);
      setTaskId(null);
    }
  };

  if (droppedFile && droppedFile !== lastDropped.current) {
    lastDropped.current = droppedFile;
    void importFile(droppedFile);
  }

  return (
    <div className="import-package">
      <button type="button" onClick={() => input.current?.click()} disabled={taskId !== null}>
        Import package…
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        aria-label="Package file"
        data-testid="package-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {upload && <ProgressBar label="Uploading package" done={upload.sent} total={upload.total} />}
      {!upload && taskId && (
        <ProgressBar
          label={progress?.label ?? 'Importing'}
          done={progress?.done ?? 0}
          total={progress?.total ?? 0}
          onCancel={() => void bridge.call('task.cancel', { taskId })}
        />
      )}
      {refusal && (
        <div className="refusal" role="alert">
          <strong>The package was not imported.</strong>
          <ul>
            {refusal.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
