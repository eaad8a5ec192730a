/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
export type ApiCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Calls `/api/v1` over real HTTP as a script would: a Bearer token, JSON in and out. */
export function bearerApi(baseUrl: string, token: () => string): ApiCall {
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token()}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as any) : {} };
  };
}

/** The run once `done(run)` holds (by default: no longer running), polled until `timeoutMs`. */
export async function waitForRun(
  call: ApiCall,
  runId: string,
  { timeoutMs = 120_000, done = (run: any) => run.status !== 'running' } = {},
): Promise<any> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const run = (await call('GET', `/runs/${runId}`)).body;
    if (done(run)) return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`run ${runId} did not finish within ${timeoutMs} ms`);
}
