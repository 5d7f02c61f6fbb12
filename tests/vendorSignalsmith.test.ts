import fs from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { vendoredPath, vendoredSignalsmith } from '../scripts/vendorSignalsmith.mjs';

it('the vendored Signalsmith Stretch module is what the installed package gives (node scripts/vendorSignalsmith.mjs)', () => {
  expect(fs.readFileSync(vendoredPath as string, 'utf8') === (vendoredSignalsmith as () => string)()).toBe(true);
});
