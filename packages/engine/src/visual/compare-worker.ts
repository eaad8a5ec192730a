/**
 * Worker entry for compareImagesAsync and ImageComparer: compares each pair of images it is sent
 * and posts the result back, in order.
 * Runs as `dist/visual/compare-worker.js` when built, and as this file through tsx from sources.
 */
import { parentPort } from 'node:worker_threads';
import { compareImages, type CompareReply, type CompareRequest } from './compare-images.js';

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

parentPort?.on('message', ({ baseline, current, options }: CompareRequest) => {
  const result = compareImages(toBuffer(baseline), toBuffer(current), options);
  if (result.status === 'error' || !result.diffPng) {
    parentPort?.postMessage(result);
    return;
  }
  // A copy that owns its whole ArrayBuffer, so it can be transferred (a small Buffer may share a pool).
  const diffPng = new Uint8Array(result.diffPng);
  const reply: CompareReply = { ...result, diffPng };
  parentPort?.postMessage(reply, [diffPng.buffer]);
});
