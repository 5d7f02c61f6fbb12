import { useSyncExternalStore } from 'react';

export const places = ['catalog', 'studio', 'exports', 'analytics'] as const;
export type Place = (typeof places)[number];

export interface Route {
  readonly place: Place;
  /** Path segments after the place, e.g. `#/studio/PROJECT_ID` → ['PROJECT_ID']. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', queryString = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first, ...params] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const place = (places as readonly string[]).includes(first ?? '') ? (first as Place) : 'catalog';
  return { place, params, query: new URLSearchParams(queryString) };
}

let cached: { hash: string; route: Route } | undefined;
function snapshot(): Route {
  if (cached?.hash !== location.hash) cached = { hash: location.hash, route: parse(location.hash) };
  return cached.route;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** Hash routing: works the same under stemroom://app and http://127.0.0.1. */
export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

export function hrefOf(place: Place, ...params: string[]): string {
  return `#/${[place, ...params.map(encodeURIComponent)].join('/')}`;
}

export function navigate(place: Place, ...params: string[]): void {
  location.hash = hrefOf(place, ...params);
}
