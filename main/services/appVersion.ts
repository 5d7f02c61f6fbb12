import packageJson from '../../package.json' with { type: 'json' };

/** The version written into attribution records and shown in the status bar. */
export const appVersion: string = packageJson.version;
