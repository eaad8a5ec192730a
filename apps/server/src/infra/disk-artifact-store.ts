import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, type ArtifactStore } from '@sentri/core';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export class InvalidArtifactKeyError extends Error {
  constructor(key: string) {
    super(`Invalid artifact key: ${JSON.stringify(key)}`);
    this.name = 'InvalidArtifactKeyError';
  }
}

/**
 * Artifacts as files under one root directory. Keys are relative paths made of safe segments,
 * so no key can reach outside the root; the database stores keys, never file contents.
 */
export class DiskArtifactStore implements ArtifactStore {
  constructor(readonly root: string) {}

  /** Absolute path of a key, for streaming a file straight to a response. */
  pathOf(key: string): string {
    const segments = key.split('/');
    if (segments.length === 0 || !segments.every((segment) => SEGMENT.test(segment) && !/^\.+$/.test(segment))) {
      throw new InvalidArtifactKeyError(key);
    }
    return path.join(this.root, ...segments);
  }

  /** Writes a file whole or not at all; a full volume (or exhausted quota) is SERVER_STORAGE_FULL. */
  async put(key: string, data: Uint8Array | string): Promise<void> {
    const target = this.pathOf(key);
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(temporary, data);
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT')
        throw new AppError('SERVER_STORAGE_FULL', undefined, undefined, { cause: error });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    await fs.rm(this.pathOf(prefix), { recursive: true, force: true });
  }

  async checkWritable(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
    const probe = path.join(this.root, `.write-probe-${randomUUID()}`);
    await fs.writeFile(probe, 'ok');
    await fs.rm(probe, { force: true });
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
