import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/exit-codes.js';
import { connect, sentri, useFakeSentri } from './cli-harness.js';

const { serve } = useFakeSentri();

describe('sentri run: starting and refusing', () => {
  it('without --wait prints the run id and status URL and exits 0 at once', async () => {
    const server = await serve({});
    const run = await sentri(['run', '--project', 'PRJ-1'], {
      env: { SENTRI_URL: server.url, SENTRI_TOKEN: server.token },
    });
    expect(run).toEqual({
      code: EXIT.OK,
      stdout: `Run RUN-7 started: ${server.url}/api/v1/projects/PRJ-1/trigger/runs/RUN-7\n`,
      stderr: '',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('exits 5 for a wrong token or another project, naming the reason but never the token', async () => {
    const server = await serve({});
    const wrong = await sentri(['run', ...connect(server, 'PRJ-1', 'wrong-token-0123456789')]);
    expect(wrong.code).toBe(EXIT.AUTH);
    expect(wrong.stderr).toContain('Starting a run failed: Invalid trigger token. (HTTP 401, TRIGGER_TOKEN_INVALID)');
    expect(wrong.stderr).not.toContain('wrong-token-0123456789');
    const foreign = await sentri(['run', ...connect(server, 'PRJ-2')]);
    expect(foreign.code).toBe(EXIT.AUTH);
    expect(foreign.stderr).toContain('Token does not belong to this project. (HTTP 403');
  });

  it.each([
    [
      409,
      { error: 'A run is already in progress (RUN-3).', code: 'RUN_ALREADY_ACTIVE', runId: 'RUN-3' },
      EXIT.API_ERROR,
      'Active run: RUN-3',
    ],
    [
      400,
      { error: 'No approved tests — review generated tests before triggering.', code: 'X' },
      EXIT.API_ERROR,
      'No approved tests',
    ],
    [404, { error: 'not found', code: 'PROJECT_NOT_FOUND' }, EXIT.API_ERROR, 'not found (HTTP 404'],
    [
      429,
      { error: 'Too many requests, please try again later.', code: 'REQUEST_RATE_LIMITED' },
      EXIT.API_ERROR,
      'Retry after 60 s',
    ],
    [500, { error: 'Internal server error', code: 'INTERNAL' }, EXIT.UNREACHABLE, 'HTTP 500'],
    [502, '<html>Bad gateway</html>', EXIT.UNREACHABLE, 'Bad Gateway (HTTP 502)'],
  ])('maps HTTP %d from the trigger to its exit code', async (code, body, exit, message) => {
    const server = await serve({ onTrigger: () => ({ status: code, body, headers: { 'retry-after': '60' } }) });
    const run = await sentri(['run', ...connect(server), '--wait']);
    expect(run.code).toBe(exit);
    expect(run.stderr).toContain(message);
  });

  it('masks the token even when a server echoes it back', async () => {
    const server = await serve({
      onTrigger: () => ({ status: 400, body: { error: `bad token ${'a'.repeat(80)}`, code: 'X' } }),
    });
    const run = await sentri(['run', ...connect(server)]);
    expect(run.code).toBe(EXIT.API_ERROR);
    expect(run.stderr).toContain('bad token ***');
    expect(run.stderr).not.toContain(server.token);
  });

  it('exits 7 when nothing listens at --url', async () => {
    const server = await serve({});
    const url = server.url;
    await server.close();
    const run = await sentri(['run', '--url', url, '--project', 'PRJ-1', '--token', 'b'.repeat(80)]);
    expect(run.code).toBe(EXIT.UNREACHABLE);
    expect(run.stderr).toContain(`cannot reach the Sentri server at ${url}: ECONNREFUSED`);
  });

  it('exits 2 with a pointer to help for usage errors', async () => {
    const run = await sentri(['run', '--url', 'http://127.0.0.1:1', '--token', 'secret-token']);
    expect(run).toEqual({
      code: EXIT.USAGE,
      stdout: '',
      stderr: 'sentri: missing --project\nRun "sentri run --help" for usage.\n',
    });
    const help = await sentri(['run', '--help']);
    expect(help.code).toBe(EXIT.OK);
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('  4  --timeout passed');
  });
});
