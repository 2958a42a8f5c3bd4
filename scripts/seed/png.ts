import { crc32, deflateSync } from "node:zlib";

/** An 8-bit RGB raster; `pixel(x, y)` returns [r, g, b]. */
export interface Raster {
  width: number;
  height: number;
  pixel(x: number, y: number): readonly [number, number, number];
}

/** Encodes a raster as a PNG file (truecolour, no interlace, filter type 0 on every row). */
export function encodePng(raster: Raster): Uint8Array {
  const { width, height } = raster;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let offset = 0;
  for (let y = 0; y < height; y++) {
    rows[offset++] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = raster.pixel(x, y);
      rows[offset++] = r;
      rows[offset++] = g;
      rows[offset++] = b;
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, checksum]);
}

/**
 * Draws a stylised chest radiograph: dark field, two lung fields, a spine and ribs.
 * `variant` shifts the picture so that the images of one study differ.
 */
export function chestRadiograph(variant: number): Raster {
  const width = 480;
  const height = 400;
  const shift = variant * 9;
  return {
    width,
    height,
    pixel(x, y) {
      const nx = (x - width / 2) / (width / 2);
      const ny = (y - height / 2 - shift) / (height / 2);
      let value = 30 + 25 * (1 - Math.min(1, Math.hypot(nx, ny)));
      const lung = (cx: number) => ((nx - cx) / 0.32) ** 2 + (ny / 0.7) ** 2;
      if (lung(-0.42) < 1 || lung(0.42) < 1) value += 45;
      if (Math.abs(nx) < 0.06) value += 120;
      const rib = Math.sin((ny + 1) * 11 + Math.abs(nx) * 2.5);
      if (Math.abs(nx) > 0.1 && Math.abs(nx) < 0.8 && rib > 0.93) value += 70;
      const level = Math.max(0, Math.min(255, Math.round(value)));
      return [level, level, Math.min(255, level + 6)];
    },
  };
}

/** Draws a pale note card with ruled lines and pen strokes, as a scanned handwritten note. */
export function scannedNote(seed: number): Raster {
  const width = 600;
  const height = 420;
  return {
    width,
    height,
    pixel(x, y) {
      const ruled = y > 60 && y % 36 === 0;
      const strokeRow = Math.floor((y - 70) / 36);
      const inRow = y > 70 && (y - 70) % 36 > 10 && (y - 70) % 36 < 22 && strokeRow < 9;
      const wave = Math.sin(x / (7 + ((strokeRow + seed) % 4)) + strokeRow) * 4;
      const lineEnd = 520 - ((strokeRow * 53 + seed * 17) % 180);
      const ink = inRow && x > 50 && x < lineEnd && Math.abs(((y - 70) % 36) - 16 - wave) < 1.6;
      if (ink) return [28, 45, 110];
      if (ruled) return [190, 205, 230];
      return [250, 248, 238];
    },
  };
}
