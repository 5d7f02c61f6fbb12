/** The file was written by a newer Stemroom; we refuse to touch it rather than guess. */
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `The library at ${file} was written by a newer Stemroom (schema ${fileVersion}; this version knows up to ${knownVersion}). ` +
        'Update Stemroom, or choose another data dir with --data-dir. The file was left untouched.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}
