import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/exit-codes.js';
import { connect, FAST, result, sentri, snapshot, useFakeSentri } from './cli-harness.js';
import { status, type EventConnection } from './fake-sentri.js';

const JUNIT = '<?xml version="1.0"?><testsuites><testsuite name="x" tests="2" failures="0"/></testsuites>';
const CTRF = '{"results":{"summary":{"tests":2}}}';
const { serve, tempDir } = useFakeSentri();

describe('sentri run --wait against a loopback server speaking the trigger API', () => {
  it('streams results, confirms the outcome with the status endpoint, writes both reports and exits 0', async () => {
    const server = await serve({
      junit: JUNIT,
      ctrf: CTRF,
      statuses: [status({ status: 'completed', passed: 1, failed: 0, flaky: 1, total: 2, duration: 34_000 })],
      onEvents: (c) => {
        c.send('snapshot', snapshot(2), 1);
        c.comment('heartbeat');
        c.send('log', { level: 'info', message: 'Launching Chromium' }, 2);
        c.send('frame', { testId: 'TEST-1', data: 'AAAA' });
        c.send('result', result(1, 'passed'), 3);
        c.send('result', result(2, 'flaky', { retryCount: 1 }), 4);
        c.send('done', { status: 'completed', passed: 1, failed: 0, flaky: 1, total: 2 }, 5);
        c.end();
      },
    });
    const dir = tempDir();
    const run = await sentri([
      'run',
      ...connect(server),
      '--junit',
      path.join(dir, 'reports/junit.xml'),
      '--ctrf',
      path.join(dir, 'ctrf.json'),
      '--workers',
      '3',
      '--callback-url',
      'https://ci.example.com/hook',
    ]);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toBe('Run RUN-7 completed: 1 passed, 0 failed, 1 flaky, 0 skipped of 2 in 34 s\n');
    expect(run.stderr).toContain('✓ TEST-1 Test 1 (1.2 s)\n');
    expect(run.stderr).toContain('~ TEST-2 Test 2 (1.2 s) — flaky: passed after 1 retry\n');
    expect(run.stderr).not.toContain('Launching Chromium');
    expect(fs.readFileSync(path.join(dir, 'reports/junit.xml'), 'utf8')).toBe(JUNIT);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'ctrf.json'), 'utf8'))).toEqual(JSON.parse(CTRF));

    const [trigger, ...rest] = server.requests;
    expect(trigger).toMatchObject({ method: 'POST', path: '/api/v1/projects/PRJ-1/trigger' });
    expect(trigger!.headers.authorization).toBe(`Bearer ${server.token}`);
    expect(JSON.parse(trigger!.body)).toEqual({
      callbackUrl: 'https://ci.example.com/hook',
      dialsConfig: { parallelWorkers: 3 },
    });
    expect(rest.map((request) => request.path.replace('/api/v1/projects/PRJ-1/trigger/runs/RUN-7', ''))).toEqual([
      '/events',
      '',
      '/report.junit.xml',
      '/report.ctrf.json',
    ]);
    expect(run.stdout + run.stderr).not.toContain(server.token);
  });

  it('prints log lines with --verbose and nothing but the summary with --quiet', async () => {
    const events = (c: EventConnection) => {
      c.send('snapshot', snapshot(1), 1);
      c.send('log', { level: 'info', message: 'Launching Chromium' }, 2);
      c.send('result', result(1, 'passed'), 3);
      c.send('done', { status: 'completed', passed: 1, failed: 0, total: 1 }, 4);
      c.end();
    };
    const server = await serve({ statuses: [status({ status: 'completed', passed: 1, total: 1 })], onEvents: events });
    const verbose = await sentri(['run', ...connect(server), '--wait', '--verbose']);
    expect(verbose.stderr).toContain('  Launching Chromium\n');
    const quiet = await sentri(['run', ...connect(server), '--wait', '--quiet']);
    expect(quiet.code).toBe(EXIT.OK);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^Run RUN-7 completed: 1 passed, 0 failed, 0 flaky, 0 skipped of 1 in /);
  });

  it('exits 1 when a test failed, and still writes the report', async () => {
    const server = await serve({
      junit: JUNIT,
      statuses: [status({ status: 'completed', passed: 1, failed: 1, total: 2, duration: 2000 })],
      onEvents: (c) => {
        c.send('snapshot', snapshot(2), 1);
        c.send('result', result(1, 'passed'), 2);
        c.send('result', result(2, 'failed', { error: 'Error: expected "Groceries"\n  at line 3' }), 3);
        c.send('done', { status: 'completed', passed: 1, failed: 1, total: 2 }, 4);
        c.end();
      },
    });
    const file = path.join(tempDir(), 'junit.xml');
    const run = await sentri(['run', ...connect(server), '--junit', file]);
    expect(run.code).toBe(EXIT.TESTS_FAILED);
    expect(run.stderr).toContain('✗ TEST-2 Test 2 (1.2 s) — Error: expected "Groceries"\n');
    expect(run.stdout).toBe('Run RUN-7 completed: 1 passed, 1 failed, 0 flaky, 0 skipped of 2 in 2.0 s\n');
    expect(fs.existsSync(file)).toBe(true);
  });

  it('reconnects with Last-Event-ID after the stream drops mid-run, and shows each result once', async () => {
    const lastEventIds: (string | undefined)[] = [];
    const server = await serve({
      statuses: [status({ status: 'completed', passed: 2, total: 2 })],
      onEvents: (c) => {
        lastEventIds.push(c.lastEventId);
        if (c.attempt === 1) {
          c.send('snapshot', snapshot(2), 1);
          c.send('result', result(1, 'passed'), 2);
          setTimeout(() => c.destroy(), 30);
        } else if (c.attempt === 2) {
          c.send('result', result(2, 'passed'), 3);
          c.end(); // ends before `done`: the client must come back again
        } else {
          c.send('done', { status: 'completed', passed: 2, failed: 0, total: 2 }, 4);
          c.end();
        }
      },
    });
    const run = await sentri(['run', ...connect(server), '--wait']);
    expect(run.code).toBe(EXIT.OK);
    expect(lastEventIds).toEqual([undefined, '2', '3']);
    expect(run.stderr).toMatch(/Event stream broke off; reconnecting/);
    expect(run.stderr).toMatch(/Event stream ended before the run did; reconnecting/);
    expect(run.stderr.match(/✓ TEST-1/g)).toHaveLength(1);
    expect(run.stderr.match(/✓ TEST-2/g)).toHaveLength(1);
  });

  it('reconnects when a stream goes silent, heartbeats included', async () => {
    const server = await serve({
      statuses: [status({ status: 'completed', passed: 1, total: 1 })],
      onEvents: (c) => {
        if (c.attempt === 1) c.send('snapshot', snapshot(1), 1);
        else {
          c.send('done', { status: 'completed', passed: 1, failed: 0, total: 1 }, 2);
          c.end();
        }
      },
    });
    const run = await sentri(['run', ...connect(server), '--wait'], { timing: { ...FAST, silenceMs: 200 } });
    expect(run.code).toBe(EXIT.OK);
    expect(run.stderr).toMatch(/Event stream was silent for 0\.2 s; reconnecting/);
  });

  it('falls back to polling the status every interval when the server has no event stream', async () => {
    const server = await serve({
      onEvents: 'not-found',
      statuses: [
        status({ status: 'running' }),
        status({ status: 'running', passed: 1 }),
        status({ status: 'completed', passed: 1, failed: 1, total: 2 }),
      ],
    });
    const run = await sentri(['run', ...connect(server), '--wait']);
    expect(run.code).toBe(EXIT.TESTS_FAILED);
    expect(run.stderr).toContain('Live events unavailable; polling the run status every 0.05 s.');
    expect(run.stderr).toContain('… 1/2 finished (1 passed, 0 failed)');
    expect(server.requests.filter((request) => request.path.endsWith('/runs/RUN-7'))).toHaveLength(3);
  });

  it('gives up on a stream that keeps failing and polls instead', async () => {
    const server = await serve({
      statuses: [status({ status: 'completed', passed: 2, total: 2 })],
      onEvents: (c) => c.destroy(),
    });
    const run = await sentri(['run', ...connect(server), '--wait']);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stderr).toContain('giving up on live events after 3 reconnects');
    expect(server.requests.filter((request) => request.path.endsWith('/events'))).toHaveLength(4);
  });

  it.each([
    ['failed', 'Browser crashed'],
    ['aborted', null],
    ['interrupted', 'Server restarted while run was in progress'],
  ])('exits 3 when the run itself ended %s', async (outcome, error) => {
    const server = await serve({
      onEvents: 'not-found',
      statuses: [status({ status: outcome, passed: 0, failed: 0, total: 2, error })],
    });
    const run = await sentri(['run', ...connect(server), '--wait']);
    expect(run.code).toBe(EXIT.RUN_FAILED);
    expect(run.stdout).toContain(`Run RUN-7 ${outcome}: 0 passed`);
    if (error) expect(run.stdout).toContain(`— ${error}`);
  });

  it('times out with exit 4 and leaves the run alone on the server', async () => {
    let heartbeat: NodeJS.Timeout | undefined;
    const server = await serve({
      statuses: [status({ status: 'running' })],
      onEvents: (c) => {
        c.send('snapshot', snapshot(2), 1);
        heartbeat = setInterval(() => c.comment('heartbeat'), 100);
        c.onClose(() => clearInterval(heartbeat));
      },
    });
    const started = Date.now();
    const run = await sentri(['run', ...connect(server), '--wait', '--timeout', '1']);
    clearInterval(heartbeat);
    expect(run.code).toBe(EXIT.TIMEOUT);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.stderr).toContain('Timed out after 1.0 s waiting for run RUN-7 (0/2 tests finished)');
    expect(run.stderr).toContain('The run was NOT aborted');
    expect(server.requests.some((request) => request.method !== 'GET' && !request.path.endsWith('/trigger'))).toBe(
      false,
    );
  });

  it('fails an otherwise green job when a report cannot be downloaded, but keeps a red one red', async () => {
    const server = await serve({ onEvents: 'not-found', statuses: [status({ status: 'completed', passed: 2 })] });
    const file = path.join(tempDir(), 'junit.xml');
    const green = await sentri(['run', ...connect(server), '--junit', file]);
    expect(green.code).toBe(EXIT.API_ERROR);
    expect(green.stderr).toContain('Downloading the JUnit report failed: run not found (HTTP 404, RUN_NOT_FOUND)');
    expect(green.stdout).toContain('Run RUN-7 completed');
    const red = await serve({ onEvents: 'not-found', statuses: [status({ status: 'completed', failed: 1 })] });
    expect((await sentri(['run', ...connect(red), '--junit', file])).code).toBe(EXIT.TESTS_FAILED);
  });
});
