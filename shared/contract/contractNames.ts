/**
 * The contract's channel and event names, without their schemas: all the
 * preload bridge needs (so its sandboxed bundle carries no zod). shared/contract.ts
 * checks at compile time that these are exactly the keys of its `endpoints`
 * and `events` — a channel added there and not here is a type error.
 *
 * @example
 * CHANNEL_NAMES.includes('ledger.verify');   // true
 */
export const CHANNEL_NAMES = [
  'library.info',
  'task.cancel',
  'settings.get',
  'settings.update',
  'catalog.search',
  'catalog.recording',
  'catalog.packages',
  'catalog.keys',
  'catalog.import',
  'projects.list',
  'projects.create',
  'projects.open',
  'projects.rights',
  'projects.edit',
  'projects.undo',
  'projects.redo',
  'projects.duplicate',
  'projects.delete',
  'projects.restore',
  'projects.revisions',
  'projects.restoreRevision',
  'projects.exportFile',
  'projects.importFile',
  'projects.command',
  'exports.check',
  'exports.start',
  'exports.list',
  'exports.show',
  'exports.inspect',
  'exports.bundle',
  'exports.reveal',
  'ledger.verify',
  'analytics.import',
  'analytics.simulate',
  'analytics.report',
  'analytics.overview',
  'analytics.aside',
  'analytics.flaggedPlays',
  'analytics.dispute',
  'analytics.tryFix',
  'recordings.add',
  'lineage.graph',
  'lineage.publishCheck',
  'lineage.publish',
  'approvals.request',
  'approvals.import',
] as const;
/**
 * The contract's event names, without their schemas (for the preload).
 *
 * @example
 * for (const name of EVENT_NAMES) console.log(name);   // task.progress, library.changed, service.error
 */
export const EVENT_NAMES = ['task.progress', 'library.changed', 'service.error'] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventNameOnly = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * Whether a value names a contract channel.
 *
 * @example
 * isChannelName('library.info') // true
 * isChannelName('../../etc')    // false
 */
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && channelSet.has(name);
}

/**
 * Whether a value names a contract event.
 *
 * @example
 * if (!isEventNameOnly(event)) throw new Error(`Unknown event ${String(event)}`);
 */
export function isEventNameOnly(name: unknown): name is EventNameOnly {
  return typeof name === 'string' && eventSet.has(name);
}

/**
 * Electron IPC channel for a contract channel; the preload and main both derive it here.
 *
 * @example
 * ipcChannelOf('catalog.search');   // "stemroom:catalog.search"
 */
export const ipcChannelOf = (channel: ChannelName): string => `stemroom:${channel}`;
/**
 * The single IPC channel events travel on (name + payload).
 *
 * @example
 * window.webContents.send(IPC_EVENT_CHANNEL, 'library.changed', { area: 'catalog' });
 */
export const IPC_EVENT_CHANNEL = 'stemroom:event';
