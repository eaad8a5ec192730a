import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

describe('the server process', () => {
  const dataDirs: string[] = [];
  let server: ServerProcess | undefined;
  afterEach(async () => {
    if (server && server.child.exitCode === null) await server.stop('SIGKILL');
    server = undefined;
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-proc-'));
    dataDirs.push(dir);
    return dir;
  };

  it('starts on the configured host/port with its SQLite file in DATA_DIR, and stops cleanly on SIGTERM', async () => {
    const dir = dataDir();
    server = await startServerProcess({ DATA_DIR: dir });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(fs.existsSync(path.join(dir, 'sentri.db'))).toBe(true);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.logs.some((entry) => entry.msg === 'stopped')).toBe(true);
  });

  it('does not let an idle keep-alive connection hold shutdown', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir(), SHUTDOWN_DRAIN_MS: '5000' });
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${server!.url}/health`, { agent }, (response) => {
          response.resume();
          response.on('end', resolve);
        })
        .on('error', reject);
    });
    const started = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    agent.destroy();
  });

  it('refuses to start with bad configuration and names every bad variable', async () => {
    await expect(startServerProcess({ DATA_DIR: dataDir(), PORT: 'x', DATABASE_URL: 'mysql://db' })).rejects.toThrow(
      /exited with 78[\s\S]*PORT[\s\S]*DATABASE_URL/,
    );
  });
});
