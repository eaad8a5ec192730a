import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { EXIT } from '../src/exit-codes.js';
import { startFakeSentri, type FakeSentri } from './fake-sentri.js';

const text = (value: string) => new TextEncoder().encode(value);
let fake: FakeSentri | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  fake = undefined;
  dir = undefined;
});

async function exportTo(archive: Uint8Array) {
  fake = await startFakeSentri({ exportZip: archive });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-cli-export-'));
  const out = path.join(dir, 'nested', 'pw');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    ['export', '--url', fake.url, '--project', fake.projectId, '--token', fake.token, '--out', out],
    {
      stdout: { isTTY: false, write: (chunk) => stdout.push(chunk) },
      stderr: { isTTY: false, write: (chunk) => stderr.push(chunk) },
      env: {},
    },
  );
  return { code, out, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('sentri export', () => {
  it('downloads the Playwright project with the trigger token and unpacks it', async () => {
    const result = await exportTo(
      zipSync({
        'package.json': text('{}'),
        'playwright.config.ts': text('export default {};'),
        'tests/adds-a-todo.spec.ts': text("test('adds a todo', async () => {});"),
      }),
    );
    expect(result.code).toBe(EXIT.OK);
    expect(fs.readFileSync(path.join(result.out, 'tests/adds-a-todo.spec.ts'), 'utf8')).toContain('adds a todo');
    expect(fs.existsSync(path.join(result.out, 'playwright.config.ts'))).toBe(true);
    expect(result.stdout).toContain('Exported 1 test file(s), 3 files in all');
    expect(fake!.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/v1/projects/PRJ-1/trigger/export/playwright',
    });
    expect(fake!.requests[0]!.headers.authorization).toBe(`Bearer ${fake!.token}`);
  });

  it('refuses an archive with an entry that escapes --out, writing nothing', async () => {
    const result = await exportTo(zipSync({ 'package.json': text('{}'), '../../evil.sh': text('rm -rf /') }));
    expect(result.code).toBe(EXIT.API_ERROR);
    expect(result.stderr).toContain('refusing to unpack the export: entry "../../evil.sh"');
    expect(fs.existsSync(result.out)).toBe(false);
    expect(fs.existsSync(path.join(dir!, 'evil.sh'))).toBe(false);
  });
});
