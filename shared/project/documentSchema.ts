import { z } from 'zod';
import { PROJECT_SAMPLE_RATES } from './projectSampleRate';

/**
 * The project document (schemaVersion 3): versioned JSON holding the whole
 * arrangement. Times on the timeline are in beats (so a tempo change keeps
 * the arrangement musical); source positions are in seconds of the source.
 *
 * Version 2 added takes: a clip can be inactive — an alternative take kept
 * on its track but not heard (comping picks which take plays where).
 * Version 3 added the project's sample rate (what exports keep by default).
 */
export const PROJECT_SCHEMA_VERSION = 3;

export const LIMITS = {
  bpm: { min: 20, max: 300 },
  gainDb: { min: -60, max: 12 },
  pan: { min: -1, max: 1 },
  rate: { min: 0.25, max: 4 },
  pitch: { min: -24, max: 24 },
  beats: { max: 100_000 },
} as const;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/);
const beat = z.number().min(0).max(LIMITS.beats.max);
const gainDb = z.number().min(LIMITS.gainDb.min).max(LIMITS.gainDb.max);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const catalogSourceSchema = z.object({
  id,
  type: z.literal('catalog'),
  stemId: id,
  recordingId: id,
  packageId: id,
  sha256,
  name: z.string().min(1).max(200),
  kind: z.enum(['vocals', 'drums', 'bass', 'keys', 'guitar', 'fx', 'other']),
  /** The tempo and key the stem was recorded at: what warping and transposing start from. */
  bpm: z.number().min(20).max(400),
  key: z.string().max(20),
  durationSec: z.number().positive(),
  sampleRate: z.number().int().positive(),
});

export const recordingSourceSchema = z.object({
  id,
  type: z.literal('recording'),
  sha256,
  name: z.string().min(1).max(200),
  bpm: z.number().min(20).max(400),
  durationSec: z.number().positive(),
  sampleRate: z.number().int().positive(),
  recordedAt: z.string(),
});

export const sourceSchema = z.discriminatedUnion('type', [catalogSourceSchema, recordingSourceSchema]);

export const fadeSchema = z.object({
  beats: beat,
  curve: z.enum(['linear', 'exponential', 'equal-power']),
});

export const clipSchema = z.object({
  id,
  trackId: id,
  sourceId: id,
  /** Timeline position and length, in beats. */
  start: beat,
  length: z.number().positive().max(LIMITS.beats.max),
  /** Where in the source the clip starts, in source seconds. */
  sourceOffset: z.number().min(0),
  gainDb,
  fadeIn: fadeSchema,
  fadeOut: fadeSchema,
  /** 1 plays the source warped to the project tempo; 0.5 half-time, 2 double-time. */
  rate: z.number().min(LIMITS.rate.min).max(LIMITS.rate.max),
  /** Semitones on top of the project's transposition. */
  pitch: z.number().int().min(LIMITS.pitch.min).max(LIMITS.pitch.max),
  /** Loop the first `loopBeats` of the clip's material to fill its length; null plays straight through. */
  loopBeats: z.number().positive().max(LIMITS.beats.max).nullable(),
  /** False for an alternative take kept on the track but not heard (not played, rendered or licensed). */
  active: z.boolean(),
});

export const eq3Schema = z.object({
  type: z.literal('eq3'),
  lowDb: z.number().min(-24).max(24),
  midDb: z.number().min(-24).max(24),
  highDb: z.number().min(-24).max(24),
  lowHz: z.number().min(40).max(1000),
  highHz: z.number().min(1000).max(16000),
});
export const compressorSchema = z.object({
  type: z.literal('compressor'),
  thresholdDb: z.number().min(-60).max(0),
  ratio: z.number().min(1).max(20),
  attackMs: z.number().min(0.1).max(200),
  releaseMs: z.number().min(10).max(2000),
  makeupDb: z.number().min(0).max(24),
});
export const reverbSchema = z.object({
  type: z.literal('reverb'),
  decaySec: z.number().min(0.1).max(10),
  preDelayMs: z.number().min(0).max(200),
  mix: z.number().min(0).max(1),
});
export const delaySchema = z.object({
  type: z.literal('delay'),
  beats: z
    .number()
    .min(1 / 16)
    .max(4),
  feedback: z.number().min(0).max(0.95),
  mix: z.number().min(0).max(1),
});
export const filterSchema = z.object({
  type: z.literal('filter'),
  mode: z.enum(['lowpass', 'highpass', 'bandpass']),
  frequencyHz: z.number().min(20).max(20000),
  q: z.number().min(0.1).max(20),
});
export const effectParamsSchema = z.discriminatedUnion('type', [eq3Schema, compressorSchema, reverbSchema, delaySchema, filterSchema]);
export const effectSchema = z.object({ id, enabled: z.boolean(), params: effectParamsSchema });

export const automationPointSchema = z.object({ beat, gainDb });

export const trackSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  kind: z.enum(['audio', 'record']),
  gainDb,
  pan: z.number().min(LIMITS.pan.min).max(LIMITS.pan.max),
  mute: z.boolean(),
  solo: z.boolean(),
  effects: z.array(effectSchema).max(16),
  /** Volume automation; empty means the fader alone. */
  volumeAutomation: z.array(automationPointSchema).max(10_000),
});

export const markerSchema = z.object({ id, beat, name: z.string().min(1).max(60) });

export const projectDocumentSchema = z.object({
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  kind: z.enum(['remix', 'cover']),
  /** The recording the project started from (its licences are what the export checks first). */
  recordingId: id,
  bpm: z.number().min(LIMITS.bpm.min).max(LIMITS.bpm.max),
  timeSignature: z.tuple([z.number().int().min(1).max(16), z.union([z.literal(2), z.literal(4), z.literal(8), z.literal(16)])]),
  /** The project key ("A minor"); pitched sources are transposed from their own key to it. */
  key: z.string().regex(/^[A-G](#|b)? (major|minor)$/),
  /** The rate the mix renders at and exports keep unless asked otherwise: by default its sources' (projectSampleRate). */
  sampleRate: z.literal(PROJECT_SAMPLE_RATES),
  sources: z.array(sourceSchema).max(1000),
  tracks: z.array(trackSchema).max(128),
  clips: z.array(clipSchema).max(10_000),
  markers: z.array(markerSchema).max(1000),
  loop: z.object({ enabled: z.boolean(), start: beat, end: beat }),
  master: z.object({ gainDb, limiterCeilingDb: z.number().min(-12).max(0) }),
});

export type ProjectDocument = z.infer<typeof projectDocumentSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type CatalogSource = z.infer<typeof catalogSourceSchema>;
export type RecordingSource = z.infer<typeof recordingSourceSchema>;
export type Clip = z.infer<typeof clipSchema>;
export type Track = z.infer<typeof trackSchema>;
export type Effect = z.infer<typeof effectSchema>;
export type EffectParams = z.infer<typeof effectParamsSchema>;
export type EffectType = EffectParams['type'];
export type Marker = z.infer<typeof markerSchema>;
export type Fade = z.infer<typeof fadeSchema>;
