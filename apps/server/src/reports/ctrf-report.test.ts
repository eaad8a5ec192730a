import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { RunResultRow } from '@sentri/db';
import { STARTED, reportInput, resultRow } from '../../test/support/report-fixtures.js';
import { CTRF_SPEC_VERSION, ctrfReport, type CtrfReport, type CtrfTest } from './ctrf-report.js';
import type { ReportInput } from './report-input.js';

// The normative schema of CTRF 0.1.0 (Appendix A of spec/ctrf.md in github.com/ctrf-io/ctrf).
const schema = JSON.parse(readFileSync(new URL('./ctrf-0.1.0.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** What a CTRF consumer sees: the JSON text, parsed back, checked against the official schema. */
function expectValid(report: CtrfReport) {
  const document: unknown = JSON.parse(JSON.stringify(report));
  validate(document);
  expect(validate.errors ?? []).toEqual([]);
}

const GENERATED = new Date('2025-03-01T10:05:00.000Z');

function input(results: RunResultRow[], run: Parameters<typeof reportInput>[1] = {}): ReportInput {
  return reportInput(results, run, { baseUrl: 'http://sentri:3001', generatedAt: GENERATED });
}

const mixedRun = () => [
  resultRow({ testId: 'TC-1', testName: 'Login works', status: 'passed' }),
  resultRow(
    {
      testId: 'TC-2',
      testName: 'Checkout total',
      status: 'failed',
      durationMs: 9000.4,
      failureCategory: 'assertion',
      error: '\u001b[31mError: expect(locator).toHaveText(expected)\u001b[39m\n\nExpected: "$42"',
    },
    {
      failedAfterRetry: true,
      attempts: [
        { retry: 0, status: 'failed', durationMs: 3000, error: 'Error: first try\n  at checkout.spec.ts:9' },
        { retry: 1, status: 'timedOut', durationMs: 3000, error: 'Test timeout of 3000ms exceeded.' },
        { retry: 2, status: 'failed', durationMs: 3000.4, error: 'Error: expect(locator).toHaveText(expected)' },
      ],
      steps: [
        { title: 'Add to cart', durationMs: 1500 },
        { title: 'Check total', durationMs: 2500, error: 'Expected "$42"' },
      ],
      artifacts: { screenshot: 'runs/RUN-1/TC-2/screenshot.png', trace: 'runs/RUN-1/TC-2/trace.zip' },
      consoleLogs: ['cart loaded'],
    },
  ),
  resultRow(
    { testId: 'TC-3', testName: 'Search results', status: 'flaky', durationMs: 2500 },
    {
      attempts: [
        { retry: 0, status: 'failed', durationMs: 1500, error: 'Timeout 5000ms exceeded.' },
        { retry: 1, status: 'passed', durationMs: 1000 },
      ],
      artifacts: { attemptTraces: ['runs/RUN-1/TC-3/attempt-0-trace.zip'] },
    },
  ),
  resultRow(
    { testId: 'TC-4', testName: 'Export CSV', status: 'skipped', durationMs: 0, error: 'Aborted before execution' },
    { attempts: [] },
  ),
];

function testNamed(report: CtrfReport, name: string): CtrfTest {
  const found = report.results.tests.find((test) => test.name === name);
  if (!found) throw new Error(`no test ${name}`);
  return found;
}

describe('ctrfReport', () => {
  it('validates against the official CTRF schema, which itself rejects fields outside `extra`', () => {
    expectValid(ctrfReport(input(mixedRun())));
    const minimal = {
      reportFormat: 'CTRF',
      specVersion: '0.1.0',
      results: {
        tool: { name: 'x' },
        summary: { tests: 1, passed: 1, failed: 0, skipped: 0, pending: 0, other: 0, start: 1, stop: 2 },
        tests: [{ name: 't', status: 'passed', duration: 1 }],
      },
    };
    expect(validate(minimal)).toBe(true);
    expect(
      validate({ ...minimal, results: { ...minimal.results, tests: [{ name: 't', status: 'ok', duration: 1 }] } }),
    ).toBe(false);
    expect(validate({ ...minimal, testId: 'stray' })).toBe(false);
  });

  it('describes the document, the tool and the run', () => {
    const report = ctrfReport(input(mixedRun()));
    expect(report).toMatchObject({
      reportFormat: 'CTRF',
      specVersion: CTRF_SPEC_VERSION,
      runId: 'RUN-1',
      timestamp: '2025-03-01T10:05:00.000Z',
      generatedBy: 'Sentri',
    });
    expect(CTRF_SPEC_VERSION).toBe('0.1.0');
    expect(report.results.tool).toEqual({ name: 'sentri', version: '1.4.0' });
    expect(report.results.environment).toEqual({ appName: 'Shop', reportName: 'Sentri run RUN-1' });
    expect(report.results.extra).toEqual({
      'sentri.run': {
        runId: 'RUN-1',
        runStatus: 'completed',
        runError: null,
        errorCategory: null,
        browser: 'chromium',
      },
    });
  });

  it('counts every status in the summary, a flaky pass among the passes and in `flaky`', () => {
    const { summary } = ctrfReport(input(mixedRun())).results;
    expect(summary).toEqual({
      tests: 4,
      passed: 2,
      failed: 1,
      skipped: 1,
      pending: 0,
      other: 0,
      flaky: 1,
      start: Date.parse(STARTED),
      stop: Date.parse('2025-03-01T10:00:42.500Z'),
      duration: 42_500,
    });
  });

  it('maps a passing test with its identity, suite and type', () => {
    const login = testNamed(ctrfReport(input(mixedRun())), 'Login works');
    expect(login).toMatchObject({
      testId: 'TC-1',
      status: 'passed',
      rawStatus: 'passed',
      duration: 1200,
      start: Date.parse(STARTED),
      stop: Date.parse(STARTED) + 1200,
      suite: ['Shop'],
      type: 'e2e',
      retries: 0,
      flaky: false,
      browser: 'chromium',
    });
    expect(login.retryAttempts).toBeUndefined();
    expect(login.message).toBeUndefined();
  });

  it('maps a flaky test to a pass marked flaky, with the failed attempt and its trace', () => {
    const search = testNamed(ctrfReport(input(mixedRun())), 'Search results');
    expect(search).toMatchObject({ status: 'passed', rawStatus: 'flaky', flaky: true, retries: 1 });
    expect(search.retryAttempts).toEqual([
      {
        attempt: 1,
        status: 'failed',
        duration: 1500,
        message: 'Timeout 5000ms exceeded.',
        attachments: [
          {
            name: 'trace',
            contentType: 'application/zip',
            path: 'http://sentri:3001/api/v1/artifacts/runs/RUN-1/TC-3/attempt-0-trace.zip',
          },
        ],
      },
    ]);
  });

  it('maps a test that failed after retries with its message, trace, steps, evidence and earlier attempts', () => {
    const checkout = testNamed(ctrfReport(input(mixedRun())), 'Checkout total');
    expect(checkout).toMatchObject({
      status: 'failed',
      duration: 9000,
      message: 'Error: expect(locator).toHaveText(expected)',
      trace: 'Error: expect(locator).toHaveText(expected)\n\nExpected: "$42"',
      retries: 2,
      flaky: false,
      stdout: ['cart loaded'],
      extra: { 'sentri.result': { testId: 'TC-2', failureCategory: 'assertion', failedAfterRetry: true } },
    });
    expect(checkout.retryAttempts?.map(({ attempt, status }) => [attempt, status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
    ]);
    expect(checkout.retryAttempts?.[0]?.trace).toBe('Error: first try\n  at checkout.spec.ts:9');
    expect(checkout.retryAttempts?.[1]?.extra).toEqual({ 'sentri.result': { rawStatus: 'timedOut' } });
    expect(checkout.steps?.map(({ name, status }) => [name, status])).toEqual([
      ['Add to cart', 'passed'],
      ['Check total', 'failed'],
    ]);
    expect(checkout.attachments).toEqual([
      {
        name: 'trace',
        contentType: 'application/zip',
        path: 'http://sentri:3001/api/v1/artifacts/runs/RUN-1/TC-2/trace.zip',
      },
      {
        name: 'screenshot',
        contentType: 'image/png',
        path: 'http://sentri:3001/api/v1/artifacts/runs/RUN-1/TC-2/screenshot.png',
      },
    ]);
  });

  it('maps a skipped test, and a status it does not know to `other` rather than a pass', () => {
    const results = [...mixedRun(), resultRow({ testId: 'TC-5', testName: 'Mystery', status: 'quarantined' })];
    const report = ctrfReport(input(results));
    expectValid(report);
    expect(testNamed(report, 'Export CSV')).toMatchObject({
      status: 'skipped',
      message: 'Aborted before execution',
      retries: 0,
    });
    expect(testNamed(report, 'Mystery')).toMatchObject({ status: 'other', rawStatus: 'quarantined' });
    expect(report.results.summary).toMatchObject({ tests: 5, passed: 2, failed: 1, skipped: 1, other: 1 });
  });

  it('adds a failed entry for a run that ended early, so a CI gate on `failed` sees it', () => {
    const report = ctrfReport(
      input(mixedRun().slice(0, 1), { status: 'failed', error: 'Browser crashed', errorCategory: 'CRASH' }),
    );
    expectValid(report);
    expect(report.results.summary).toMatchObject({ tests: 2, passed: 1, failed: 1 });
    expect(testNamed(report, 'Sentri run')).toMatchObject({
      status: 'failed',
      rawStatus: 'failed',
      message: 'Browser crashed',
      extra: { 'sentri.result': { runError: true, errorCategory: 'CRASH' } },
    });
    expect(report.results.extra?.['sentri.run']).toMatchObject({ runStatus: 'failed', runError: 'Browser crashed' });
  });

  it('gives the same report the same id, and a different report a different one', () => {
    const id = ctrfReport(input(mixedRun())).reportId;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ctrfReport({ ...input(mixedRun()), generatedAt: new Date() }).reportId).toBe(id);
    expect(ctrfReport(input(mixedRun().slice(1))).reportId).not.toBe(id);
  });

  it('survives hostile text: control characters, lone surrogates and empty names', () => {
    const report = ctrfReport(
      input([
        resultRow({
          testId: 'TC-X',
          testName: '',
          status: 'failed',
          error: '\u001b[1m<b>\u0000 ]]> \ud800 😀\u001b[22m',
        }),
      ]),
    );
    expectValid(report);
    const [test] = report.results.tests;
    expect(test?.name).toBe('TC-X');
    expect(test?.message).toBe('<b>\u0000 ]]> \ud800 😀');
    expect(() => JSON.parse(JSON.stringify(report))).not.toThrow();
  });
});
