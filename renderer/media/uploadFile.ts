/**
 * Sends a file the user picked or dropped to the host (POST ./upload) and
 * resolves with its upload id; reports bytes sent. The page cannot hand
 * main a path, so packages travel as bytes — in Electron and in the browser.
 */
export function uploadFile(file: Blob, onProgress: (sent: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', './upload');
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    request.onload = () => {
      if (request.status !== 200) return reject(new Error(request.responseText.trim() || `Upload failed (${request.status}).`));
      try {
        resolve((JSON.parse(request.responseText) as { uploadId: string }).uploadId);
      } catch {
        reject(new Error('The host answered the upload in an unexpected way.'));
      }
    };
    request.onerror = () => reject(new Error('The upload was interrupted.'));
    request.send(file);
  });
}
