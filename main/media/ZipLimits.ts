/** What a zip archive may inflate to before it is refused (package and project-file imports; tests lower it). */
export interface ZipLimits {
  /** Total uncompressed bytes allowed (declared, and counted as written). */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
  /** Uncompressed/compressed ratio above which an entry, of any size, counts as a bomb. */
  readonly maxRatio: number;
}

export const defaultZipLimits: ZipLimits = { maxTotalBytes: 8 * 2 ** 30, maxEntries: 10_000, maxRatio: 200 };
