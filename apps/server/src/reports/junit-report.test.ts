import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { RunResultRow } from '@sentri/db';
import { reportInput, resultRow } from '../../test/support/report-fixtures.js';
import { junitReport } from './junit-report.js';
import type { ReportInput } from './report-input.js';

const RED = '\u001b[31m';
const RESET = '\u001b[39m';

function input(results: RunResultRow[], run: Parameters<typeof reportInput>[1] = {}): ReportInput {
  return reportInput(results, run, { baseUrl: 'http://sentri:3001/' });
}

const mixedRun = () => [
  resultRow(
    { testId: 'TC-1', testName: 'Login works', status: 'passed' },
    { steps: [{ title: 'Open login page', durationMs: 340 }] },
  ),
  resultRow(
    {
      testId: 'TC-2',
      testName: 'Checkout total',
      status: 'failed',
      durationMs: 9000,
      failureCategory: 'assertion',
      error: `${RED}Error: expect(locator).toHaveText(expected)${RESET}\n\nExpected: "$42"\nReceived: "$40"`,
    },
    {
      failedAfterRetry: true,
      attempts: [
        { retry: 0, status: 'failed', durationMs: 3000, error: 'Error: first try\n  at checkout.spec.ts:9' },
        { retry: 1, status: 'timedOut', durationMs: 3000, error: 'Test timeout of 3000ms exceeded.' },
        { retry: 2, status: 'failed', durationMs: 3000, error: 'Error: expect(locator).toHaveText(expected)' },
      ],
      steps: [
        { title: 'Add to cart', durationMs: 1500 },
        { title: 'Check total', durationMs: 2500, error: 'Expected "$42"' },
      ],
      artifacts: { screenshot: 'runs/RUN-1/TC-2/screenshot.png', trace: 'runs/RUN-1/TC-2/trace.zip' },
      consoleLogs: ['cart loaded', 'price mismatch warning'],
    },
  ),
  resultRow(
    { testId: 'TC-3', testName: 'Search results', status: 'flaky', durationMs: 2500 },
    {
      attempts: [
        { retry: 0, status: 'failed', durationMs: 1500, error: 'Timeout 5000ms exceeded.\nwaiting for locator' },
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

// Parsed XML has a shape that depends on the data; the assertions below are its type check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['testcase', 'property', 'flakyFailure', 'rerunFailure'].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  // Characters XML 1.0 forbids: a validator may let them through, a strict CI parser will not.
  expect(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)).toBe(false);
  const doc: Xml = parser.parse(xml);
  const suite: Xml = doc.testsuites.testsuite;
  const byName = (name: string): Xml => {
    const found = (suite.testcase as Xml[]).find((testcase) => testcase.name === name);
    if (!found) throw new Error(`no testcase ${name}`);
    return found;
  };
  return { root: doc.testsuites as Xml, suite, byName };
}

describe('junitReport', () => {
  it('writes a declaration and totals on both the root and the suite that match the testcases', () => {
    const xml = junitReport(input(mixedRun()));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const { root, suite } = parse(xml);
    const totals = { tests: '4', failures: '1', errors: '0', skipped: '1', time: '42.500' };
    expect(root).toMatchObject({ name: 'Sentri', ...totals, timestamp: '2025-03-01T10:00:00Z' });
    expect(suite).toMatchObject({ name: 'Shop', ...totals, id: 'RUN-1', timestamp: '2025-03-01T10:00:00Z' });
    expect(suite.testcase.map((testcase: Xml) => testcase.name)).toEqual([
      'Login works',
      'Checkout total',
      'Search results',
      'Export CSV',
    ]);
    expect(suite.testcase.every((testcase: Xml) => testcase.classname === 'Shop')).toBe(true);
    const properties: Xml[] = suite.properties.property;
    expect(Object.fromEntries(properties.map((property) => [property.name, property.value]))).toEqual({
      runId: 'RUN-1',
      runStatus: 'completed',
      browser: 'chromium',
      flaky: '1',
      sentriVersion: '1.4.0',
    });
  });

  it('gives a passing test its time in seconds, its id and readable steps, and nothing that reads as failure', () => {
    const login = parse(junitReport(input(mixedRun()))).byName('Login works');
    expect(login.time).toBe('1.200');
    expect(login.failure).toBeUndefined();
    expect(login.properties.property).toContainEqual({ name: 'testId', value: 'TC-1' });
    expect(login['system-out']).toContain('1. Open login page (340 ms)');
  });

  it('reports a test that failed after retries as one failure, with its reruns, step and evidence', () => {
    const checkout = parse(junitReport(input(mixedRun()))).byName('Checkout total');
    const failure = checkout.failure;
    expect(failure.message).toBe('Error: expect(locator).toHaveText(expected)');
    expect(failure.type).toBe('assertion');
    expect(failure['#text']).toContain('Expected: "$42"\nReceived: "$40"');
    expect(failure['#text']).not.toContain('\u001b');
    expect(failure['#text']).toContain('Failed step: Check total (2.5 s)');
    expect(failure['#text']).toContain('Trace: http://sentri:3001/api/v1/artifacts/runs/RUN-1/TC-2/trace.zip');
    expect(failure['#text']).toContain(
      'Screenshot: http://sentri:3001/api/v1/artifacts/runs/RUN-1/TC-2/screenshot.png',
    );
    expect(checkout.rerunFailure.map((rerun: Xml) => [rerun.message, rerun.type])).toEqual([
      ['Error: first try', 'failed'],
      ['Test timeout of 3000ms exceeded.', 'timedOut'],
    ]);
    expect(checkout.rerunFailure[0]?.stackTrace).toBe('Error: first try\n  at checkout.spec.ts:9');
    expect(checkout['system-out']).toContain('Failed after 3 attempts (2 retries)');
    expect(checkout['system-out']).toContain('2. Check total (2.5 s) - FAILED: Expected "$42"');
    expect(checkout['system-err']).toBe('cart loaded\nprice mismatch warning');
  });

  it('keeps a flaky test passing while showing each failed attempt and the retry it passed on', () => {
    const search = parse(junitReport(input(mixedRun()))).byName('Search results');
    expect(search.failure).toBeUndefined();
    expect(search.error).toBeUndefined();
    expect(search.flakyFailure).toHaveLength(1);
    expect(search.flakyFailure[0]).toMatchObject({ message: 'Timeout 5000ms exceeded.', type: 'failed' });
    expect(search.flakyFailure[0]?.['system-out']).toBe(
      'Trace: http://sentri:3001/api/v1/artifacts/runs/RUN-1/TC-3/attempt-0-trace.zip',
    );
    expect(search['system-out']).toContain('Flaky: passed on retry 1 after: Timeout 5000ms exceeded.');
  });

  it('marks a skipped test as skipped with its reason', () => {
    const csv = parse(junitReport(input(mixedRun()))).byName('Export CSV');
    expect(csv.skipped).toEqual({ message: 'Aborted before execution' });
    expect(csv.failure).toBeUndefined();
  });

  it('adds an error testcase for a run that ended early, so CI cannot read it as green', () => {
    const aborted = input(mixedRun().slice(0, 1), {
      status: 'aborted',
      error: 'Aborted by ana@example.com',
      errorCategory: 'USER_ABORT',
    });
    const { suite, byName } = parse(junitReport(aborted));
    expect(suite).toMatchObject({ tests: '2', failures: '0', errors: '1', skipped: '0' });
    expect(byName('Sentri run').classname).toBe('Shop');
    expect(byName('Sentri run').error).toEqual({
      message: 'Aborted by ana@example.com',
      type: 'USER_ABORT',
      '#text': 'Aborted by ana@example.com',
    });
    const interrupted = parse(junitReport(input([], { status: 'interrupted', error: null })));
    expect(interrupted.suite.errors).toBe('1');
    expect(interrupted.byName('Sentri run').error).toMatchObject({ type: 'interrupted' });
    const completed = parse(junitReport(input(mixedRun()))).suite.testcase as Xml[];
    expect(completed.some((testcase) => testcase.name === 'Sentri run')).toBe(false);
  });

  it('links to evidence by server path when the server address is unknown', () => {
    const report = input(mixedRun());
    delete report.baseUrl;
    const failure = parse(junitReport(report)).byName('Checkout total').failure;
    expect(failure['#text']).toContain('Trace: /api/v1/artifacts/runs/RUN-1/TC-2/trace.zip');
  });

  it('produces valid XML from hostile names, errors and logs, keeping every legal character', () => {
    const name = `<script>alert("x")</script> & 'co' 🎉`;
    const hostile = input(
      [
        resultRow(
          {
            testId: 'TC-X',
            testName: `${name}\u0000`,
            status: 'failed',
            failureCategory: 'a"b<c>',
            error: `${RED}boom${RESET} ]]> \u0000nul \ud800lone \uffff 😀 <tag attr='1'>&amp;`,
          },
          { consoleLogs: ['bell\u0007 ]]>', 'ok 🚀'], steps: [{ title: 'Step ]]> & <b>', durationMs: 5 }] },
        ),
      ],
      { error: null },
    );
    hostile.projectName = 'Proj "A" & <B>';
    const { suite, byName } = parse(junitReport(hostile));
    expect(suite.name).toBe('Proj "A" & <B>');
    const testcase = byName(name);
    expect(testcase.classname).toBe('Proj "A" & <B>');
    expect(testcase.failure.type).toBe('a"b<c>');
    expect(testcase.failure.message).toBe(`boom ]]> nul lone  😀 <tag attr='1'>&amp;`);
    expect(testcase.failure['#text']).toContain(`boom ]]> nul lone  😀 <tag attr='1'>&amp;`);
    expect(testcase['system-err']).toBe('bell ]]>\nok 🚀');
    expect(testcase['system-out']).toContain('1. Step ]]> & <b> (5 ms)');
  });
});
