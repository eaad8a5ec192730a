import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError } from './exit-codes.js';
import { extractZip, safeEntryPath } from './unzip.js';

const text = (value: string) => new TextEncoder().encode(value);
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-cli-unzip-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('safeEntryPath', () => {
  it('keeps ordinary relative paths, tidied', () => {
    expect(safeEntryPath('package.json')).toBe('package.json');
    expect(safeEntryPath('tests/a.spec.ts')).toBe('tests/a.spec.ts');
    expect(safeEntryPath('./tests//b.spec.ts')).toBe('tests/b.spec.ts');
    expect(safeEntryPath('tests\\c.spec.ts')).toBe('tests/c.spec.ts');
    expect(safeEntryPath('odd..name.ts')).toBe('odd..name.ts');
  });

  it.each([
    '/etc/passwd',
    '\\windows\\x',
    'C:/x',
    'c:x',
    '../x',
    'tests/../../x',
    'a\\..\\..\\b',
    'a/..',
    '',
    '.',
    'x\0y',
  ])('refuses %j', (name) => expect(safeEntryPath(name)).toBeNull());
});

describe('extractZip', () => {
  it('unpacks files into a new directory, nested folders included', () => {
    const out = path.join(tempDir(), 'pw');
    const files = extractZip(
      zipSync({ 'package.json': text('{}'), 'tests/a.spec.ts': text('test'), 'docs/': new Uint8Array() }),
      out,
    );
    expect(files).toEqual(['package.json', 'tests/a.spec.ts']);
    expect(fs.readFileSync(path.join(out, 'tests/a.spec.ts'), 'utf8')).toBe('test');
  });

  it('refuses a zip-slip archive before writing anything', () => {
    const root = tempDir();
    const out = path.join(root, 'pw');
    const archive = zipSync({ 'a.txt': text('fine'), '../escaped.txt': text('evil') });
    expect(() => extractZip(archive, out)).toThrow(CliError);
    expect(() => extractZip(archive, out)).toThrow(/escaped\.txt/);
    expect(fs.existsSync(path.join(root, 'escaped.txt'))).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says so when the download is not a ZIP', () => {
    expect(() => extractZip(text('<html>proxy error</html>'), path.join(tempDir(), 'pw'))).toThrow(/not a valid ZIP/);
  });
});
