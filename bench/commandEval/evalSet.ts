import { z } from 'zod';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A number, or an inclusive [min, max] range. */
const range = z.union([z.number(), z.tuple([z.number(), z.number()])]);
export type Range = z.infer<typeof range>;
const span = z.tuple([z.number(), z.number()]);
const tracks = z.union([z.string(), z.array(z.string()).min(1)]);
const effectType = z.enum(['eq3', 'compressor', 'reverb', 'delay', 'filter']);

/**
 * One expected change, in words a musician would use. See documentChanges.ts
 * for what each consumes; a reading matches when its expectations explain
 * every change a candidate made.
 */
export const expectationSchema = z.union([
  z.object({ tempo: range }).strict(),
  z.object({ key: z.union([z.string(), z.array(z.string())]) }).strict(),
  z.object({ loop: z.union([span, z.literal(false)]) }).strict(),
  z.object({ master: z.object({ gainDelta: range }).strict() }).strict(),
  z.object({ markerAdded: z.tuple([z.string(), z.number()]) }).strict(),
  z.object({ markerRemoved: z.string() }).strict(),
  z.object({ markerMoved: z.tuple([z.string(), z.number()]) }).strict(),
  z.object({ markerRenamed: z.tuple([z.string(), z.string()]) }).strict(),
  z.object({ allClips: z.object({ rate: z.number().optional(), pitch: z.number().optional() }).strict() }).strict(),
  z
    .object({
      track: tracks,
      effect: effectType,
      added: z.literal(true).optional(),
      removed: z.literal(true).optional(),
      enabled: z.boolean().optional(),
      params: z.record(z.string(), z.union([range, z.string()])).optional(),
      paramDelta: z.record(z.string(), range).optional(),
    })
    .strict(),
  z
    .object({
      track: tracks,
      region: z.union([span, z.array(span).min(1)]),
      heard: z.literal(false).optional(),
      removed: z.literal(true).optional(),
      gainDelta: range.optional(),
      rate: z.number().optional(),
      pitch: z.number().optional(),
      toNewTrack: z.object({ pan: range.optional(), effect: effectType.optional() }).strict().optional(),
    })
    .strict(),
  z
    .object({ track: tracks, fadeIn: range.optional(), fadeOut: range.optional(), at: z.number().optional() })
    .strict()
    .refine((e) => e.fadeIn !== undefined || e.fadeOut !== undefined),
  z.object({ track: tracks, move: span }).strict(),
  z.object({ track: tracks, copy: z.tuple([z.number(), z.number(), z.number()]) }).strict(),
  z.object({ track: tracks, split: z.union([z.number(), z.array(z.number())]) }).strict(),
  z
    .object({
      track: tracks,
      gainDelta: range.optional(),
      gainDb: range.optional(),
      pan: range.optional(),
      mute: z.boolean().optional(),
      solo: z.boolean().optional(),
    })
    .strict(),
]);
export type Expectation = z.infer<typeof expectationSchema>;

export const evalEntrySchema = z.object({
  id: z.string(),
  text: z.string().min(1),
  tags: z.array(z.string()),
  /** Each acceptable reading: the changes it makes. */
  accept: z.array(z.array(expectationSchema).min(1)).min(1),
  /** What the licence check must say about the candidate that matches. */
  licence: z.enum(['allowed', 'refused']).optional(),
});
export type EvalEntry = z.infer<typeof evalEntrySchema>;

const evalFileSchema = z.object({ about: z.string(), entries: z.array(evalEntrySchema) });

const here = path.dirname(fileURLToPath(import.meta.url));

/** The tuning part (`tuning.json`) or the held-out part (`heldout.json`) of the evaluation set. */
export function loadEvalSet(part: 'tuning' | 'heldout'): EvalEntry[] {
  return evalFileSchema.parse(JSON.parse(fs.readFileSync(path.join(here, `${part}.json`), 'utf8'))).entries;
}
