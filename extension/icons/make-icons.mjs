// Draws the toolbar/store icons (a white key on a blue rounded square) as PNGs with nothing
// but node:zlib, so the committed icon-*.png files can be regenerated:
//   node extension/icons/make-icons.mjs
// build.sh leaves *.mjs files out of dist/.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 48, 128];
const SS = 4; // supersampling per axis

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1, y down).
function inRoundedSquare(x, y, r) {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
}
function inKey(x, y) {
  // Rotate -40° around the centre so the key points to the lower right.
  const a = (40 * Math.PI) / 180;
  const cx = x - 0.5,
    cy = y - 0.5;
  const u = cx * Math.cos(a) + cy * Math.sin(a) + 0.5;
  const v = -cx * Math.sin(a) + cy * Math.cos(a) + 0.5;
  const ring = Math.hypot(u - 0.3, v - 0.5);
  if (ring <= 0.19 && ring >= 0.085) return true; // bow with a hole
  if (u >= 0.46 && u <= 0.86 && Math.abs(v - 0.5) <= 0.055) return true; // shaft
  if (u >= 0.68 && u <= 0.75 && v >= 0.5 && v <= 0.67) return true; // tooth 1
  if (u >= 0.79 && u <= 0.86 && v >= 0.5 && v <= 0.62) return true; // tooth 2
  return false;
}

for (const size of SIZES) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0,
        key = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (inRoundedSquare(x, y, 0.2)) {
            bg++;
            if (inKey(x, y)) key++;
          }
        }
      }
      const n = SS * SS;
      const t = py / size; // vertical gradient #1D7AFC → #0C55CF
      const blue = [29 + (12 - 29) * t, 122 + (85 - 122) * t, 252 + (207 - 252) * t];
      const k = bg ? key / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(blue[c] * (1 - k) + 255 * k);
      rgba[i + 3] = Math.round((255 * bg) / n);
    }
  }
  writeFileSync(join(HERE, `icon-${size}.png`), png(size, rgba));
}
console.log(`wrote icon-{${SIZES.join(',')}}.png to ${HERE}`);
