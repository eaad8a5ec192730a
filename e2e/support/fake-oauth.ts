import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOAuth, type FakeOAuth } from '../../test-support/fake-oauth.js';

export type { FakeGitHubUser, FakeGoogleUser } from '../../test-support/fake-oauth.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(ROOT, 'apps/server/dist/main.js');
const STARTUP_MS = 60_000;

export interface OAuthSentri {
  /** The dashboard and API of this server, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** GitHub's and Google's hosts in one loopback server: consent pages, token exchanges, profiles. */
  fake: FakeOAuth;
  stop(): Promise<void>;
}

/**
 * A second built server, with GitHub and Google OAuth pointed at the fake, next to the shared e2e server
 * (which has no OAuth and must stay that way for the other specs). It gets its own data
 * directory and a port chosen up front, because APP_URL — and so the redirect URI the provider sends
 * the browser back to — must name that port before the server starts.
 */
export async function startOAuthSentri(): Promise<OAuthSentri> {
  const fake = await startFakeOAuth();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-e2e-oauth-'));
  // A clean environment: nothing of the caller's (a DATABASE_URL, say) may leak into this server.
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: url,
      LOG_LEVEL: 'warn',
      SKIP_EMAIL_VERIFICATION: 'true',
      SHUTDOWN_DRAIN_MS: '1000',
      GITHUB_CLIENT_ID: fake.clientId,
      GITHUB_CLIENT_SECRET: fake.clientSecret,
      GITHUB_OAUTH_URL: fake.url,
      GITHUB_API_URL: fake.url,
      GOOGLE_CLIENT_ID: fake.clientId,
      GOOGLE_CLIENT_SECRET: fake.clientSecret,
      GOOGLE_AUTHORIZE_URL: `${fake.url}/o/oauth2/v2/auth`,
      GOOGLE_TOKEN_URL: `${fake.url}/token`,
      GOOGLE_USERINFO_URL: `${fake.url}/userinfo`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(url, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, fake, stop };
}

/** A port nobody listens on right now; the server takes it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, exited: Promise<void>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the OAuth e2e server exited during startup:\n${output()}`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the OAuth e2e server did not become healthy in ${STARTUP_MS} ms:\n${output()}`);
}
