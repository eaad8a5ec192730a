import type { Worker } from 'node:worker_threads';
import {
  startWorker,
  validateCompareOptions,
  type CompareOptions,
  type CompareReply,
  type CompareRequest,
  type VisualResult,
} from './compare-images.js';

/**
 * Screenshot comparisons on one long-lived worker thread. Booting a worker costs about a third of
 * a 1280×720 comparison, and a run compares a screenshot per passing test: the worker is kept
 * while comparisons keep coming, answers them in order, and is stopped after `idleMs` without
 * work. An idle worker never keeps the process alive. Never rejects: failures are `error` results.
 */
export class ImageComparer {
  #worker: Worker | undefined;
  readonly #pending: ((result: VisualResult) => void)[] = [];
  #idle: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs = 5000) {}

  compare(baselinePng: Buffer, currentPng: Buffer, options: CompareOptions): Promise<VisualResult> {
    const checked = validateCompareOptions(options);
    if (!checked.ok) return Promise.resolve({ status: 'error', reason: checked.reason });
    let worker: Worker;
    try {
      worker = this.#ensureWorker();
    } catch (error) {
      return Promise.resolve({
        status: 'error',
        reason: `cannot start the compare worker: ${(error as Error).message}`,
      });
    }
    return new Promise((resolve) => {
      this.#pending.push(resolve);
      const request: CompareRequest = {
        baseline: new Uint8Array(baselinePng),
        current: new Uint8Array(currentPng),
        options: checked.options,
      };
      worker.postMessage(request, [request.baseline.buffer, request.current.buffer]);
    });
  }

  close(): Promise<void> {
    const worker = this.#worker;
    this.#stop('the comparer was closed');
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  #ensureWorker(): Worker {
    clearTimeout(this.#idle);
    if (this.#worker) {
      this.#worker.ref();
      return this.#worker;
    }
    const worker = startWorker();
    worker.on('message', (reply: VisualResult | CompareReply) => {
      const resolve = this.#pending.shift();
      if (reply.status !== 'error' && reply.diffPng) {
        const { diffPng } = reply;
        resolve?.({ ...reply, diffPng: Buffer.from(diffPng.buffer, diffPng.byteOffset, diffPng.byteLength) });
      } else resolve?.(reply as VisualResult);
      if (this.#pending.length === 0) this.#rest();
    });
    worker.on('error', (error) => this.#stop(`compare worker failed: ${error.message}`));
    worker.on('exit', (code) => this.#worker === worker && this.#stop(`compare worker exited (code ${code})`));
    this.#worker = worker;
    return worker;
  }

  /** Idle: the worker stops holding the process open and is stopped if nothing comes. */
  #rest(): void {
    this.#worker?.unref();
    this.#idle = setTimeout(() => void this.close(), this.idleMs);
    this.#idle.unref();
  }

  #stop(reason: string): void {
    clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) void worker.terminate();
    for (const resolve of this.#pending.splice(0)) resolve({ status: 'error', reason });
  }
}
