/**
 * The quality lab: for each fixture site, Sentri crawls it, every generated test is approved and
 * run, and four figures say how good the suite is — validity (passes on the unchanged app), fault
 * detection (seeded behaviour faults caught), healing (survives refactored markup, without false
 * heals) and flake (tests that do not pass every time under random network latency).
 *
 *   npm run build && npm run bench:quality [-- --sites content,forms] [--skip-flake] [--runs 5]
 *     [--workers 2] [--retries 0] [--mode state|crawl] [--latency 0-300] [--skip-faults] [--skip-false-heals] [--ai] [--out quality]
 *
 * Without `--ai` the built-in generator writes the tests (AI keys in the environment are not passed
 * to the server). With `--ai` the server keeps the environment's AI settings (AI_PROVIDER,
 * ANTHROPIC_API_KEY, …), and QUALITY_AI_PROVIDER (+ QUALITY_AI_KEY, QUALITY_AI_BASE_URL,
 * QUALITY_AI_MODEL) is saved through POST /settings. Writes bench/results/quality.json
 * (or quality-ai.json with --ai, or <out>.json) after every site.
 */
import { randomUUID } from 'node:crypto';
import { SITE_KINDS, type SiteKind } from '../../fixtures/sites/index.js';
import { measureSite, type LabOptions } from './measure.mjs';
import { printTable, totals, writeResults } from './report.mjs';
import { SentriClient, startSentri, type Json } from './server.mjs';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const arg = (name: string) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};

const kinds = (arg('sites')?.split(',') ?? [...SITE_KINDS]) as SiteKind[];
for (const kind of kinds) {
  if (!SITE_KINDS.includes(kind)) throw new Error(`unknown site: ${kind} (known: ${SITE_KINDS.join(', ')})`);
}
const [minLatency, maxLatency] = (arg('latency') ?? '0-300').split('-').map(Number);
const ai = flag('ai') || process.env.QUALITY_AI === '1';
const retries = arg('retries') ?? '0';
const options: LabOptions = {
  workers: Number(arg('workers') ?? 2),
  flakeRuns: Number(arg('runs') ?? 5),
  latency: { min: minLatency ?? 0, max: maxLatency ?? minLatency ?? 300 },
  exploreMode: (arg('mode') ?? 'state') as 'crawl' | 'state',
  skipFlake: flag('skip-flake'),
  skipFalseHeals: flag('skip-false-heals'),
  skipFaults: flag('skip-faults'),
  log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
};

const AI_ENV = /^(AI_PROVIDER|(ANTHROPIC|OPENAI|GOOGLE)_(API_KEY|MODEL|BASE_URL)|OLLAMA_(BASE_URL|MODEL))$/;
const serverEnv: Record<string, string> = { MAX_TEST_RETRIES: retries, CRAWL_NETWORKIDLE_TIMEOUT: '1000' };
if (!ai) for (const name of Object.keys(process.env)) if (AI_ENV.test(name)) delete process.env[name];

const settings = () => ({
  generator,
  sites: kinds,
  workers: options.workers,
  retries: Number(retries),
  exploreMode: options.exploreMode,
  flakeRuns: options.skipFlake ? 0 : options.flakeRuns,
  latencyMs: options.latency,
  faults: !options.skipFaults,
  falseHeals: !options.skipFalseHeals && !options.skipFaults,
});
const file = new URL(`../results/${arg('out') ?? (ai ? 'quality-ai' : 'quality')}.json`, import.meta.url);
const startedAt = new Date();
const server = await startSentri(serverEnv);
const stop = () => void server.stop().then(() => process.exit(130));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
const sites: Json[] = [];
let generator: Json = {};
try {
  const client = new SentriClient(server.base);
  await client.signUp(`quality-${randomUUID().slice(0, 8)}@example.test`, `Quality-lab-${randomUUID()}`);
  if (ai && process.env.QUALITY_AI_PROVIDER) {
    await client.call('POST', '/settings', {
      provider: process.env.QUALITY_AI_PROVIDER,
      ...(process.env.QUALITY_AI_KEY ? { apiKey: process.env.QUALITY_AI_KEY } : {}),
      ...(process.env.QUALITY_AI_BASE_URL ? { baseUrl: process.env.QUALITY_AI_BASE_URL } : {}),
      ...(process.env.QUALITY_AI_MODEL ? { model: process.env.QUALITY_AI_MODEL } : {}),
    });
  }
  const config = await client.call('GET', '/config');
  generator = { provider: config.provider ?? 'built-in', model: config.model ?? null };
  if (ai && !config.provider) throw new Error('--ai given but no AI provider is configured (GET /config)');
  options.log(`generator: ${String(generator.provider)}; sites: ${kinds.join(', ')}`);
  for (const kind of kinds) {
    try {
      sites.push(await measureSite(client, kind, options));
    } catch (error) {
      options.log(`${kind}: ERROR ${(error as Error).message}`);
      sites.push({ kind, error: (error as Error).message });
    }
    writeResults(file, settings(), sites, startedAt); // so far, in case the lab is stopped
  }
} finally {
  await server.stop();
}

writeResults(file, settings(), sites, startedAt);
console.log(`\n${printTable(sites)}\n`);
console.log('totals', JSON.stringify(totals(sites)));
console.log(`written to ${file.pathname} in ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s`);
