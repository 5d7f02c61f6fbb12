import type http from 'node:http';
import type { Uploads } from '../services/Uploads';
import { ServiceError } from '../services/ServiceError';
import { refuse, refuseForError } from './httpReplies';

/**
 * POST /upload: the body becomes an upload the page then names in a
 * contract request. A declared size over the limit is refused before a byte
 * is read; a body that grows past it, or a client that goes away, leaves
 * nothing behind (Uploads removes the partial file).
 */
export async function receiveUpload(request: http.IncomingMessage, response: http.ServerResponse, uploads: Uploads): Promise<void> {
  if (request.headers.origin === undefined) return refuse(response, 403, 'Uploads must come from the Stemroom page.', true);
  const declared = request.headers['content-length'];
  if (declared !== undefined && !(Number(declared) <= uploads.maxBytes)) {
    return refuse(response, 413, `The upload is larger than ${uploads.maxBytes} bytes.`, true);
  }
  try {
    const uploadId = await uploads.receive(request);
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ uploadId }));
  } catch (error) {
    if (request.destroyed && !request.complete) return void response.destroy();
    if (error instanceof ServiceError) return refuse(response, 413, error.message, true);
    refuseForError(response, error, 'upload');
  }
}
