import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './helpers/launchChromium';
import { callContract } from '../../main/cli/callContract';
import { libraryMetaQueries } from '../../main/db/libraryMetaQueries';
import { generateEd25519KeyPair } from '../../main/trust/ed25519';
import { creatorLibrary, writeOriginal } from '../fixtures/lineageFixtures';
import { openApp, type OpenApp } from './helpers/openApp';

/**
 * The family tree and "Publish as a source" in Chromium: B's library holds
 * A's published remix (whose original it never saw) and B's own export of it.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-e2e-lineage-'));
let app: OpenApp;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const a = await creatorLibrary('Ada Remix', work);
  const b = await creatorLibrary('Ben Flip', work);
  try {
    await callContract(a, 'catalog.import', { source: { path: writeOriginal(generateEd25519KeyPair().privateKeyPem, work) } });
    const project = await callContract(a, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: 'A flip' });
    const exported = await callContract(a, 'exports.start', { projectId: project.id, path: path.join(work, 'a.wav'), format: 'wav', isrc: 'GB-AAA-26-00001' });
    await callContract(a, 'lineage.publish', {
      exportId: exported.exportId,
      terms: { relicense: ['remix'], revenue: { master: 5000, publishing: 8000 } },
      stems: true,
      out: path.join(work, 'a-package'),
    });
    await callContract(b, 'catalog.import', { source: { path: path.join(work, 'a-package') } });
    const recording = (await callContract(b, 'catalog.search', {})).items[0]!;
    const projectB = await callContract(b, 'projects.create', { recordingId: recording.id, kind: 'remix', name: 'B flip' });
    await callContract(b, 'exports.start', { projectId: projectB.id, path: path.join(work, 'b flip.wav'), format: 'wav', isrc: 'GB-BBB-26-00001' });
    libraryMetaQueries(b.library.db).set('demo_catalog', 'none');
  } finally {
    a.close();
    b.close();
  }
  const bDir = fs.readdirSync(work).find((name) => name.startsWith('ben-flip-'))!;
  app = await openApp(path.join(work, bDir), { viewport: { width: 1440, height: 1000 } });
  ({ page, errors } = app);
}, 240_000);

afterAll(async () => {
  await app?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

it("the catalog shows a derivative's family tree: the original known from its signed chain, A's remix, B's export; selecting a node shows who receives what", async () => {
  await page.getByRole('option', { name: /A flip/ }).click();
  const tree = page.getByRole('region', { name: 'Family tree' });
  await expect
    .poll(() => tree.getByRole('button', { name: /^Test Song, original recording by The Testers, generation 0, known only from a signed chain/ }).count())
    .toBe(1);
  expect(await tree.getByRole('button', { name: /^A flip, published derivative by Ada Remix, generation 1, this one/ }).count()).toBe(1);
  expect(await tree.getByRole('button', { name: /^B flip, export by Ben Flip, generation 2/ }).count()).toBe(1);
  await expect.poll(() => tree.getByRole('complementary', { name: 'Selected' }).textContent()).toMatch(/Test Records.*70\.00 %.*Ada Remix.*30\.00 %/);
  await tree.getByRole('button', { name: /^Test Song/ }).click();
  await expect
    .poll(() => tree.getByRole('complementary', { name: 'Selected' }).textContent())
    .toMatch(/Ada Writer composer 30\.00 %.*Ben Lyric lyricist 20\.00 %.*Test Publishing publisher 50\.00 %/);
  await tree.getByRole('button', { name: /^A flip/ }).click();
  // Keyboard: the selected node takes focus; ← goes to its parent.
  await tree.getByRole('button', { name: /^A flip/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => tree.getByRole('complementary', { name: 'Selected' }).textContent()).toMatch(/^Test Song/);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Test Song/);
  await screenshot(page, 'lineage-catalog');
});

it("the Exports place publishes B's export as a source, starting from the bound (Germany excluded, the vocal rule carried)", async () => {
  await page.getByRole('link', { name: 'Exports' }).click();
  await page.getByRole('button', { name: 'Publish as a source…' }).click();
  const dialog = page.getByRole('dialog', { name: /Publish “B flip” as a source/ });
  await expect.poll(() => dialog.getByLabel('Territories excluded').inputValue()).toBe('DE');
  expect(await dialog.getByTestId('inherited-rules').textContent()).toMatch(/Mix: no-pitch-shift \(licence L-M1\)/);
  expect(await dialog.getByRole('checkbox', { name: /remixes may be published as sources/ }).isChecked()).toBe(false);
  await screenshot(page, 'lineage-publish-dialog');
  await dialog.getByLabel('Territories excluded').fill('');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect
    .poll(() => dialog.getByRole('alert').textContent())
    .toMatch(/The terms are refused: territories: Germany \(DE\) is excluded by licence L-M1 of Test Records/);
  await dialog.getByLabel('Territories excluded').fill('DE');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect.poll(() => dialog.getByRole('region', { name: 'Published' }).textContent(), { timeout: 60_000 }).toMatch(/Published to .* as package drv-/);
  await screenshot(page, 'lineage-published');
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect(errors).toEqual([]);
});
