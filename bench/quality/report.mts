/** The quality lab's table on stdout and its results file. */
import fs from 'node:fs';
import os from 'node:os';
import type { Json } from './server.mjs';

const pct = (rate: unknown) => (typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : '—');

function row(site: Json): string[] {
  const validity = site.validity as Json | undefined;
  const faults = site.faultDetection as Json | undefined;
  const healing = site.healing as Json | undefined;
  const flake = site.flake as Json | null | undefined;
  const seconds = site.seconds as Json | undefined;
  if (!validity) {
    return [String(site.kind), String(site.tests ?? 0), site.error ? 'error' : 'no tests', '—', '—', '—', '—', '—'];
  }
  return [
    String(site.kind),
    String(site.tests),
    `${pct(validity.rate)} (${String(validity.passed)}/${String(validity.total)})`,
    faults?.skipped ? 'skipped' : `${pct(faults?.rate)} (${String(faults?.detected)}/${String(faults?.total)})`,
    `${pct(healing?.rate)} (${String(healing?.kept)}/${String(healing?.of)})`,
    `${String(healing?.heals)} / ${healing?.falseHeals === null ? '—' : String(healing?.falseHeals)}`,
    flake ? `${String(flake.flakyTests)} (${pct(flake.rate)})` : 'skipped',
    typeof seconds?.total === 'number' ? `${Math.round(seconds.total)} s` : '—',
  ];
}

export function printTable(sites: Json[]): string {
  const header = ['site', 'tests', 'validity', 'faults detected', 'healing', 'heals / false', 'flaky', 'time'];
  const rows = [header, ...sites.map(row)];
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const text = [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
  const misses: string[] = [];
  for (const site of sites) {
    const faults = site.faultDetection as Json | undefined;
    const missed = (faults?.missed as string[] | undefined) ?? [];
    if (missed.length) misses.push(`  ${String(site.kind)}: faults missed: ${missed.join(', ')}`);
    const failures = ((site.validity as Json | undefined)?.failures as Json[] | undefined) ?? [];
    for (const failure of failures) {
      misses.push(
        `  ${String(site.kind)}: fails clean: ${String(failure.test)} [${String(failure.category)}] ${String(failure.error)}`,
      );
    }
    if (site.error) misses.push(`  ${String(site.kind)}: ERROR ${String(site.error)}`);
  }
  return misses.length ? `${text}\n\nMisses:\n${misses.join('\n')}` : text;
}

/** Totals over every measured site (rates over the pooled counts, not averages of rates). */
export function totals(sites: Json[]): Json {
  let passed = 0;
  let total = 0;
  let detected = 0;
  let faults = 0;
  let kept = 0;
  let of = 0;
  let heals = 0;
  let falseHeals = 0;
  let flaky = 0;
  let flakeBase = 0;
  for (const site of sites) {
    const validity = site.validity as Json | undefined;
    if (!validity) continue;
    const fault = site.faultDetection as Json;
    const healing = site.healing as Json;
    const flake = site.flake as Json | null;
    passed += validity.passed as number;
    total += validity.total as number;
    if (!fault.skipped) {
      detected += fault.detected as number;
      faults += fault.total as number;
    }
    kept += healing.kept as number;
    of += healing.of as number;
    heals += healing.heals as number;
    falseHeals += (healing.falseHeals as number | null) ?? 0;
    if (flake) {
      flaky += flake.flakyTests as number;
      flakeBase += validity.passed as number;
    }
  }
  return {
    validity: total ? passed / total : null,
    faultDetection: faults ? detected / faults : null,
    faultsDetected: `${detected}/${faults}`,
    healing: of ? kept / of : null,
    heals,
    falseHeals,
    flakyTests: flaky,
    flakeRate: flakeBase ? flaky / flakeBase : null,
  };
}

export function writeResults(file: URL, settings: Json, sites: Json[], startedAt: Date): void {
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
      loadAverage: os.loadavg(),
    },
    settings,
    totals: totals(sites),
    sites,
  };
  fs.mkdirSync(new URL('./', file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}
