import { execFile } from 'node:child_process';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  compareImages,
  compareImagesAsync,
  DEFAULT_COMPARE_OPTIONS,
  pngSize,
  type CompareOptions,
  type VisualResult,
} from './compare-images.js';
import { ImageComparer } from './image-comparer.js';

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];

/** A tiny raster to draw test screenshots with. */
class Canvas {
  readonly png: PNG;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = WHITE,
  ) {
    this.png = new PNG({ width, height });
    this.fill(0, 0, width, height, background);
  }
  set(x: number, y: number, [r, g, b]: Rgb): this {
    this.png.data.set([r, g, b, 255], (y * this.width + x) * 4);
    return this;
  }
  fill(x: number, y: number, width: number, height: number, color: Rgb): this {
    for (let row = y; row < y + height; row++) for (let col = x; col < x + width; col++) this.set(col, row, color);
    return this;
  }
  encode(): Buffer {
    return PNG.sync.write(this.png);
  }
}

const solid = (width: number, height: number, color: Rgb) => new Canvas(width, height, color).encode();
const opts = (extra: Partial<CompareOptions> = {}): CompareOptions => ({ ...DEFAULT_COMPARE_OPTIONS, ...extra });
const pixel = (png: PNG, x: number, y: number) => [
  ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
];

/** 200×100 white page with a 20×20 black square at (x, 10). */
const square = (x: number) => new Canvas(200, 100).fill(x, 10, 20, 20, BLACK).encode();

describe('compareImages', () => {
  it('matches identical images, with no diff image', () => {
    const result = compareImages(solid(100, 100, RED), solid(100, 100, RED), opts());
    expect(result).toEqual({ status: 'match', diffPixels: 0, totalPixels: 10_000, diffRatio: 0, threshold: 0.02 });
  });

  it('reports a regression when every pixel changed colour', () => {
    const result = compareImages(solid(100, 100, RED), solid(100, 100, BLUE), opts());
    expect(result).toMatchObject({ status: 'regression', diffPixels: 10_000, totalPixels: 10_000, diffRatio: 1 });
  });

  it('counts a moved rectangle as the pixels it left plus the pixels it covers', () => {
    const result = compareImages(square(10), square(50), opts());
    expect(result).toMatchObject({ status: 'regression', diffPixels: 800, totalPixels: 20_000, diffRatio: 0.04 });
  });

  it('matches at exactly the threshold and regresses one pixel above it', () => {
    const base = new Canvas(100, 100);
    const atThreshold = new Canvas(100, 100).fill(10, 10, 10, 20, BLACK); // 200 px = 0.02
    expect(compareImages(base.encode(), atThreshold.encode(), opts())).toMatchObject({
      status: 'match',
      diffPixels: 200,
      diffRatio: 0.02,
    });
    const above = atThreshold.set(60, 60, BLACK);
    expect(compareImages(base.encode(), above.encode(), opts())).toMatchObject({
      status: 'regression',
      diffPixels: 201,
    });
    expect(compareImages(square(10), square(50), opts({ threshold: 0.05 }))).toMatchObject({ status: 'match' });
  });

  it('ignores a changed anti-aliased edge (includeAA: false) even with a zero threshold', () => {
    // Black left half, white right half, one column of grey between them; only the grey changes.
    const edge = (grey: number) =>
      new Canvas(40, 20).fill(0, 0, 19, 20, BLACK).fill(19, 0, 1, 20, [grey, grey, grey]).encode();
    const result = compareImages(edge(128), edge(90), opts({ threshold: 0, pixelTolerance: 0 }));
    expect(result).toMatchObject({ status: 'match', diffPixels: 0 });
  });

  it('uses pixelTolerance as the per-pixel colour threshold', () => {
    const a = solid(50, 50, [200, 200, 200]);
    const b = solid(50, 50, [196, 196, 196]);
    expect(compareImages(a, b, opts())).toMatchObject({ status: 'match', diffPixels: 0 });
    expect(compareImages(a, b, opts({ pixelTolerance: 0 }))).toMatchObject({ status: 'regression', diffPixels: 2500 });
  });

  it('hides a change inside a mask, clips masks to the image and skips empty ones', () => {
    const base = new Canvas(200, 100).fill(150, 60, 30, 30, BLUE).encode();
    const current = new Canvas(200, 100).fill(150, 60, 30, 30, RED).fill(10, 10, 5, 5, BLACK).encode();
    expect(compareImages(base, current, opts())).toMatchObject({ status: 'regression', diffPixels: 925 });

    const masks = [
      { x: 140.5, y: 55, width: 500, height: 500 }, // runs off the bottom-right corner
      { x: 10, y: 10, width: -5, height: 5 }, // negative size: ignored
      { x: 300, y: 0, width: 10, height: 10 }, // outside the image: ignored
      { x: Number.NaN, y: 0, width: 10, height: 10 }, // not a number: ignored
    ];
    expect(compareImages(base, current, opts({ masks }))).toMatchObject({ status: 'match', diffPixels: 25 });
    // A mask off the top-left corner covers the square at (10, 10) too.
    masks.push({ x: -20, y: -20, width: 36, height: 36 });
    expect(compareImages(base, current, opts({ masks }))).toMatchObject({ status: 'match', diffPixels: 0 });
  });

  it('draws changes in red and masked areas tinted in the diff image', () => {
    const masks = [{ x: 0, y: 60, width: 40, height: 40 }];
    const result = compareImages(square(10), square(50), opts({ masks }));
    if (result.status !== 'regression' || !result.diffPng) throw new Error(`expected a diff, got ${result.status}`);
    const diff = PNG.sync.read(result.diffPng);
    expect([diff.width, diff.height]).toEqual([200, 100]);
    let red = 0;
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 200; x++) if (pixel(diff, x, y).join() === RED.join()) red++;
    }
    expect(red).toBe(800);
    expect(pixel(diff, 15, 15)).toEqual([...RED]); // the square's old place
    expect(pixel(diff, 55, 15)).toEqual([...RED]); // its new place
    const untouched = pixel(diff, 150, 50);
    expect(untouched[0]).toBe(untouched[2]); // unchanged: a faded grey
    const masked = pixel(diff, 20, 80);
    expect(masked[2]).toBeGreaterThan(masked[0]! + 50); // masked: tinted blue
  });

  it('reports different dimensions as an error', () => {
    expect(compareImages(solid(1280, 720, WHITE), solid(1280, 800, WHITE), opts())).toEqual({
      status: 'error',
      reason: 'dimensions differ: 1280x720 vs 1280x800',
    });
  });

  it('reports undecodable images as errors', () => {
    const good = solid(20, 20, WHITE);
    const garbage = Buffer.from('definitely not a png, just some bytes');
    expect(compareImages(garbage, good, opts())).toEqual({
      status: 'error',
      reason: 'cannot decode baseline: not a PNG (bad signature)',
    });
    const truncated = good.subarray(0, good.length - 20); // valid header, image data cut short
    expect(compareImages(good, truncated, opts())).toMatchObject({ status: 'error' });
    expect((compareImages(good, truncated, opts()) as { reason: string }).reason).toMatch(/^cannot decode current: /);
    const flipped = Buffer.from(good);
    flipped[40] = flipped[40]! ^ 0xff; // a corrupted byte in the compressed data
    expect((compareImages(flipped, good, opts()) as { reason: string }).reason).toMatch(/^cannot decode baseline: /);
    expect(compareImages(Buffer.alloc(0), good, opts())).toMatchObject({ status: 'error' });
  });

  it('rejects out-of-range options', () => {
    const a = solid(10, 10, WHITE);
    for (const bad of [{ threshold: 1.5 }, { threshold: -0.1 }, { pixelTolerance: 2 }, { threshold: Number.NaN }]) {
      expect(compareImages(a, a, opts(bad))).toMatchObject({
        status: 'error',
        reason: expect.stringMatching(/^invalid options: (threshold|pixelTolerance) must be a number from 0 to 1/),
      });
    }
    expect(compareImages(a, a, opts({ threshold: 0, pixelTolerance: 1 }))).toMatchObject({ status: 'match' });
  });
});

describe('pngSize', () => {
  it('reads the size from the header and rejects non-PNGs', () => {
    expect(pngSize(solid(1280, 720, WHITE))).toEqual({ width: 1280, height: 720 });
    expect(pngSize(solid(1280, 720, WHITE).subarray(0, 24))).toEqual({ width: 1280, height: 720 });
    expect(() => pngSize(Buffer.from('GIF89a...........................'))).toThrow(/bad signature/);
  });
});

/** A 1280×720 "page": header bar, text-like lines, a picture with a gradient; `shift` moves a card. */
function screenshot(shift: number): Buffer {
  const page = new Canvas(1280, 720, [248, 249, 251]);
  page.fill(0, 0, 1280, 64, [32, 41, 64]);
  for (let line = 0; line < 30; line++) {
    for (let word = 0; word < 12; word++)
      page.fill(40 + word * 52, 100 + line * 20, 40 - (word % 3) * 8, 8, [70, 70, 80]);
  }
  for (let y = 0; y < 300; y++) page.fill(760, 120 + y, 460, 1, [y % 256, 120, 255 - (y % 256)]);
  page.fill(760 + shift, 460, 300, 160, [220, 38, 38]);
  return page.encode();
}

describe('compareImagesAsync', () => {
  it('gives the same answers as compareImages, off the event loop', async () => {
    const cases: [Buffer, Buffer, CompareOptions][] = [
      [square(10), square(10), opts()],
      [square(10), square(50), opts()],
      [square(10), square(50), opts({ masks: [{ x: 0, y: 0, width: 100, height: 40 }] })],
      [solid(10, 10, WHITE), solid(10, 12, WHITE), opts()],
      [Buffer.from('nope'), solid(10, 10, WHITE), opts()],
      [solid(10, 10, WHITE), solid(10, 10, WHITE), opts({ threshold: 7 })],
    ];
    const results = await Promise.all(cases.map(([a, b, o]) => compareImagesAsync(a, b, o)));
    results.forEach((result, i) => {
      const [a, b, o] = cases[i]!;
      expect(result).toEqual(compareImages(a, b, o));
    });
    expect(results[1]).toMatchObject({ status: 'regression' });
    expect(Buffer.isBuffer((results[1] as { diffPng?: unknown }).diffPng)).toBe(true);
  });

  it('lets the process exit once the compare is done', async () => {
    const module = new URL('./compare-images.ts', import.meta.url).href;
    const script = `
      const { compareImagesAsync } = await import(${JSON.stringify(module)});
      const { PNG } = await import('pngjs');
      const png = PNG.sync.write(new PNG({ width: 4, height: 4 }));
      const result = await compareImagesAsync(png, png, { threshold: 0.02, pixelTolerance: 0.1 });
      process.stdout.write(result.status);`;
    const args = ['--import', 'tsx', '--input-type=module', '-e', script];
    const stdout = await new Promise<string>((resolve, reject) =>
      // A worker left running would keep the child alive until this timeout kills it.
      execFile(process.execPath, args, { timeout: 15_000 }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    expect(stdout).toBe('match');
  });

  it('times a 1280×720 compare (printed, not asserted)', async () => {
    const base = screenshot(0);
    const moved = screenshot(120);
    compareImages(base, moved, opts()); // warm-up
    const time = (fn: () => unknown) => {
      const start = performance.now();
      fn();
      return performance.now() - start;
    };
    const same = time(() => compareImages(base, base, opts()));
    let result: VisualResult | undefined;
    const regression = time(() => (result = compareImages(base, moved, opts())));
    expect(result).toMatchObject({ status: 'regression' });

    // While the async compare runs, the event loop keeps turning.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const start = performance.now();
    const asyncResult = await compareImagesAsync(base, moved, opts());
    const asyncMs = performance.now() - start;
    clearInterval(timer);
    expect(asyncResult).toEqual(result);
    expect(ticks).toBeGreaterThan(0);
    console.warn(
      `compareImages 1280x720: identical ${same.toFixed(1)} ms, regression (with diff PNG) ${regression.toFixed(1)} ms; ` +
        `compareImagesAsync incl. worker start ${asyncMs.toFixed(1)} ms (${ticks} event-loop ticks meanwhile)`,
    );
  });
});

describe('ImageComparer', () => {
  it('answers many comparisons on one worker, each with its own result, and starts again after close', async () => {
    const comparer = new ImageComparer(1000);
    const pairs: [Buffer, Buffer][] = [
      [square(10), square(10)],
      [square(10), square(60)],
      [solid(10, 10, RED), solid(20, 10, RED)],
      [solid(50, 50, WHITE), solid(50, 50, BLUE)],
    ];
    const options = DEFAULT_COMPARE_OPTIONS;
    const results = await Promise.all(pairs.map(([a, b]) => comparer.compare(a, b, options)));
    const expected = pairs.map(([a, b]) => compareImages(a, b, options));
    expect(results.map((result) => result.status)).toEqual(['match', 'regression', 'error', 'regression']);
    expect(results.map(withoutDiff)).toEqual(expected.map(withoutDiff));
    await comparer.close();
    expect((await comparer.compare(square(10), square(10), options)).status).toBe('match');
    await comparer.close();
  });
});

function withoutDiff(result: VisualResult) {
  if (result.status === 'error') return result;
  const { diffPng: _diff, ...rest } = result;
  return rest;
}
