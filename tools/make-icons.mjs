// Draws the app icon (a white cloud on the accent colour) as PNGs with node alone, so no image tool
// is needed. Run once with `node tools/make-icons.mjs`; the PNGs are committed under static/.
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const inCloud = (x, y) => {
    const circles = [[0.36, 0.56, 0.16], [0.52, 0.46, 0.2], [0.68, 0.58, 0.14]];
    const inBase = y > 0.56 && y < 0.72 && x > 0.3 && x < 0.72;
    return inBase || circles.some(([cx, cy, r]) => (x - cx) ** 2 + (y - cy) ** 2 < r * r);
  };
  // Two colours, so a 1-bit palette image: index 0 the accent colour, 1 white, eight pixels a byte.
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + Math.ceil(size / 8));
    for (let x = 0; x < size; x++) {
      if (inCloud(x / size, y / size)) row[1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([1, 3, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", Buffer.from([11, 87, 164, 255, 255, 255])),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../static/icon-${size}.png`, import.meta.url), icon(size));
