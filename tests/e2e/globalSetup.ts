import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests drive the built app: build once before them, so they never test a stale dist/.
 * As shipped: vitest sets NODE_ENV=test, which Vite would bake into the renderer — React's development
 * build, several times slower per render (an Error per element for owner stacks), which real-time
 * audio tests and the benchmarks that reuse dist/ would then measure.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
