import type { App, Session } from 'electron';
import { isAppUrl } from './appOrigin';

/**
 * Every web contents stays on our app: navigation away, new windows and
 * <webview> are denied; of all permissions only the microphone (for covers)
 * is granted, and only to our own origin.
 */
export function hardenWebContents(app: App, session: Session): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = (details as { mediaTypes?: string[] }).mediaTypes ?? ['audio'];
    const audioOnly = mediaTypes.every((type) => type === 'audio');
    callback(permission === 'media' && audioOnly && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'media' && isAppUrl(requestingOrigin));
}
