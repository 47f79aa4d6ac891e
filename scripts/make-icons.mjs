#!/usr/bin/env node
/**
 * Draws ChapterDesk's icon (a roster page with a tick on the brand's teal) and writes it where the
 * packager and the window look for it: build/icon.png (512 px; electron-builder makes the macOS
 * .icns and the Linux sizes from it), build/icon.ico (Windows: a 256 px PNG inside an ICO, which
 * Windows reads since Vista) and resources/icon.png (the window's icon on Linux). Drawn in code so
 * that it can be changed and rebuilt without a drawing program: `node scripts/make-icons.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];
const INK = [19, 78, 74];
const GREEN = [34, 197, 94];

/** Signed distance from (x, y) to a rounded rectangle (negative inside), in pixels. */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function segment(x, y, ax, ay, bx, by) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** Coverage of a shape from its signed distance: one pixel of anti-aliasing at the edge. */
const cover = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const s = size / 512;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let rgb = TEAL;
      let alpha = cover(roundedRect(px, py, 16 * s, 16 * s, 496 * s, 496 * s, 96 * s));
      const layers = [
        [WHITE, cover(roundedRect(px, py, 120 * s, 88 * s, 392 * s, 424 * s, 28 * s))],
        ...[170, 230, 290].map((top) => [
          INK,
          cover(roundedRect(px, py, 164 * s, top * s, 348 * s, (top + 22) * s, 11 * s)),
        ]),
        [GREEN, cover(Math.hypot(px - 352 * s, py - 376 * s) - 84 * s)],
        [
          WHITE,
          cover(
            Math.min(
              segment(px, py, 312 * s, 378 * s, 340 * s, 406 * s),
              segment(px, py, 340 * s, 406 * s, 394 * s, 346 * s),
            ) -
              14 * s,
          ),
        ],
      ];
      for (const [colour, amount] of layers) {
        rgb = rgb.map((channel, i) => channel + (colour[i] - channel) * amount);
        // The tick's disc stands out of the page's corner, so it adds to the icon's own outline.
        if (colour === GREEN) alpha = Math.max(alpha, amount);
      }
      const at = (y * size + x) * 4;
      png.data[at] = Math.round(rgb[0]);
      png.data[at + 1] = Math.round(rgb[1]);
      png.data[at + 2] = Math.round(rgb[2]);
      png.data[at + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

/** An ICO holding one 256 px PNG image (a 256 px entry writes 0 for its width and height). */
function ico(png) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(0, 6);
  header.writeUInt8(0, 7);
  header.writeUInt8(0, 8);
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png]);
}

const write = (path, bytes) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), bytes);
  console.log(`wrote ${path} (${bytes.length} bytes)`);
};
const large = draw(512);
write('build/icon.png', large);
write('build/icon.ico', ico(draw(256)));
write('resources/icon.png', large);
