/**
 * Draws the app icons (a speech bubble, 声, on the city-blue ground) as PNG files, so the icons
 * are reproducible from code. Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const blue: [number, number, number, number] = [10, 92, 138, 255];
const white: [number, number, number, number] = [255, 255, 255, 255];
const clear: [number, number, number, number] = [0, 0, 0, 0];

/** The bubble in unit coordinates, scaled about the centre by `scale` (smaller for the maskable safe zone). */
function bubble(x: number, y: number, scale: number): boolean {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const inEllipse = ((u - 0.5) / 0.34) ** 2 + ((v - 0.45) / 0.26) ** 2 <= 1;
  const inTail = v >= 0.6 && v <= 0.82 && u >= 0.3 && u <= 0.46 && u - 0.3 >= (v - 0.6) * 0.2 && 0.46 - u >= (v - 0.6) * 0.7;
  const dots = [0.36, 0.5, 0.64].some((cx) => ((u - cx) / 0.045) ** 2 + ((v - 0.45) / 0.045) ** 2 <= 1);
  return (inEllipse || inTail) && !dots;
}

function roundedSquare(x: number, y: number, r: number): boolean {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
}

const out = "client/public/icons";
for (const size of [192, 512]) {
  writeFileSync(
    `${out}/icon-${size}.png`,
    png(size, (x, y) => (roundedSquare(x, y, 0.18) ? (bubble(x, y, 1) ? white : blue) : clear)),
  );
}
writeFileSync(
  `${out}/maskable-512.png`,
  png(512, (x, y) => (bubble(x, y, 0.72) ? white : blue)),
);
writeFileSync(
  `${out}/apple-touch-icon-180.png`,
  png(180, (x, y) => (bubble(x, y, 0.85) ? white : blue)),
);
console.log("icons written to", out);
