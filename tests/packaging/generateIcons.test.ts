import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM build script, no type declarations
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, generateIcons } from '../../scripts/generateIcons.mjs';

/**
 * The installers' icons, generated from resources/icons/icon.svg, read back
 * by independent readers: file(1) for the containers, ffmpeg for pixels.
 */
let out: string;
const file = (name: string) => execFileSync('file', ['-b', path.join(out, name)], { encoding: 'utf8' }).trim();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** RGBA of one pixel, decoded by ffmpeg (not by the code that wrote the file). */
function pixel(pngFile: string, x: number, y: number): number[] {
  const rgba = execFileSync('ffmpeg', ['-v', 'error', '-i', pngFile, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-']);
  const width = pngSize(fs.readFileSync(pngFile))[0];
  return [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
}

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-icons-'));
  generateIcons({ outDir: out });
});

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('generated icons', () => {
  it('Linux: one PNG per size, each that size', () => {
    for (const size of LINUX_SIZES as number[]) {
      expect(file(`png/${size}x${size}.png`)).toMatch(new RegExp(`^PNG image data, ${size} x ${size}, 8-bit/color RGBA`));
    }
  });

  it('draws the SVG: background, bars and transparent rounded corners where the SVG puts them', () => {
    const png = path.join(out, 'png', '256x256.png');
    expect(pixel(png, 2, 2)[3]).toBe(0); // outside the rounded corner
    expect(pixel(png, 20, 128)).toEqual([0x10, 0x12, 0x17, 255]); // #101217 background
    expect(pixel(png, 132, 128)).toEqual([0x4f, 0xb3, 0xff, 255]); // the tallest (blue) bar, x 30–36 of 64
    expect(pixel(png, 172, 128)).toEqual([0xff, 0xb8, 0x4f, 255]); // the orange bar, x 40–46 of 64
  });

  it('Windows: an ICO of PNG images 16–256 px, as file(1) and its directory say', () => {
    expect(file('icon.ico')).toMatch(/^MS Windows icon resource - 7 icons, 16x16 with PNG image data/);
    const ico = fs.readFileSync(path.join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    const sizes = (ICO_SIZES as number[]).map((_, i) => {
      const entry = 6 + 16 * i;
      const declared = ico.readUInt8(entry) || 256;
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(image)).toEqual([declared, declared]);
      return declared;
    });
    expect(sizes).toEqual(ICO_SIZES);
  });

  it('macOS: an ICNS whose elements are PNGs of the sizes their types stand for, up to 1024 px', () => {
    expect(file('icon.icns')).toMatch(/^Mac OS X icon, \d+ bytes, "icp4" type/);
    const icns = fs.readFileSync(path.join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let at = 8; at < icns.length;) {
      const length = icns.readUInt32BE(at + 4);
      found.push([icns.subarray(at, at + 4).toString('ascii'), pngSize(icns.subarray(at + 8, at + length))[0]]);
      at += length;
    }
    expect(found).toEqual(ICNS_TYPES);
  });
});
