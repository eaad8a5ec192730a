/**
 * One fixture site through Sentri, as a user would drive it: a project, a crawl (the built-in
 * generator, or the configured AI provider), every draft approved, then runs of the whole suite on
 * the clean site, under random latency, under each seeded fault, on the refactored markup, and on
 * the refactored markup under each fault (false heals).
 */
import { startSite, type Site, type SiteKind } from '../../fixtures/sites/index.js';
import type { Json, SentriClient } from './server.mjs';

export interface LabOptions {
  workers: number;
  flakeRuns: number;
  latency: { min: number; max: number };
  exploreMode: 'crawl' | 'state';
  skipFlake: boolean;
  skipFalseHeals: boolean;
  /** Skips the fault runs (and so the false-heal runs): validity, healing and flake only. */
  skipFaults: boolean;
  log: (line: string) => void;
}

export interface Outcome {
  testId: string;
  name: string;
  status: string;
  passed: boolean;
  error: string | null;
  category: string | null;
  heals: number;
}

interface SuiteRun {
  runId: string;
  seconds: number;
  outcomes: Map<string, Outcome>;
}

const PASSING = new Set(['passed', 'warning', 'flaky']);
/** The error's first line, plus the next two (Playwright's `Locator:` / `Expected:` lines) when there are. */
const firstLine = (text: unknown) =>
  typeof text === 'string'
    ? text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(0, 3)
        .join(' · ')
        .slice(0, 300)
    : null;

async function runSuite(client: SentriClient, projectId: string, workers: number): Promise<SuiteRun> {
  const started = performance.now();
  const { runId } = await client.call<{ runId: string }>('POST', `/projects/${projectId}/run`, {
    dialsConfig: { parallelWorkers: workers },
  });
  const run = await client.waitRun(runId);
  if (run.status !== 'completed' && run.status !== 'failed') {
    throw new Error(`run ${runId} ended ${String(run.status)}: ${String(run.error)}`);
  }
  const outcomes = new Map<string, Outcome>();
  for (const result of (run.results ?? []) as Json[]) {
    const heals = Array.isArray(result.healingEvents)
      ? (result.healingEvents as Json[]).filter((heal) => heal.healed === true).length
      : 0;
    const status = String(result.status);
    outcomes.set(String(result.testId), {
      testId: String(result.testId),
      name: String(result.testName),
      status,
      passed: PASSING.has(status),
      error: firstLine(result.error),
      category: typeof result.failureCategory === 'string' ? result.failureCategory : null,
      heals,
    });
  }
  return { runId, seconds: (performance.now() - started) / 1000, outcomes };
}

const ids = (run: SuiteRun, keep: (outcome: Outcome) => boolean) =>
  [...run.outcomes.values()].filter(keep).map((outcome) => outcome.testId);

const brief = (outcome: Outcome) => ({
  test: outcome.name,
  status: outcome.status,
  error: outcome.error,
  category: outcome.category,
});

export async function measureSite(client: SentriClient, kind: SiteKind, options: LabOptions): Promise<Json> {
  const { log, workers } = options;
  const site: Site = await startSite(kind);
  const timings: Record<string, number> = {};
  const started = performance.now();
  try {
    const project = await client.call('POST', '/projects', {
      name: `quality ${kind}`,
      url: site.url,
      ...(site.credentials ? { credentials: site.credentials } : {}),
    });
    const projectId = String(project.id);

    // Crawl and generate.
    let mark = performance.now();
    const { runId: crawlId } = await client.call<{ runId: string }>('POST', `/projects/${projectId}/crawl`, {
      dialsConfig: { exploreMode: options.exploreMode },
    });
    const crawl = await client.waitRun(crawlId);
    timings.crawlSeconds = (performance.now() - mark) / 1000;
    const drafts = (await client.tests(projectId)).filter((test) => test.reviewStatus === 'draft');
    log(`${kind}: crawl ${String(crawl.status)}, ${String(crawl.pagesFound)} pages, ${drafts.length} drafts`);
    if (drafts.length === 0) {
      return { kind, crawl: { status: crawl.status, error: crawl.error, pagesFound: crawl.pagesFound }, tests: 0 };
    }
    for (let index = 0; index < drafts.length; index += 500) {
      await client.call('POST', `/projects/${projectId}/tests/bulk`, {
        action: 'approve',
        testIds: drafts.slice(index, index + 500).map((test) => test.id),
      });
    }
    const run = () => runSuite(client, projectId, workers);

    // 1. Validity.
    const clean = await run();
    timings.runSeconds = clean.seconds;
    const cleanPassing = new Set(ids(clean, (outcome) => outcome.passed));
    log(`${kind}: clean ${cleanPassing.size}/${clean.outcomes.size} passed (${clean.seconds.toFixed(0)} s)`);

    // 4. Flake (before the refactor, so no healing memory is involved).
    let flake: Json | null = null;
    if (!options.skipFlake) {
      mark = performance.now();
      site.setLatency(options.latency);
      const failures = new Map<string, Outcome[]>();
      for (let index = 0; index < options.flakeRuns; index += 1) {
        const again = await run();
        for (const outcome of again.outcomes.values()) {
          if (!outcome.passed) failures.set(outcome.testId, [...(failures.get(outcome.testId) ?? []), outcome]);
        }
        log(`${kind}: latency run ${index + 1}: ${ids(again, (o) => !o.passed).length} not passed`);
      }
      site.setLatency(0);
      const flaky = [...failures.entries()].filter(([id]) => cleanPassing.has(id));
      flake = {
        runs: options.flakeRuns,
        latencyMs: options.latency,
        flakyTests: flaky.length,
        rate: cleanPassing.size ? flaky.length / cleanPassing.size : 0,
        flaky: flaky.map(([, outcomes]) => ({ ...brief(outcomes[0]!), failedRuns: outcomes.length })),
        neverPassed: [...failures.keys()].filter((id) => !cleanPassing.has(id)).length,
      };
      timings.flakeSeconds = (performance.now() - mark) / 1000;
    }

    // 2. Fault detection: a fault is caught when a test that passed clean fails under it.
    mark = performance.now();
    const caughtBy = new Map<string, Set<string>>();
    const faults: Json[] = [];
    for (const fault of options.skipFaults ? [] : site.faults) {
      site.setFault(fault);
      const faulty = await run();
      site.setFault(null);
      const failing = [...cleanPassing].filter((id) => faulty.outcomes.get(id)?.passed === false);
      caughtBy.set(fault, new Set(failing));
      faults.push({
        fault,
        detected: failing.length > 0,
        failingTests: failing.length,
        examples: failing.slice(0, 3).map((id) => brief(faulty.outcomes.get(id)!)),
      });
      log(`${kind}: fault ${fault}: ${failing.length ? `caught by ${failing.length}` : 'MISSED'}`);
    }
    timings.faultSeconds = (performance.now() - mark) / 1000;

    // 3. Healing on the refactored markup.
    mark = performance.now();
    site.setRefactor(true);
    const refactored = await run();
    const kept = [...cleanPassing].filter((id) => refactored.outcomes.get(id)?.passed);
    const healedTests = new Set(ids(refactored, (outcome) => outcome.heals > 0));
    const heals = [...refactored.outcomes.values()].reduce((sum, outcome) => sum + outcome.heals, 0);
    log(`${kind}: refactor ${kept.length}/${cleanPassing.size} still pass, ${heals} heals`);

    // False heals: with the refactor on and a caught fault on, a test that relies on healing
    // (healed now or in the refactor run) and passes although it fails under that fault without the refactor.
    const falseHeals: Json[] = [];
    const masked: Json[] = [];
    if (!options.skipFalseHeals) {
      for (const [fault, failing] of caughtBy) {
        if (failing.size === 0) continue;
        site.setFault(fault);
        const both = await run();
        site.setFault(null);
        for (const id of failing) {
          const outcome = both.outcomes.get(id);
          if (!outcome?.passed) continue;
          const entry = { fault, test: outcome.name, healsNow: outcome.heals, healedOnRefactor: healedTests.has(id) };
          if (outcome.heals > 0 || healedTests.has(id)) falseHeals.push(entry);
          else masked.push(entry);
        }
      }
    }
    site.setRefactor(false);
    timings.healSeconds = (performance.now() - mark) / 1000;

    const detected = faults.filter((fault) => fault.detected).length;
    return {
      kind,
      crawl: {
        status: crawl.status,
        pagesFound: crawl.pagesFound,
        seconds: timings.crawlSeconds,
        pipelineStats: crawl.pipelineStats ?? null,
      },
      tests: clean.outcomes.size,
      validity: {
        passed: cleanPassing.size,
        total: clean.outcomes.size,
        rate: clean.outcomes.size ? cleanPassing.size / clean.outcomes.size : 0,
        failures: [...clean.outcomes.values()].filter((outcome) => !outcome.passed).map(brief),
      },
      faultDetection: {
        skipped: options.skipFaults,
        detected,
        total: faults.length,
        rate: faults.length ? detected / faults.length : 0,
        missed: faults.filter((fault) => !fault.detected).map((fault) => fault.fault),
        faults,
      },
      healing: {
        kept: kept.length,
        of: cleanPassing.size,
        rate: cleanPassing.size ? kept.length / cleanPassing.size : 1,
        heals,
        healedTests: healedTests.size,
        falseHeals: options.skipFalseHeals || options.skipFaults ? null : falseHeals.length,
        falseHealDetail: falseHeals,
        maskedWithoutHeal: masked,
        broken: [...cleanPassing]
          .filter((id) => !refactored.outcomes.get(id)?.passed)
          .map((id) => {
            const outcome = refactored.outcomes.get(id);
            return outcome ? brief(outcome) : { test: id, status: 'missing', error: null, category: null };
          }),
      },
      flake,
      seconds: { ...timings, total: (performance.now() - started) / 1000 },
    };
  } finally {
    await site.close();
  }
}
