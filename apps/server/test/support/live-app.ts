import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.js';

export interface LiveApp extends TestApp {
  url: string;
}

/** The app listening on a loopback port, for tests that must go through real HTTP. */
export async function startLiveApp(options: TestAppOptions = {}): Promise<LiveApp> {
  const t = await createTestApp(options);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}` };
}
