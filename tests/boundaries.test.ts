import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules are law: each row is an import (or SQL) placed in a file
 * of some layer, linted with the project's real config; forbidden ones must
 * fail `npm test`, allowed ones must pass.
 */
const eslint = new ESLint({ cwd: process.cwd() });
const boundaryRules = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax']);

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2 && boundaryRules.has(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it.each([
    ['shared/rights/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/rights/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/rights/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['shared/rights/x.ts', "import React from 'react';\nexport const a = React;"],
    ['shared/rights/x.ts', "import { Library } from '../../main/services/Library';\nexport const a = Library;"],
    ['shared/rights/x.ts', 'export const a = window.location;'],
    ['renderer/places/catalog/x.tsx', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/places/catalog/x.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/places/catalog/x.tsx', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/places/catalog/x.tsx', "import { Library } from '../../../main/services/Library';\nexport const a = Library;"],
    ['renderer/audio/x.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['renderer/audio/x.ts', "import WaveSurfer from 'wavesurfer.js';\nexport const a = WaveSurfer;"],
    ['renderer/audio/x.ts', "import { CatalogPlace } from '../places/catalog/CatalogPlace';\nexport const a = CatalogPlace;"],
    ['main/services/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['main/services/x.ts', "export const run = (db: { prepare(s: string): unknown }) => db.prepare('x');"],
    ['main/services/x.ts', "export const q = 'SELECT * FROM recordings';"],
    ['main/cli/x.ts', 'export const q = `DELETE FROM ledger WHERE id = ${1}`;'],
    ['main/services/x.ts', "import { App } from '../../renderer/app/App';\nexport const a = App;"],
    ['main/services/x.ts', 'export const a = document.title;'],
    ['main/app/x.ts', "import { ipcMain } from 'electron';\nipcMain.handle('raw', () => 1);"],
  ])('refuses %s: %s', async (filePath, code) => {
    expect(await problems(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/rights/x.ts', "import { z } from 'zod';\nexport const a = z.string();"],
    ['shared/project/x.ts', "export const labels = ['Delete clip', 'Select all', 'Update track'];"],
    ['renderer/places/catalog/x.tsx', "import { useState } from 'react';\nexport const a = useState;"],
    ['renderer/audio/x.ts', "import * as Tone from 'tone';\nexport const a = Tone;"],
    ['main/db/x.ts', "import Database from 'better-sqlite3';\nexport const q = new Database(':memory:').prepare('SELECT 1');"],
    ['main/services/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['main/services/x.ts', "import { renderMix } from '../../renderer/audio/renderMix';\nexport const a = renderMix;"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });
});
