// The app icon in every size and container the installers need, drawn from the
// one source, resources/icons/icon.svg (resvg, prebuilt in its npm package):
//   build/icons/png/<N>x<N>.png  Linux (AppImage, deb: electron-builder reads the folder)
//   build/icons/icon.ico         Windows: PNG-compressed entries, 16–256 px (Vista and later)
//   build/icons/icon.icns        macOS: PNG-compressed entries, 16–1024 px (retina @2x types too)
// ICO and ICNS are simple containers of PNGs; they are written here rather than
// through another dependency.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types with PNG payloads, and the pixel size each holds. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** The SVG drawn as a square PNG of `size` pixels. */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** An ICO file holding PNG images (sizes up to 256; 256 is stored as 0 in the directory). */
export function icoOf(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    if (size > 256) throw new Error(`ICO images are at most 256 px (got ${size})`);
    const entry = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, entry);
    header.writeUInt8(size === 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** An ICNS file: 'icns', total length, then (type, length including its 8-byte header, PNG) per element. */
export function icnsOf(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Writes build/icons (or `outDir`) from the SVG; returns the files written. */
export function generateIcons({ svgPath = path.join(root, 'resources', 'icons', 'icon.svg'), outDir = path.join(root, 'build', 'icons') } = {}) {
  const svg = fs.readFileSync(svgPath);
  const pngs = new Map();
  const png = (size) => {
    if (!pngs.has(size)) pngs.set(size, renderPng(svg, size));
    return pngs.get(size);
  };
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'png'), { recursive: true });
  const written = [];
  const write = (relative, bytes) => {
    fs.writeFileSync(path.join(outDir, relative), bytes);
    written.push(relative);
  };
  for (const size of LINUX_SIZES) write(path.join('png', `${size}x${size}.png`), png(size));
  write('icon.ico', icoOf(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  write('icon.icns', icnsOf(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = generateIcons();
  console.log(`stemroom: ${written.length} icon files in build/icons`);
}
