/**
 * The one contract between the renderer and the services. Channel names,
 * the preload bridge, the browser host's WebSocket routes and the client
 * types are all derived from the objects below; there is no second list.
 *
 * The receiving side validates: main parses requests, the renderer parses
 * responses and events.
 */
import type { z } from 'zod';
import { z as zod } from 'zod';
import { libraryEndpoints } from './contract/libraryContract';
import { taskEndpoints, taskProgressSchema } from './contract/taskContract';
import { catalogEndpoints, settingsEndpoints } from './contract/catalogContract';
import { projectsEndpoints } from './contract/projectsContract';
import { commandEndpoints } from './contract/commandContract';
import { exportsEndpoints } from './contract/exportsContract';
import { analyticsEndpoints } from './contract/analyticsContract';
import { recordingsEndpoints } from './contract/recordingsContract';
import { lineageEndpoints } from './contract/lineageContract';
import type { Result } from './contract/serviceError';

export const endpoints = {
  ...libraryEndpoints,
  ...taskEndpoints,
  ...settingsEndpoints,
  ...catalogEndpoints,
  ...projectsEndpoints,
  ...commandEndpoints,
  ...exportsEndpoints,
  ...analyticsEndpoints,
  ...recordingsEndpoints,
  ...lineageEndpoints,
} as const;

/** Server → renderer notifications. */
export const events = {
  'task.progress': taskProgressSchema,
  'library.changed': zod.object({ area: zod.enum(['catalog', 'projects', 'exports', 'plays']) }),
  'service.error': zod.object({ message: zod.string() }),
} as const;

export type Channel = keyof typeof endpoints;
export type EventName = keyof typeof events;
export type RequestOf<C extends Channel> = z.input<(typeof endpoints)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof endpoints)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof endpoints)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const channels = Object.keys(endpoints) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(endpoints, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** Electron IPC channel for a contract channel; the preload and main both derive it here. */
export const ipcChannelOf = (channel: Channel): string => `stemroom:${channel}`;
/** The single IPC channel events travel on (name + payload). */
export const IPC_EVENT_CHANNEL = 'stemroom:event';

/**
 * What the renderer sees as `window.stemroom` (Electron preload) and what the
 * WebSocket client implements in the browser host.
 */
export interface StemroomTransport {
  readonly host: 'electron' | 'browser';
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

export type { Result, ServiceErrorShape, ServiceErrorCode } from './contract/serviceError';
