import type { Command } from './commandSchema';

const labels: Record<Command['type'], string> = {
  setTempo: 'Change tempo',
  setKey: 'Change key',
  setTimeSignature: 'Change time signature',
  rename: 'Rename project',
  addSource: 'Add source',
  removeSource: 'Remove source',
  addTrack: 'Add track',
  removeTrack: 'Delete track',
  updateTrack: 'Change track',
  moveTrack: 'Move track',
  addClip: 'Add clip',
  removeClip: 'Delete clip',
  updateClip: 'Edit clip',
  splitClip: 'Split clip',
  addEffect: 'Add effect',
  removeEffect: 'Remove effect',
  updateEffect: 'Change effect',
  addMarker: 'Add marker',
  removeMarker: 'Delete marker',
  updateMarker: 'Edit marker',
  setLoop: 'Set loop',
  updateMaster: 'Change master',
  replaceDocument: 'Restore revision',
  batch: 'Edit',
};

/** A short label for undo menus and revision lists: "Undo Split clip". */
export function describeCommand(command: Command): string {
  if (command.type === 'batch')
    return command.label ?? (command.commands.length === 1 ? describeCommand(command.commands[0]!) : `${command.commands.length} edits`);
  if (command.type === 'updateTrack') {
    const keys = Object.keys(command.changes);
    if (keys.length === 1 && keys[0] === 'mute') return command.changes.mute ? 'Mute track' : 'Unmute track';
    if (keys.length === 1 && keys[0] === 'solo') return command.changes.solo ? 'Solo track' : 'Unsolo track';
    if (keys.length === 1 && keys[0] === 'gainDb') return 'Change track volume';
  }
  if (command.type === 'updateClip') {
    const keys = Object.keys(command.changes);
    if (keys.every((k) => k === 'start' || k === 'trackId')) return 'Move clip';
    if (keys.includes('fadeIn') || keys.includes('fadeOut')) return 'Change fade';
    if (keys.includes('length') || keys.includes('sourceOffset')) return 'Trim clip';
  }
  return labels[command.type];
}
