import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, parseCommandLine, serverBase, UsageError } from './args.js';
import { EXIT } from './exit-codes.js';

const CONNECTION = ['--url', 'https://sentri.example.com/', '--project', 'PRJ-1', '--token', 'tok'];

function usageErrorOf(argv: string[], env = {}): UsageError {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(EXIT.USAGE);
    return error as UsageError;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('knows help and version in their usual spellings', () => {
    expect(parseCommandLine([], {})).toEqual({ command: 'help', topic: 'main' });
    expect(parseCommandLine(['--help'], {})).toEqual({ command: 'help', topic: 'main' });
    expect(parseCommandLine(['-h'], {})).toEqual({ command: 'help', topic: 'main' });
    expect(parseCommandLine(['help', 'run'], {})).toEqual({ command: 'help', topic: 'run' });
    expect(parseCommandLine(['run', '--help'], {})).toEqual({ command: 'help', topic: 'run' });
    expect(parseCommandLine(['export', '-h'], {})).toEqual({ command: 'help', topic: 'export' });
    expect(parseCommandLine(['--version'], {})).toEqual({ command: 'version' });
    expect(parseCommandLine(['-v'], {})).toEqual({ command: 'version' });
  });

  it('reads run options with their defaults', () => {
    expect(parseCommandLine(['run', ...CONNECTION], {})).toEqual({
      command: 'run',
      url: 'https://sentri.example.com',
      project: 'PRJ-1',
      token: 'tok',
      wait: false,
      junit: null,
      ctrf: null,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      callbackUrl: null,
      workers: null,
      quiet: false,
      verbose: false,
    });
  });

  it('treats --junit and --ctrf as --wait, and reads the rest', () => {
    const run = parseCommandLine(
      [
        'run',
        ...CONNECTION,
        '--junit=out/junit.xml',
        '--ctrf',
        'ctrf.json',
        '--timeout',
        '90s',
        '--workers',
        '3',
        '--callback-url',
        'https://ci.example.com/hook',
        '--verbose',
      ],
      {},
    );
    expect(run).toMatchObject({
      wait: true,
      junit: 'out/junit.xml',
      ctrf: 'ctrf.json',
      timeoutMs: 90_000,
      workers: 3,
      callbackUrl: 'https://ci.example.com/hook',
      verbose: true,
    });
    expect(parseCommandLine(['run', ...CONNECTION, '--ctrf', 'c.json'], {})).toMatchObject({ wait: true });
    expect(parseCommandLine(['run', ...CONNECTION, '--timeout', '1h'], {})).toMatchObject({ wait: true });
    expect(parseCommandLine(['run', ...CONNECTION, '--wait', '--quiet', '--verbose'], {})).toMatchObject({
      wait: true,
      quiet: true,
      verbose: false,
    });
  });

  it('takes the server and token from the environment, flags first', () => {
    const env = { SENTRI_URL: 'http://env.example:3001/api/v1', SENTRI_TOKEN: 'from-env' };
    expect(parseCommandLine(['run', '--project', 'PRJ-2'], env)).toMatchObject({
      url: 'http://env.example:3001',
      token: 'from-env',
    });
    expect(parseCommandLine(['export', ...CONNECTION, '--out', 'pw'], env)).toEqual({
      command: 'export',
      url: 'https://sentri.example.com',
      project: 'PRJ-1',
      token: 'tok',
      out: 'pw',
    });
  });

  it('names everything that is missing at once', () => {
    expect(usageErrorOf(['run']).message).toBe('missing --url (or SENTRI_URL), --project, --token (or SENTRI_TOKEN)');
    expect(usageErrorOf(['run', '--url', 'http://x', '--token', 't']).message).toBe('missing --project');
    expect(usageErrorOf(['export', ...CONNECTION]).message).toBe('--out <dir> is required');
    expect(usageErrorOf(['run', '--project', 'P'], { SENTRI_URL: 'http://x', SENTRI_TOKEN: '  ' }).message).toContain(
      '--token',
    );
  });

  it('rejects bad values and unknown flags without echoing the token', () => {
    expect(usageErrorOf(['deploy']).message).toBe('unknown command "deploy"');
    expect(usageErrorOf(['run', ...CONNECTION, '--timeout', 'soon']).message).toContain('--timeout');
    expect(usageErrorOf(['run', ...CONNECTION, '--workers', '0']).message).toContain('--workers');
    expect(usageErrorOf(['run', ...CONNECTION, '--workers', '11']).message).toContain('1 to 10');
    expect(usageErrorOf(['run', ...CONNECTION, '--workers', '2.5']).message).toContain('--workers');
    expect(usageErrorOf(['run', ...CONNECTION, '--callback-url', 'ftp://x']).message).toContain('--callback-url');
    expect(usageErrorOf(['run', ...CONNECTION, '--junit', '']).message).toContain('--junit');
    expect(usageErrorOf(['run', '--url', 'sentri.example.com', '--project', 'P', '--token', 't']).message).toContain(
      'http(s)',
    );
    const unknown = usageErrorOf(['run', ...CONNECTION, '--tokne=s3cr3t-value']);
    expect(unknown.message).toContain('--tokne');
    expect(unknown.message).not.toContain('s3cr3t-value');
    expect(usageErrorOf(['run', ...CONNECTION, 'extra']).topic).toBe('run');
    expect(usageErrorOf(['run', '--url']).message).toContain('--url');
  });
});

describe('serverBase', () => {
  it('accepts the address with or without a trailing slash, /api/v1 or a base path', () => {
    expect(serverBase('https://s.example.com')).toBe('https://s.example.com');
    expect(serverBase('https://s.example.com/')).toBe('https://s.example.com');
    expect(serverBase('https://s.example.com/api/v1/')).toBe('https://s.example.com');
    expect(serverBase('https://s.example.com/sentri/?x=1')).toBe('https://s.example.com/sentri');
  });
});
