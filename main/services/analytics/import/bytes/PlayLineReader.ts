import type { PlayLogBatch } from '../PlayLogBatch';

/** What is known of the bytes read with a line: nothing but ASCII (1), no double quote anywhere (2). */
export const ASCII = 1;
export const NO_QUOTES = 2;

/**
 * Reads one line of a play log (bytes `start` … `end` of `bytes`, without
 * its line break) into the batch. `plain` holds ASCII and NO_QUOTES when
 * they are true of every byte read with the line, so a reader need not
 * check each byte again.
 */
export type PlayLineReader = (bytes: Buffer, start: number, end: number, lineNumber: number, batch: PlayLogBatch, plain: number) => void;
