import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskArtifactStore, InvalidArtifactKeyError } from './disk-artifact-store.js';

describe('DiskArtifactStore', () => {
  let root: string;
  let store: DiskArtifactStore;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-artifacts-'));
    store = new DiskArtifactStore(path.join(root, 'artifacts'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores, reads, lists as existing and deletes by key', async () => {
    await store.put('traces/RUN-1/TC-1.zip', 'zip-bytes');
    expect(Buffer.from((await store.get('traces/RUN-1/TC-1.zip')) ?? []).toString()).toBe('zip-bytes');
    expect(await store.exists('traces/RUN-1/TC-1.zip')).toBe(true);
    await store.delete('traces/RUN-1/TC-1.zip');
    expect(await store.exists('traces/RUN-1/TC-1.zip')).toBe(false);
    expect(await store.get('traces/RUN-1/TC-1.zip')).toBeUndefined();
  });

  it('removes a whole run folder by prefix and leaves others alone', async () => {
    await store.put('screenshots/RUN-1/a.png', 'a');
    await store.put('screenshots/RUN-1/b.png', 'b');
    await store.put('screenshots/RUN-2/a.png', 'c');
    await store.deletePrefix('screenshots/RUN-1');
    expect(await store.exists('screenshots/RUN-1/a.png')).toBe(false);
    expect(await store.exists('screenshots/RUN-2/a.png')).toBe(true);
  });

  it('overwrites atomically, leaving no temporary files behind', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.put('baselines/TC-1/chromium/step-1.png', `v${index}`)),
    );
    const content = Buffer.from((await store.get('baselines/TC-1/chromium/step-1.png')) ?? []).toString();
    expect(content).toMatch(/^v\d+$/);
    expect(fs.readdirSync(path.join(root, 'artifacts/baselines/TC-1/chromium'))).toEqual(['step-1.png']);
  });

  it.each(['../etc/passwd', 'a/../../b', '/abs/path', 'a//b', '', '.', 'a/./b', 'a\\b', 'a/b\u0000c', '..'])(
    'rejects the key %j so nothing escapes the store',
    async (key) => {
      await expect(store.put(key, 'x')).rejects.toBeInstanceOf(InvalidArtifactKeyError);
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidArtifactKeyError);
    },
  );

  it('reports whether the store is writable', async () => {
    await expect(store.checkWritable()).resolves.toBeUndefined();
    const blocked = new DiskArtifactStore(path.join(root, 'file-not-dir', 'artifacts'));
    fs.writeFileSync(path.join(root, 'file-not-dir'), 'x');
    await expect(blocked.checkWritable()).rejects.toThrow();
  });
});
