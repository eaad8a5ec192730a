import { lookup } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * One policy for every URL the server itself fetches or lets a test fetch: project URLs, crawl
 * targets and `request` calls in generated tests. Cloud metadata and link-local addresses are never
 * reachable, because they hand out credentials of the machine Sentri runs on. Private and loopback
 * addresses are a deployment choice: self-hosted QA of local apps needs them, a shared server not.
 */

export type OutboundUrlCode = 'URL_INVALID' | 'URL_PROTOCOL' | 'URL_METADATA' | 'URL_PRIVATE' | 'URL_UNRESOLVABLE';

export type OutboundUrlCheck = { ok: true; url: URL } | { ok: false; reason: string; code: OutboundUrlCode };

export interface OutboundUrlOptions {
  allowPrivate: boolean;
  /** Addresses a host name resolves to; defaults to the system resolver. Injected in tests. */
  resolve?: (host: string) => Promise<string[]>;
}

/** How reachable an address is: `metadata` is always refused, `private` only when allowed. */
export type AddressClass = 'metadata' | 'private' | 'public';

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);
const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal'];

type Cidr = readonly [base: number, bits: number];

const ipv4 = (text: string): number => text.split('.').reduce((value, part) => value * 256 + Number(part), 0);

const cidr = (text: string): Cidr => {
  const [base = '', bits = '32'] = text.split('/');
  return [ipv4(base), Number(bits)];
};

const IPV4_METADATA = ['169.254.0.0/16', '100.100.100.200/32'].map(cidr);
const IPV4_PRIVATE = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(
  cidr,
);

const inCidr = (address: number, [base, bits]: Cidr): boolean => {
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(base / size);
};

function classifyIPv4(text: string): AddressClass {
  const address = ipv4(text);
  if (IPV4_METADATA.some((range) => inCidr(address, range))) return 'metadata';
  if (IPV4_PRIVATE.some((range) => inCidr(address, range))) return 'private';
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (with or without an embedded dotted IPv4 tail). */
function ipv6Groups(text: string): number[] {
  let address = text.toLowerCase().split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted?.[1]) {
    const value = ipv4(dotted[1]);
    address = `${address.slice(0, dotted.index)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const [head = '', tail] = address.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const groupsToIPv4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].map(String).join('.');

function classifyIPv6(text: string): AddressClass {
  const groups = ipv6Groups(text);
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const zerosBefore = (count: number) => groups.slice(0, count).every((group) => group === 0);
  // Addresses that carry an IPv4 address are judged by it: mapped (::ffff:a.b.c.d), compatible
  // (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:a.b.c.d::).
  if (zerosBefore(5) && g5 === 0xffff) return classifyIPv4(groupsToIPv4(g6, g7));
  if (zerosBefore(6) && (g6 !== 0 || g7 > 1)) return classifyIPv4(groupsToIPv4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) {
    return classifyIPv4(groupsToIPv4(g6, g7));
  }
  if (g0 === 0x2002) return classifyIPv4(groupsToIPv4(g1, groups[2] ?? 0));

  if ((g0 & 0xffc0) === 0xfe80) return 'metadata';
  // AWS's IPv6 instance metadata endpoint, fd00:ec2::254.
  if (g0 === 0xfd00 && g1 === 0x0ec2 && groups.slice(2, 7).every((group) => group === 0) && g7 === 0x254) {
    return 'metadata';
  }
  if (zerosBefore(7) && g7 <= 1) return 'private';
  if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfec0) return 'private';
  return 'public';
}

/** Classifies an IP address literal (IPv6 without brackets); undefined when it is not one. */
export function classifyAddress(address: string): AddressClass | undefined {
  if (isIPv4(address)) return classifyIPv4(address);
  if (isIPv6(address)) return classifyIPv6(address);
  return undefined;
}

function classifyHostName(host: string): AddressClass {
  if (METADATA_HOSTS.has(host)) return 'metadata';
  if (host === 'localhost' || PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'private';
  return 'public';
}

type Verdict = OutboundUrlCheck | { ok: 'resolve'; url: URL; host: string };

const refusal = (code: OutboundUrlCode, reason: string): OutboundUrlCheck => ({ ok: false, code, reason });

/** `subject` starts the sentence: "10.0.0.1 is" or "app.test resolves to 10.0.0.1,". */
function verdictFor(kind: AddressClass, subject: string, allowPrivate: boolean, url: URL): OutboundUrlCheck {
  if (kind === 'metadata') {
    return refusal('URL_METADATA', `${subject} a cloud metadata or link-local address, which is never allowed.`);
  }
  if (kind === 'private' && !allowPrivate) {
    return refusal('URL_PRIVATE', `${subject} a private or loopback address, which this server does not allow.`);
  }
  return { ok: true, url };
}

function checkLiteral(raw: string, allowPrivate: boolean): Verdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    const shown = raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
    return refusal('URL_INVALID', `"${shown}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refusal('URL_PROTOCOL', `Only http and https URLs are allowed, not ${url.protocol}`);
  }
  // The URL parser already turned decimal, hex and octal IPv4 forms into dotted quads.
  const host = url.hostname.toLowerCase().replace(/\.+$/, '');
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  const addressKind = classifyAddress(literal);
  if (addressKind) return verdictFor(addressKind, `${url.hostname} is`, allowPrivate, url);
  const nameKind = classifyHostName(host);
  if (nameKind !== 'public') return verdictFor(nameKind, `${url.hostname} is`, allowPrivate, url);
  return { ok: 'resolve', url, host };
}

/** The policy for what can be decided without DNS; a host name passes unresolved. */
export function checkOutboundUrlSync(raw: string, options: { allowPrivate: boolean }): OutboundUrlCheck {
  const verdict = checkLiteral(raw, options.allowPrivate);
  return verdict.ok === 'resolve' ? { ok: true, url: verdict.url } : verdict;
}

const systemResolve = async (host: string): Promise<string[]> =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * The full policy: literal checks, then every address the host name resolves to is checked the
 * same way, so a public-looking name that points at a metadata address is refused even when
 * private targets are allowed.
 */
export async function checkOutboundUrl(raw: string, options: OutboundUrlOptions): Promise<OutboundUrlCheck> {
  const verdict = checkLiteral(raw, options.allowPrivate);
  if (verdict.ok !== 'resolve') return verdict;
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? systemResolve)(verdict.host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) return refusal('URL_UNRESOLVABLE', `${verdict.host} could not be resolved.`);
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (!kind) return refusal('URL_UNRESOLVABLE', `${verdict.host} resolved to "${address}", which is not an address.`);
    const subject = `${verdict.host} resolves to ${address},`;
    const check = verdictFor(kind, subject, options.allowPrivate, verdict.url);
    if (!check.ok) return check;
  }
  return { ok: true, url: verdict.url };
}

/** The first absolute http(s) URL written in `text` (code, steps) that the policy refuses, if any. */
export function refusedUrlIn(
  text: string,
  options: { allowPrivate: boolean },
): { url: string; reason: string } | undefined {
  for (const [url] of text.matchAll(/https?:\/\/[^\s'"`\\)]+/gi)) {
    const verdict = checkOutboundUrlSync(url, options);
    if (!verdict.ok) return { url, reason: verdict.reason };
  }
  return undefined;
}
