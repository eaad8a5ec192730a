import { describe, expect, it } from 'vitest';
import { checkOutboundUrl, checkOutboundUrlSync, classifyAddress, refusedUrlIn } from './url-policy.js';

const codeOf = (raw: string, allowPrivate: boolean) => {
  const check = checkOutboundUrlSync(raw, { allowPrivate });
  return check.ok ? 'ok' : check.code;
};

/** A resolver that answers from a table and never touches real DNS. */
const fakeDns =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<string[]> => {
    const answer = table[host];
    if (!answer) throw new Error(`ENOTFOUND ${host}`);
    return answer;
  };

describe('checkOutboundUrlSync', () => {
  it('accepts public http and https URLs and returns the parsed URL', () => {
    const check = checkOutboundUrlSync('  https://shop.example.com/cart?x=1 ', { allowPrivate: false });
    expect(check.ok && check.url.href).toBe('https://shop.example.com/cart?x=1');
    expect(codeOf('http://93.184.216.34:8080/', false)).toBe('ok');
    expect(codeOf('http://[2606:4700::1111]/', false)).toBe('ok');
  });

  it('refuses what does not parse and protocols other than http(s)', () => {
    const invalid = checkOutboundUrlSync('not a url', { allowPrivate: true });
    expect(invalid).toEqual({ ok: false, code: 'URL_INVALID', reason: '"not a url" is not a valid URL.' });
    for (const raw of ['file:///etc/passwd', 'ftp://example.com/', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(codeOf(raw, true)).toBe('URL_PROTOCOL');
    }
    const ftp = checkOutboundUrlSync('ftp://example.com/', { allowPrivate: true });
    expect(!ftp.ok && ftp.reason).toBe('Only http and https URLs are allowed, not ftp:');
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://169.254.1.1/',
    'http://100.100.100.200/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://METADATA.google.internal./',
    'http://metadata/',
    'http://[fe80::1]/',
    'http://[febf::1]/',
    'http://[fd00:ec2::254]/',
    'http://2852039166/',
    'http://0xA9FEA9FE/',
    'http://0251.0376.0251.0376/',
    'http://169.254.43518/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[::169.254.169.254]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::1]/',
  ])('always refuses the metadata or link-local target %s', (raw) => {
    expect(codeOf(raw, true)).toBe('URL_METADATA');
    expect(codeOf(raw, false)).toBe('URL_METADATA');
  });

  it.each([
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.10:3000/',
    'http://127.0.0.1:8080/',
    'http://127.1/',
    'http://2130706433/',
    'http://0/',
    'http://0.0.0.0/',
    'http://100.64.0.1/',
    'http://[::1]:3000/',
    'http://[::]/',
    'http://[fc00::1]/',
    'http://[fdab:1::2]/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost:3000/',
    'http://LOCALHOST./',
    'http://app.localhost/',
    'http://printer.local/',
    'http://build.corp.internal/',
  ])('allows the private target %s only when private targets are allowed', (raw) => {
    expect(codeOf(raw, true)).toBe('ok');
    expect(codeOf(raw, false)).toBe('URL_PRIVATE');
  });

  it('keeps the neighbours of private ranges public', () => {
    for (const raw of ['http://172.32.0.1/', 'http://172.15.255.255/', 'http://100.128.0.1/', 'http://11.0.0.1/']) {
      expect(codeOf(raw, false)).toBe('ok');
    }
    expect(codeOf('http://[fe00::1]/', false)).toBe('ok');
  });

  it('says in words why a URL was refused', () => {
    const metadata = checkOutboundUrlSync('http://0xA9FEA9FE/', { allowPrivate: true });
    expect(!metadata.ok && metadata.reason).toBe(
      '169.254.169.254 is a cloud metadata or link-local address, which is never allowed.',
    );
    const loopback = checkOutboundUrlSync('http://[::1]/', { allowPrivate: false });
    expect(!loopback.ok && loopback.reason).toBe(
      '[::1] is a private or loopback address, which this server does not allow.',
    );
  });

  it('leaves host names unresolved', () => {
    expect(codeOf('https://rebind.example/', false)).toBe('ok');
  });
});

describe('checkOutboundUrl', () => {
  const resolve = fakeDns({
    'shop.example.com': ['93.184.216.34', '2606:2800:220:1::1'],
    'rebind.example': ['93.184.216.34', '169.254.169.254'],
    'rebind6.example': ['::ffff:169.254.169.254'],
    'staging.example': ['10.0.0.7'],
    'odd.example': ['not-an-ip'],
    'empty.example': [],
  });

  it('accepts a name whose every address is public', async () => {
    const check = await checkOutboundUrl('https://shop.example.com/', { allowPrivate: false, resolve });
    expect(check.ok).toBe(true);
  });

  it('refuses a public-looking name that resolves to a metadata address, even with private allowed', async () => {
    const check = await checkOutboundUrl('https://rebind.example/', { allowPrivate: true, resolve });
    expect(check).toEqual({
      ok: false,
      code: 'URL_METADATA',
      reason:
        'rebind.example resolves to 169.254.169.254, a cloud metadata or link-local address, which is never allowed.',
    });
    const mapped = await checkOutboundUrl('https://rebind6.example/', { allowPrivate: true, resolve });
    expect(!mapped.ok && mapped.code).toBe('URL_METADATA');
  });

  it('treats a name resolving to a private address like the address', async () => {
    expect((await checkOutboundUrl('http://staging.example/', { allowPrivate: true, resolve })).ok).toBe(true);
    const refused = await checkOutboundUrl('http://staging.example/', { allowPrivate: false, resolve });
    expect(!refused.ok && refused.code).toBe('URL_PRIVATE');
  });

  it('refuses names that do not resolve to addresses', async () => {
    for (const host of ['missing.example', 'empty.example', 'odd.example']) {
      const check = await checkOutboundUrl(`http://${host}/`, { allowPrivate: true, resolve });
      expect(!check.ok && check.code).toBe('URL_UNRESOLVABLE');
    }
    const missing = await checkOutboundUrl('http://missing.example/', { allowPrivate: true, resolve });
    expect(!missing.ok && missing.reason).toBe('missing.example could not be resolved.');
  });

  it('decides literals without calling the resolver', async () => {
    const never = () => Promise.reject(new Error('resolver must not be called'));
    expect((await checkOutboundUrl('http://127.0.0.1/', { allowPrivate: true, resolve: never })).ok).toBe(true);
    const check = await checkOutboundUrl('http://metadata.google.internal/', { allowPrivate: true, resolve: never });
    expect(!check.ok && check.code).toBe('URL_METADATA');
  });
});

describe('classifyAddress', () => {
  it('classifies bare addresses and ignores names', () => {
    expect(classifyAddress('169.254.169.254')).toBe('metadata');
    expect(classifyAddress('::ffff:10.0.0.1')).toBe('private');
    expect(classifyAddress('fe80::1%eth0')).toBe('metadata');
    expect(classifyAddress('8.8.8.8')).toBe('public');
    expect(classifyAddress('example.com')).toBeUndefined();
  });
});

describe('refusedUrlIn', () => {
  it('finds the first refused URL written in code, whatever quotes surround it', () => {
    const code = "await page.goto('https://shop.example/');\nawait request.get(`http://169.254.169.254/latest`);";
    expect(refusedUrlIn(code, { allowPrivate: true })).toMatchObject({ url: 'http://169.254.169.254/latest' });
    expect(refusedUrlIn("page.goto('http://127.0.0.1:3000/')", { allowPrivate: true })).toBeUndefined();
    expect(refusedUrlIn("page.goto('http://127.0.0.1:3000/')", { allowPrivate: false })?.url).toBe(
      'http://127.0.0.1:3000/',
    );
  });
});
