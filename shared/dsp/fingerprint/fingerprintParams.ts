/**
 * The fixed analysis parameters of the landmark fingerprint. They are part of
 * the stored format: a fingerprint computed with other values cannot be
 * compared, so `FINGERPRINT_VERSION` changes whenever one of them does and a
 * stored fingerprint of another version is refused (recompute it).
 *
 * Why these values (Wang 2003 and Ellis' audfprint use the same orders of magnitude):
 * - 8 kHz mono: every peak that survives MP3/Ogg at any bitrate lies below
 *   3.4 kHz; a fixed analysis rate makes 44.1 kHz and 48 kHz copies identical
 *   to the analysis.
 * - 1024-point Hann frames (128 ms, 7.8 Hz bins) every 256 samples (32 ms):
 *   sustained synthesiser and sampled-instrument notes give stable peaks, and
 *   a copy shifted by any number of samples lands within half a hop.
 * - Peaks are chosen per frequency band and per second, so a bass line in a
 *   mix keeps its low peaks and a vocal its mid peaks: a stem under other
 *   audio still owns part of the constellation.
 */
export const FINGERPRINT_VERSION = 1;
/** How stored fingerprints name their algorithm and version (a database column); another value is recomputed, never compared. */
export const FINGERPRINT_ALGORITHM = `landmark/${FINGERPRINT_VERSION}`;

/** Analysis sample rate (Hz); input at any rate is resampled to it with an anti-alias filter. */
export const ANALYSIS_RATE = 8000;
/** FFT size and window length (samples at ANALYSIS_RATE). */
export const FRAME_SIZE = 1024;
/** Hop between frames (samples at ANALYSIS_RATE): 32 ms. */
export const HOP_SIZE = 256;
/** Seconds per spectrogram frame. */
export const FRAME_SECONDS = HOP_SIZE / ANALYSIS_RATE;

/** Resampler passband edge and stopband start (Hz): nothing above 4.6 kHz may alias below 3.4 kHz. */
export const PASSBAND_HZ = 3400;
export const STOPBAND_HZ = 4600;

/** Spectrogram bins used for peaks: 40 Hz … 3.4 kHz. */
export const MIN_BIN = Math.round((40 * FRAME_SIZE) / ANALYSIS_RATE);
export const MAX_BIN = Math.round((PASSBAND_HZ * FRAME_SIZE) / ANALYSIS_RATE);

/** A peak is the largest value within ± this many bins (±47 Hz) … */
export const PEAK_NEIGHBOUR_BINS = 6;
/** … and ± this many frames (±96 ms). */
export const PEAK_NEIGHBOUR_FRAMES = 3;
/** Peaks quieter than this (dB re a full-scale sine) are silence or dither. */
export const ABSOLUTE_FLOOR_DB = -90;
/** Peaks more than this far below the loudest peak of their second are reverb tails and codec noise. */
export const RELATIVE_FLOOR_DB = 50;
/** Density control: frames per block (~1 s) and the band edges (Hz) within which the strongest peaks are kept. */
export const BLOCK_FRAMES = 32;
export const BAND_EDGES_HZ: readonly number[] = [40, 300, 600, 1200, 2200, PASSBAND_HZ + 1];
/** The strongest peaks kept per band per block. */
export const PEAKS_PER_BAND = 5;

/** Pairing: each anchor pairs with the first FAN_OUT peaks 1…MAX_DT frames later and within ±MAX_DF bins. */
export const FAN_OUT = 5;
export const MAX_DT = 63;
export const MAX_DF = 127;
