import { useRef } from 'react';
import type { ExportChannel } from '../../../shared/catalog/catalogPackageSchema';
import { useBridge } from '../../app/BridgeContext';
import { notifications } from '../../app/Notifications';
import { uploadFile } from '../../media/uploadFile';

/**
 * For a licence that requires approval: save the request to send to the
 * licensor (this revision, this channel), and import the approval they
 * sign with their package key. `onImported` re-checks the export.
 */
export function ApprovalActions({
  projectId,
  licenceId,
  channel,
  onImported,
}: {
  projectId: string;
  licenceId: string;
  channel: ExportChannel;
  onImported: () => void;
}) {
  const bridge = useBridge();
  const input = useRef<HTMLInputElement>(null);
  const save = async () => {
    const request = await bridge.call('approvals.request', { projectId, licenceId, channel });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`${JSON.stringify(request, null, 2)}\n`], { type: 'application/json' }));
    link.download = `approval-request-${licenceId}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  return (
    <span className="row-actions">
      <button type="button" onClick={() => void save().catch((e: Error) => notifications.error(e.message))}>
        Save approval request…
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Import approval…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json"
        aria-label={`Approval of licence ${licenceId}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          uploadFile(file, () => undefined)
            .then((uploadId) => bridge.call('approvals.import', { source: { uploadId } }))
            .then(
              (imported) => {
                notifications.info(`Approval by ${imported.licensor} imported.`);
                onImported();
              },
              (error: Error) => notifications.error(error.message),
            );
        }}
      />
    </span>
  );
}
