import { afterEach, describe, expect, it } from 'vitest';
import { startHttpReceiver, type HttpReceiver } from '../../test/support/receivers.js';
import { postJson, redactUrl } from './outbound-post.js';
import { closedPort } from '../../../../test-support/ports.js';

const receivers: HttpReceiver[] = [];
async function receiver(): Promise<HttpReceiver> {
  const started = await startHttpReceiver();
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((started) => started.close()));
});

describe('postJson', () => {
  it('delivers the JSON body with its content type and user agent', async () => {
    const target = await receiver();
    const outcome = await postJson(`${target.url}/hooks/abc`, { hello: 'world', n: 1 }, { allowPrivate: true });
    expect(outcome).toMatchObject({ ok: true, status: 200, error: null });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = await target.waitFor(1);
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/abc', body: { hello: 'world', n: 1 } });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toBe('Sentri-Notifier');
  });

  it('reports a non-2xx answer with its status and the start of the body', async () => {
    const target = await receiver();
    target.respondWith(500, `Internal trouble: ${'x'.repeat(500)}`);
    const outcome = await postJson(target.url, {}, { allowPrivate: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBe(500);
    expect(outcome.error).toMatch(/^HTTP 500: Internal trouble: x+…$/);
    expect(outcome.error!.length).toBeLessThan(220);
  });

  it('refuses to follow a redirect, and the redirect target is never requested', async () => {
    const elsewhere = await receiver();
    const target = await receiver();
    target.respondWith(302, '', { location: `${elsewhere.url}/internal` });
    const outcome = await postJson(target.url, { a: 1 }, { allowPrivate: true });
    expect(outcome).toMatchObject({ ok: false, status: 302 });
    expect(outcome.error).toBe(`redirect refused (${elsewhere.url}/internal)`);
    expect(target.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('gives up after the timeout without waiting for a slow target', async () => {
    const target = await receiver();
    target.delay(2000);
    const startedAt = Date.now();
    const outcome = await postJson(target.url, {}, { allowPrivate: true, timeoutMs: 300 });
    expect(Date.now() - startedAt).toBeLessThan(1500);
    expect(outcome).toMatchObject({ ok: false, status: null, error: 'timed out after 0.3 s' });
  });

  it('stops when the caller cancels', async () => {
    const target = await receiver();
    target.delay(2000);
    const outcome = await postJson(target.url, {}, { allowPrivate: true, signal: AbortSignal.timeout(100) });
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(outcome.error).toMatch(/cancelled/);
  });

  it('never contacts cloud metadata, even when private targets are allowed', async () => {
    const outcome = await postJson('http://169.254.169.254/latest/meta-data', {}, { allowPrivate: true });
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(outcome.error).toMatch(/metadata/);
  });

  it('refuses loopback when private targets are not allowed, before any request', async () => {
    const target = await receiver();
    const outcome = await postJson(target.url, {}, { allowPrivate: false });
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(outcome.error).toMatch(/private or loopback/);
    expect(target.requests).toHaveLength(0);
  });

  it('refuses what is not an http(s) URL without echoing it', async () => {
    const invalid = await postJson('not a url/secret-token', {}, { allowPrivate: true });
    expect(invalid).toMatchObject({ ok: false, status: null, error: 'URL is not valid.' });
    const file = await postJson('file:///etc/passwd', {}, { allowPrivate: true });
    expect(file.error).toMatch(/http and https/);
  });

  it('reports a refused connection instead of throwing', async () => {
    const port = await closedPort();
    const outcome = await postJson(`http://127.0.0.1:${port}/services/T0/B0/secret`, {}, { allowPrivate: true });
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(outcome.error).toMatch(/ECONNREFUSED/);
    expect(outcome.error).not.toContain('secret');
  });

  it('keeps the secret part of the URL out of errors even when the target echoes it', async () => {
    const target = await receiver();
    target.respondWith(404, 'No hook at /services/T0/B0/s3cr3t-token');
    const outcome = await postJson(`${target.url}/services/T0/B0/s3cr3t-token`, {}, { allowPrivate: true });
    expect(outcome.status).toBe(404);
    expect(outcome.error).not.toContain('s3cr3t-token');
  });

  it('reports a body that is not JSON instead of throwing', async () => {
    const outcome = await postJson('http://127.0.0.1:9/', { n: 1n }, { allowPrivate: true });
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(outcome.error).toMatch(/not JSON/);
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://hooks.slack.com/services/T000/B000/XXXXXXXX', 'https://hooks.slack.com/services/…'],
    [
      'https://contoso.webhook.office.com/webhookb2/1234-abcd@5678/IncomingWebhook/deadbeef/99',
      'https://contoso.webhook.office.com/webhookb2/…',
    ],
    [
      'https://prod-01.westus.logic.azure.com:443/workflows/abc123/triggers/manual/paths/invoke?sig=secret',
      'https://prod-01.westus.logic.azure.com/workflows/…',
    ],
    ['https://user:pass@example.com/hook', 'https://example.com/hook'],
    ['https://example.com/hook?token=secret', 'https://example.com/hook/…'],
    ['https://webhook.site/3f2a9c1e-8b7d-4c6a-9e1f-0a2b3c4d5e6f', 'https://webhook.site/…'],
    ['https://example.com/', 'https://example.com'],
    ['not a url', '(invalid URL)'],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});
