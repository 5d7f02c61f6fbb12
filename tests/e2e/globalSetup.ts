import { execFileSync } from 'node:child_process';

/** End-to-end tests drive the built app: build once before them, so they never test a stale dist/. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
