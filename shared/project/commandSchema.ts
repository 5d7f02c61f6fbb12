import { z } from 'zod';
import { clipSchema, effectSchema, markerSchema, projectDocumentSchema, sourceSchema, trackSchema, effectParamsSchema } from './documentSchema';
import type { automationPointSchema } from './documentSchema';

const id = z.string().min(1).max(80);
const index = z.number().int().min(0).optional();

const trackChanges = trackSchema.pick({ name: true, color: true, gainDb: true, pan: true, mute: true, solo: true, volumeAutomation: true }).partial().strict();
const clipChanges = clipSchema.omit({ id: true }).partial().strict();

/**
 * Every edit a project can take, as data: the renderer sends these, the
 * projects service applies them with `applyCommand`, undo applies their
 * inverses. One door for every change (openDAW's ProjectApi idea).
 */
export const commandSchema: z.ZodType<Command> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('setTempo'), bpm: z.number() }),
    z.object({ type: z.literal('setKey'), key: z.string() }),
    z.object({ type: z.literal('setTimeSignature'), timeSignature: z.tuple([z.number().int(), z.number().int()]) }),
    z.object({ type: z.literal('rename'), name: z.string() }),
    z.object({ type: z.literal('addSource'), source: sourceSchema, index }),
    z.object({ type: z.literal('removeSource'), sourceId: id }),
    z.object({ type: z.literal('addTrack'), track: trackSchema, index }),
    z.object({ type: z.literal('removeTrack'), trackId: id }),
    z.object({ type: z.literal('updateTrack'), trackId: id, changes: trackChanges }),
    z.object({ type: z.literal('moveTrack'), trackId: id, index: z.number().int().min(0) }),
    z.object({ type: z.literal('addClip'), clip: clipSchema, index }),
    z.object({ type: z.literal('removeClip'), clipId: id }),
    z.object({ type: z.literal('updateClip'), clipId: id, changes: clipChanges }),
    z.object({ type: z.literal('splitClip'), clipId: id, beat: z.number(), newClipId: id }),
    z.object({ type: z.literal('addEffect'), trackId: id, effect: effectSchema, index }),
    z.object({ type: z.literal('removeEffect'), trackId: id, effectId: id }),
    z.object({
      type: z.literal('updateEffect'),
      trackId: id,
      effectId: id,
      changes: z.object({ enabled: z.boolean().optional(), params: effectParamsSchema.optional() }).strict(),
    }),
    z.object({ type: z.literal('addMarker'), marker: markerSchema, index }),
    z.object({ type: z.literal('removeMarker'), markerId: id }),
    z.object({ type: z.literal('updateMarker'), markerId: id, changes: markerSchema.omit({ id: true }).partial().strict() }),
    z.object({ type: z.literal('setLoop'), loop: projectDocumentSchema.shape.loop }),
    z.object({ type: z.literal('updateMaster'), changes: projectDocumentSchema.shape.master.partial().strict() }),
    z.object({ type: z.literal('replaceDocument'), document: projectDocumentSchema }),
    z.object({ type: z.literal('batch'), label: z.string().max(100).optional(), commands: z.array(commandSchema).max(1000) }),
  ]),
);

type TrackChanges = z.infer<typeof trackChanges>;
type ClipChanges = z.infer<typeof clipChanges>;
type AutomationPoint = z.infer<typeof automationPointSchema>;
export type { TrackChanges, ClipChanges, AutomationPoint };

export type Command =
  | { type: 'setTempo'; bpm: number }
  | { type: 'setKey'; key: string }
  | { type: 'setTimeSignature'; timeSignature: [number, number] }
  | { type: 'rename'; name: string }
  | { type: 'addSource'; source: z.infer<typeof sourceSchema>; index?: number }
  | { type: 'removeSource'; sourceId: string }
  | { type: 'addTrack'; track: z.infer<typeof trackSchema>; index?: number }
  | { type: 'removeTrack'; trackId: string }
  | { type: 'updateTrack'; trackId: string; changes: TrackChanges }
  | { type: 'moveTrack'; trackId: string; index: number }
  | { type: 'addClip'; clip: z.infer<typeof clipSchema>; index?: number }
  | { type: 'removeClip'; clipId: string }
  | { type: 'updateClip'; clipId: string; changes: ClipChanges }
  | { type: 'splitClip'; clipId: string; beat: number; newClipId: string }
  | { type: 'addEffect'; trackId: string; effect: z.infer<typeof effectSchema>; index?: number }
  | { type: 'removeEffect'; trackId: string; effectId: string }
  | { type: 'updateEffect'; trackId: string; effectId: string; changes: { enabled?: boolean; params?: z.infer<typeof effectParamsSchema> } }
  | { type: 'addMarker'; marker: z.infer<typeof markerSchema>; index?: number }
  | { type: 'removeMarker'; markerId: string }
  | { type: 'updateMarker'; markerId: string; changes: Partial<Omit<z.infer<typeof markerSchema>, 'id'>> }
  | { type: 'setLoop'; loop: z.infer<typeof projectDocumentSchema>['loop'] }
  | { type: 'updateMaster'; changes: Partial<z.infer<typeof projectDocumentSchema>['master']> }
  | { type: 'replaceDocument'; document: z.infer<typeof projectDocumentSchema> }
  | { type: 'batch'; label?: string; commands: Command[] };
