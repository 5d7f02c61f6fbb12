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
import type { ChannelName, EventNameOnly } from './contract/contractNames';

/**
 * Every request/response channel of the contract, by name: the one map the hosts, the bridge and the CLI derive from.
 *
 * @example
 * const parsed = endpoints['catalog.search'].request.safeParse({ text: 'copper' });
 * if (parsed.success) parsed.data.limit;   // 100, the default filled in
 */
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

/**
 * Server → renderer notifications.
 *
 * @example
 * const parsed = events['library.changed'].safeParse(payload);
 * if (parsed.success && parsed.data.area === 'exports') list.reload();
 */
export const events = {
  'task.progress': taskProgressSchema,
  'library.changed': zod.object({ area: zod.enum(['catalog', 'projects', 'exports', 'plays']) }),
  'service.error': zod.object({ message: zod.string() }),
} as const;

/**
 * A contract channel's name.
 *
 * @example
 * const channel: Channel = 'projects.open';
 */
export type Channel = keyof typeof endpoints;
export type EventName = keyof typeof events;
/**
 * What a caller sends on channel `C` (defaults may be left out).
 *
 * @example
 * const request: RequestOf<'exports.list'> = { projectId };
 */
export type RequestOf<C extends Channel> = z.input<(typeof endpoints)[C]['request']>;
/**
 * What a handler receives on channel `C`: the request after validation, defaults filled in.
 *
 * @example
 * function list(request: ParsedRequestOf<'projects.list'>) {
 *   return request.trashed;   // boolean, never undefined
 * }
 */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof endpoints)[C]['request']>;
/**
 * What channel `C` answers.
 *
 * @example
 * const detail: ResponseOf<'catalog.recording'> = await bridge.call('catalog.recording', { id });
 */
export type ResponseOf<C extends Channel> = z.output<(typeof endpoints)[C]['response']>;
/**
 * What event `E` carries.
 *
 * @example
 * const progress: EventPayloadOf<'task.progress'> = { taskId, label: 'Rendering', done: 3, total: 8 };
 */
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

/**
 * Every channel's name, for hosts that register a handler per channel.
 *
 * @example
 * for (const channel of channels) ipcMain.handle(ipcChannelOf(channel), handle);
 */
export const channels = Object.keys(endpoints) as Channel[];

/**
 * Whether a value names a contract channel (narrowed for the typed maps).
 *
 * @example
 * if (!isChannel(message.channel)) return refuse('unknown channel');
 */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(endpoints, name);
}

/**
 * Whether a value names a contract event.
 *
 * @example
 * isEventName('task.progress');   // true
 */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export { ipcChannelOf, IPC_EVENT_CHANNEL } from './contract/contractNames';

// The preload's name lists (contract/contractNames.ts) must be exactly these keys: a type error otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ContractNamesMatch = Holds<Same<ChannelName, Channel>> | Holds<Same<EventNameOnly, EventName>>;

/**
 * What the renderer sees as `window.stemroom` (Electron preload) and what the
 * WebSocket client implements in the browser host.
 *
 * @example
 * const transport: StemroomTransport = window.stemroom ?? new WebSocketTransport(socketUrl.href);
 * const result = await transport.invoke('library.info', {});   // { ok: true, value } | { ok: false, error }
 */
export interface StemroomTransport {
  readonly host: 'electron' | 'browser';
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

export type { Result, ServiceErrorShape, ServiceErrorCode } from './contract/serviceError';
