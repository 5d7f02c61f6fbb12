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
    ['shared/rights/x.ts', "import { MixGraph } from '../../engine/common/graph/MixGraph';\nexport const a = MixGraph;"],
    ['renderer/places/studio/x.ts', "import { renderProject } from '../../../engine/common/render/renderProject';\nexport const a = renderProject;"],
    ['renderer/places/studio/x.ts', "import { loadWebAudio } from '../../../engine/node/webAudio';\nexport const a = loadWebAudio;"],
    // engine/common: runs in both processes — Web Audio and plain DSP only.
    ['engine/common/graph/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['engine/common/graph/x.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['engine/common/graph/x.ts', "import * as Tone from 'tone';\nexport const a = Tone;"],
    ['engine/common/graph/x.ts', "import { Engine } from '../../browser/live/Engine';\nexport const a = Engine;"],
    ['engine/common/graph/x.ts', "import { loadWebAudio } from '../../node/webAudio';\nexport const a = loadWebAudio;"],
    ['engine/common/graph/x.ts', "import { Library } from '../../../main/services/Library';\nexport const a = Library;"],
    ['engine/common/graph/x.ts', "export const a = () => fetch('./media/x');"],
    ['engine/common/graph/x.ts', 'export const a = () => new OfflineAudioContext(2, 1, 48000);'],
    ['engine/common/graph/x.ts', 'export const a = () => process.env;'],
    ['engine/common/graph/x.ts', 'export const a = () => window.setTimeout(() => 0, 1);'],
    // engine/browser: the page's engine — no Node, no React, nothing Node-side.
    ['engine/browser/live/x.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['engine/browser/live/x.ts', "import WaveSurfer from 'wavesurfer.js';\nexport const a = WaveSurfer;"],
    ['engine/browser/live/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['engine/browser/live/x.ts', "import { loadWebAudio } from '../../node/webAudio';\nexport const a = loadWebAudio;"],
    ['engine/browser/live/x.ts', "import { CatalogPlace } from '../../../renderer/places/catalog/CatalogPlace';\nexport const a = CatalogPlace;"],
    // engine/node: the engine in Node — no DOM, no React, nothing from main/ or the page's engine.
    ['engine/node/x.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['engine/node/x.ts', "import * as Tone from 'tone';\nexport const a = Tone;"],
    ['engine/node/x.ts', "import { Engine } from '../browser/live/Engine';\nexport const a = Engine;"],
    ['engine/node/x.ts', "import { ContentStore } from '../../main/media/ContentStore';\nexport const a = ContentStore;"],
    ['engine/node/x.ts', 'export const a = document.title;'],
    ['main/services/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['main/services/x.ts', "export const run = (db: { prepare(s: string): unknown }) => db.prepare('x');"],
    ['main/services/x.ts', "export const q = 'SELECT * FROM recordings';"],
    ['main/cli/x.ts', 'export const q = `DELETE FROM ledger WHERE id = ${1}`;'],
    ['main/services/x.ts', "import { App } from '../../renderer/app/App';\nexport const a = App;"],
    ['main/services/x.ts', "import { renderMix } from '../../renderer/audio/renderMix';\nexport const a = renderMix;"],
    ['main/services/x.ts', "import { Engine } from '../../engine/browser/live/Engine';\nexport const a = Engine;"],
    ['main/services/x.ts', "import * as Tone from 'tone';\nexport const a = Tone;"],
    ['main/db/x.ts', "import { renderProject } from '../../engine/common/render/renderProject';\nexport const a = renderProject;"],
    ['main/services/x.ts', 'export const a = document.title;'],
    ['main/app/x.ts', "import { ipcMain } from 'electron';\nipcMain.handle('raw', () => 1);"],
  ])('refuses %s: %s', async (filePath, code) => {
    expect(await problems(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/rights/x.ts', "import { z } from 'zod';\nexport const a = z.string();"],
    ['shared/project/x.ts', "export const labels = ['Delete clip', 'Select all', 'Update track'];"],
    ['renderer/places/catalog/x.tsx', "import { useState } from 'react';\nexport const a = useState;"],
    ['renderer/places/studio/x.ts', "import { Engine } from '../../../engine/browser/live/Engine';\nexport const a = Engine;"],
    [
      'engine/common/graph/x.ts',
      "import type { Track } from '../../../shared/project/documentSchema';\nexport const a = (context: BaseAudioContext, t: Track) => [context.createGain(), t];",
    ],
    ['engine/common/render/x.ts', 'export const a = (make: () => OfflineAudioContext): OfflineAudioContext => make();'],
    ['engine/browser/live/x.ts', "import * as Tone from 'tone';\nexport const a = Tone;"],
    [
      'engine/browser/live/x.ts',
      "import { MixGraph } from '../../common/graph/MixGraph';\nexport const a = () => [MixGraph, new AudioContext(), fetch('./media/x')];",
    ],
    ['engine/node/x.ts', "import fs from 'node:fs';\nimport { renderProject } from '../common/render/renderProject';\nexport const a = [fs, renderProject];"],
    ['engine/node/x.ts', "export const a = () => import('node-web-audio-api');"],
    ['main/db/x.ts', "import Database from 'better-sqlite3';\nexport const q = new Database(':memory:').prepare('SELECT 1');"],
    ['main/services/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['main/services/x.ts', "import { renderProject } from '../../../engine/common/render/renderProject';\nexport const a = renderProject;"],
    ['main/services/x.ts', "import { nodeRenderEnvironment } from '../../../engine/node/nodeRenderEnvironment';\nexport const a = nodeRenderEnvironment;"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });
});
