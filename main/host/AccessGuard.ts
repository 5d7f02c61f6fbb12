import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Refusal = { status: number; reason: string };

/**
 * The browser host's door: loopback Host only (DNS rebinding), same-origin
 * Origin only (other sites), and the per-start token on every request, either
 * as `?token=` (first visit, scripts) or as the HttpOnly cookie set from it.
 *
 * Cookies are not isolated by port: a cookie for 127.0.0.1 reaches every
 * server on 127.0.0.1. So the page lives under a random session path
 * (`/s/<random>/`, its URLs are relative) and the cookie is scoped to that
 * path: a server on another loopback port never sees it, because the
 * browser only sends it to URLs under a path that server cannot know.
 */
export class AccessGuard {
  readonly token: string;
  readonly cookieName: string;
  /** Where the page lives, e.g. `/s/Zq3…/`; the cookie is sent only below it. */
  readonly sessionPath: string;
  private readonly allowedHosts: ReadonlySet<string>;
  private readonly allowedOrigins: ReadonlySet<string>;

  constructor(port: number, token = crypto.randomBytes(24).toString('base64url')) {
    this.token = token;
    this.cookieName = `stemroom_token_${port}`;
    this.sessionPath = `/s/${crypto.randomBytes(18).toString('base64url')}/`;
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
  }

  /** Where the token came from, or null if the request does not carry a valid one. */
  tokenSource(request: IncomingMessage): 'query' | 'cookie' | null {
    let fromQuery: string | null = null;
    try {
      fromQuery = new URL(request.url ?? '/', 'http://placeholder').searchParams.get('token');
    } catch {
      // A request-target no URL parser accepts carries no token; the route answers 400.
    }
    if (fromQuery !== null && this.matches(fromQuery)) return 'query';
    const fromCookie = parseCookies(request.headers.cookie)[this.cookieName];
    if (fromCookie !== undefined && this.matches(fromCookie)) return 'cookie';
    return null;
  }

  /** Checks Host, Origin and token; `requireOrigin` is for WebSocket upgrades, which browsers always label. */
  check(request: IncomingMessage, requireOrigin: boolean): Refusal | null {
    const host = request.headers.host;
    if (!host || !this.allowedHosts.has(host.toLowerCase())) {
      return { status: 421, reason: `Host "${host ?? ''}" is not this Stemroom host (only 127.0.0.1 and localhost are served).` };
    }
    const origin = request.headers.origin;
    if (origin === undefined ? requireOrigin : !this.allowedOrigins.has(origin.toLowerCase())) {
      return { status: 403, reason: `Origin "${origin ?? '(none)'}" may not use this Stemroom host.` };
    }
    if (this.tokenSource(request) === null) {
      return { status: 401, reason: 'Missing or wrong access token: open the URL printed by `stemroom serve`.' };
    }
    return null;
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=${this.sessionPath}`;
  }

  /** The app path a request names: below the session path, the same path from the root (`/s/…/media/x` → `/media/x`). */
  appPath(pathname: string): string {
    return pathname.startsWith(this.sessionPath) ? `/${pathname.slice(this.sessionPath.length)}` : pathname;
  }

  private matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return cookies;
}
