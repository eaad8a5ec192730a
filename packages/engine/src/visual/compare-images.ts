import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** A rectangle in image pixels; the origin is the top-left corner. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CompareOptions {
  /** VISUAL_DIFF_THRESHOLD: the largest ratio of differing pixels that still matches (0–1, default 0.02). */
  threshold: number;
  /** VISUAL_DIFF_PIXEL_TOLERANCE: pixelmatch's per-pixel colour threshold (0–1, default 0.1). */
  pixelTolerance: number;
  /** Ignored areas: the baseline's pixels are copied into the current image there before diffing. */
  masks?: Region[];
}

export type VisualResult =
  | {
      status: 'match' | 'regression';
      diffPixels: number;
      totalPixels: number;
      diffRatio: number;
      threshold: number;
      /** The diff image (changes in red, masked areas tinted blue); only for a regression. */
      diffPng?: Buffer;
    }
  | { status: 'error'; reason: string };

export const DEFAULT_COMPARE_OPTIONS: Readonly<CompareOptions> = Object.freeze({
  threshold: 0.02,
  pixelTolerance: 0.1,
});

/** Images above this many pixels are refused before decoding (an 8K × 6K screenshot is 48 M). */
export const MAX_COMPARE_PIXELS = 50_000_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MASK_TINT = [64, 128, 255] as const;

/** Reads the size from the IHDR chunk without decoding the image; throws when it is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!((png as unknown) instanceof Uint8Array)) throw new Error('not a buffer');
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (bad signature)');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR' || bytes.readUInt32BE(8) !== 13) {
    throw new Error('not a PNG (IHDR chunk missing)');
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
    throw new Error(`invalid PNG size ${width}x${height}`);
  }
  return { width, height };
}

type Checked = { ok: true; options: CompareOptions } | { ok: false; reason: string };

/** Checks the option ranges and keeps only usable masks, as plain data (safe to post to a worker). */
export function validateCompareOptions(options: CompareOptions): Checked {
  if (typeof options !== 'object' || options === null) return { ok: false, reason: 'invalid options: not an object' };
  for (const key of ['threshold', 'pixelTolerance'] as const) {
    const value = options[key];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      return { ok: false, reason: `invalid options: ${key} must be a number from 0 to 1 (got ${String(value)})` };
    }
  }
  if (options.masks !== undefined && !Array.isArray(options.masks)) {
    return { ok: false, reason: 'invalid options: masks must be an array of regions' };
  }
  const masks: Region[] = [];
  for (const mask of options.masks ?? []) {
    if (typeof mask !== 'object' || mask === null) continue;
    const { x, y, width, height } = mask;
    if (![x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n))) continue;
    if (width <= 0 || height <= 0) continue;
    masks.push({ x, y, width, height });
  }
  return { ok: true, options: { threshold: options.threshold, pixelTolerance: options.pixelTolerance, masks } };
}

/** The mask clipped to the image in whole pixels (a partly covered pixel is masked), or null if outside. */
function clip(mask: Region, width: number, height: number): [x0: number, y0: number, x1: number, y1: number] | null {
  const x0 = Math.max(0, Math.floor(mask.x));
  const y0 = Math.max(0, Math.floor(mask.y));
  const x1 = Math.min(width, Math.ceil(mask.x + mask.width));
  const y1 = Math.min(height, Math.ceil(mask.y + mask.height));
  return x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
}

function decode(png: Buffer, which: 'baseline' | 'current'): PNG | string {
  try {
    return PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } catch (error) {
    return `cannot decode ${which}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Compares two PNG screenshots (ENGINE.md §7). Synchronous and pure; it never throws: bad input
 * gives `status: 'error'`. A 1280×720 compare blocks for roughly 50–150 ms (decoding both PNGs
 * dominates), so a server should call {@link compareImagesAsync} instead.
 */
export function compareImages(baselinePng: Buffer, currentPng: Buffer, options: CompareOptions): VisualResult {
  const checked = validateCompareOptions(options);
  if (!checked.ok) return { status: 'error', reason: checked.reason };
  const { threshold, pixelTolerance, masks = [] } = checked.options;

  const sizes: { width: number; height: number }[] = [];
  for (const [png, which] of [
    [baselinePng, 'baseline'],
    [currentPng, 'current'],
  ] as const) {
    try {
      sizes.push(pngSize(png));
    } catch (error) {
      return { status: 'error', reason: `cannot decode ${which}: ${(error as Error).message}` };
    }
  }
  const [a, b] = sizes as [{ width: number; height: number }, { width: number; height: number }];
  if (a.width !== b.width || a.height !== b.height) {
    return { status: 'error', reason: `dimensions differ: ${a.width}x${a.height} vs ${b.width}x${b.height}` };
  }
  const { width, height } = a;
  const totalPixels = width * height;
  if (totalPixels > MAX_COMPARE_PIXELS) {
    return { status: 'error', reason: `image too large: ${width}x${height} (limit ${MAX_COMPARE_PIXELS} pixels)` };
  }

  const baseline = decode(baselinePng, 'baseline');
  if (typeof baseline === 'string') return { status: 'error', reason: baseline };
  const current = decode(currentPng, 'current');
  if (typeof current === 'string') return { status: 'error', reason: current };

  // Masks: the current image takes the baseline's pixels there, so both are identical inside.
  const regions = masks.map((mask) => clip(mask, width, height)).filter((r) => r !== null);
  for (const [x0, y0, x1, y1] of regions) {
    for (let y = y0; y < y1; y++) {
      const start = (y * width + x0) * 4;
      baseline.data.copy(current.data, start, start, (y * width + x1) * 4);
    }
  }

  const diff = new PNG({ width, height });
  const diffPixels = pixelmatch(baseline.data, current.data, diff.data, width, height, {
    threshold: pixelTolerance,
    includeAA: false,
  });
  const diffRatio = diffPixels / totalPixels;
  if (diffRatio <= threshold) return { status: 'match', diffPixels, totalPixels, diffRatio, threshold };

  for (const [x0, y0, x1, y1] of regions) {
    for (let y = y0; y < y1; y++) {
      for (let i = (y * width + x0) * 4, end = (y * width + x1) * 4; i < end; i += 4) {
        for (let c = 0; c < 3; c++) diff.data[i + c] = (diff.data[i + c]! + MASK_TINT[c]!) >> 1;
      }
    }
  }
  // One filter (Paeth) instead of pngjs's per-row trial of all five: 2–4× faster, about the same size.
  const diffPng = PNG.sync.write(diff, { filterType: 4 });
  return { status: 'regression', diffPixels, totalPixels, diffRatio, threshold, diffPng };
}

/** What the worker is sent and answers (see ./compare-worker.ts). */
export interface CompareRequest {
  baseline: Uint8Array<ArrayBuffer>;
  current: Uint8Array<ArrayBuffer>;
  options: CompareOptions;
}
export type CompareReply = Omit<Extract<VisualResult, { status: 'match' | 'regression' }>, 'diffPng'> & {
  diffPng?: Uint8Array;
};

type TsxPackage = { exports: { './esm/api': { import: { default: string } } } };

/**
 * Starts the worker. From the compiled `dist` it is the sibling `compare-worker.js`. From the
 * TypeScript sources (vitest, `node --import tsx`) it is `compare-worker.ts`, loaded by a tiny
 * inline module that first registers tsx in the worker (a dev dependency only source mode needs;
 * on Node 20, `--import tsx` in a Worker's execArgv does not apply to the worker's entry).
 */
export function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./compare-worker.js', import.meta.url));
  // The ESM build of tsx's register API (`tsx/esm/api` under the `import` condition).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(tsxPackage, 'utf8')) as TsxPackage;
  const tsxApi = new URL(exports['./esm/api'].import.default, pathToFileURL(tsxPackage)).href;
  const entry = new URL('./compare-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

/**
 * {@link compareImages} in a `worker_threads` Worker, so the caller's event loop stays free. One
 * short-lived worker per call, terminated when it answers; the inputs are copied, never detached.
 * Never rejects: a worker failure is an `error` result.
 */
export function compareImagesAsync(
  baselinePng: Buffer,
  currentPng: Buffer,
  options: CompareOptions,
): Promise<VisualResult> {
  const checked = validateCompareOptions(options);
  if (!checked.ok) return Promise.resolve({ status: 'error', reason: checked.reason });
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (error) {
      resolve({ status: 'error', reason: `cannot start the compare worker: ${(error as Error).message}` });
      return;
    }
    let settled = false;
    const finish = (result: VisualResult) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(result);
    };
    worker.once('message', (reply: VisualResult | CompareReply) => {
      if (reply.status === 'error' || !reply.diffPng) return finish(reply as VisualResult);
      const { diffPng } = reply;
      finish({ ...reply, diffPng: Buffer.from(diffPng.buffer, diffPng.byteOffset, diffPng.byteLength) });
    });
    worker.once('error', (error) => finish({ status: 'error', reason: `compare worker failed: ${error.message}` }));
    worker.once('exit', (code) => finish({ status: 'error', reason: `compare worker exited early (code ${code})` }));
    try {
      const request: CompareRequest = {
        baseline: new Uint8Array(baselinePng),
        current: new Uint8Array(currentPng),
        options: checked.options,
      };
      worker.postMessage(request, [request.baseline.buffer, request.current.buffer]);
    } catch (error) {
      finish({ status: 'error', reason: `cannot send images to the compare worker: ${(error as Error).message}` });
    }
  });
}
