import {
  attemptTrace,
  cleanText,
  countByStatus,
  earlierAttempts,
  epochMs,
  evidenceLinks,
  evidenceUrl,
  firstLine,
  isFailedAttempt,
  runError,
  type ReportAttempt,
  type ReportInput,
  type ReportResult,
} from './report-input.js';

/**
 * A finished run as JUnit XML, in the dialect the common readers share: GitHub Actions reporters
 * (dorny/test-reporter, mikepenz/action-junit-report), GitLab `artifacts:reports:junit` and the
 * Jenkins JUnit plugin. Retries use Maven Surefire's elements (`flakyFailure`, `rerunFailure`),
 * which Jenkins reads and the others ignore, so a flaky pass stays a pass everywhere but is never
 * silent; the same facts are repeated in `system-out` for readers that skip unknown elements.
 */
export function junitReport(input: ReportInput): string {
  const { run, projectName } = input;
  const counts = countByStatus(run.results);
  const broken = runError(run);
  const totalMs = run.duration ?? run.results.reduce((sum, result) => sum + (result.durationMs ?? 0), 0);
  const startedMs = epochMs(run.startedAt);
  const totals: Attrs = {
    tests: run.results.length + (broken ? 1 : 0),
    failures: counts.failed + counts.other,
    errors: broken ? 1 : 0,
    skipped: counts.skipped,
    time: seconds(totalMs),
    // Second precision in UTC: what every reader parses (Jenkins' parser stops at the seconds).
    timestamp: startedMs === null ? undefined : new Date(startedMs).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  const suiteProperties = properties('    ', [
    ['runId', run.id],
    ['runStatus', run.status],
    ['browser', run.browser],
    ['flaky', counts.flaky],
    ['sentriVersion', input.toolVersion],
  ]);
  const suite = element('  ', 'testsuite', { name: projectName, ...totals, id: run.id }, [
    ...suiteProperties,
    ...run.results.flatMap((result) => testcase(result, input)),
    ...(broken
      ? element('    ', 'testcase', { name: 'Sentri run', classname: projectName, time: seconds(0) }, [
          textElement('      ', 'error', { message: firstLine(broken.message), type: broken.type }, broken.message),
        ])
      : []),
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${tag('testsuites', { name: 'Sentri', ...totals })}>`,
    ...suite,
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(result: ReportResult, input: ReportInput): string[] {
  const indent = '      ';
  const children = [
    ...properties(indent, [
      ['testId', result.testId],
      ['browser', result.browser],
      ['retries', result.retryCount],
      ['failureCategory', result.failureCategory],
    ]),
    ...outcome(result, input, indent),
  ];
  const out = systemOut(result, input);
  if (out) children.push(textElement(indent, 'system-out', {}, out));
  if (result.consoleLogs.length > 0)
    children.push(textElement(indent, 'system-err', {}, result.consoleLogs.join('\n')));
  const attrs = { name: result.testName, classname: input.projectName, time: seconds(result.durationMs) };
  return element('    ', 'testcase', attrs, children);
}

/** The elements that say how the test ended; none for a clean pass. */
function outcome(result: ReportResult, input: ReportInput, indent: string): string[] {
  const failedBefore = earlierAttempts(result).filter(isFailedAttempt);
  switch (result.status) {
    case 'passed':
      return [];
    case 'flaky':
      return failedBefore.flatMap((attempt) => attemptFailure('flakyFailure', attempt, result, input, indent));
    case 'skipped':
      return [`${indent}<${tag('skipped', { message: firstLine(result.error ?? '') || 'Skipped' })}/>`];
    default: {
      const message = firstLine(result.error ?? '') || `Test ${result.status}`;
      const type = result.failureCategory ?? 'failure';
      return [
        textElement(indent, 'failure', { message, type }, failureDetail(result, input)),
        ...failedBefore.flatMap((attempt) => attemptFailure('rerunFailure', attempt, result, input, indent)),
      ];
    }
  }
}

/** One earlier failed attempt in Surefire's shape: message and type, the error as `stackTrace`. */
function attemptFailure(
  name: 'flakyFailure' | 'rerunFailure',
  attempt: ReportAttempt,
  result: ReportResult,
  input: ReportInput,
  indent: string,
): string[] {
  const number = attempt.retry + 1;
  const message = firstLine(attempt.error ?? '') || `Attempt ${number} ${attempt.status}`;
  const trace = attemptTrace(result, attempt.retry);
  return element(indent, name, { message, type: attempt.status }, [
    textElement(`${indent}  `, 'stackTrace', {}, attempt.error ?? `Attempt ${number} ${attempt.status}`),
    ...(trace ? [textElement(`${indent}  `, 'system-out', {}, `Trace: ${evidenceUrl(trace, input.baseUrl)}`)] : []),
  ]);
}

/** The body of a `<failure>`: the whole error, the step it happened in and where the evidence is. */
function failureDetail(result: ReportResult, input: ReportInput): string {
  const lines = [result.error ?? `Test ${result.status}`];
  const step = result.steps.find((candidate) => candidate.error);
  if (step) lines.push('', `Failed step: ${step.title} (${readableDuration(step.durationMs)})`);
  const links = evidenceLinks(result, input.baseUrl);
  if (links.length > 0) lines.push('', ...links.map(({ label, url }) => `${label}: ${url}`));
  return lines.join('\n');
}

/** What a person reading the CI log wants beside the verdict: retries, steps, evidence. */
function systemOut(result: ReportResult, input: ReportInput): string {
  const lines: string[] = [];
  const failedBefore = earlierAttempts(result).filter(isFailedAttempt);
  const lastFailure = failedBefore.at(-1);
  const finalRetry = result.attempts.at(-1)?.retry ?? result.retryCount;
  if (result.status === 'flaky') {
    const cause = lastFailure ? firstLine(lastFailure.error ?? '') || lastFailure.status : 'an earlier failure';
    lines.push(`Flaky: passed on retry ${finalRetry} after: ${cause}`);
  } else if (result.status === 'failed' && result.attempts.length > 1) {
    lines.push(`Failed after ${result.attempts.length} attempts (${result.attempts.length - 1} retries)`);
  }
  if (result.steps.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('Steps:');
    result.steps.forEach((step, index) => {
      const failure = step.error ? ` - FAILED: ${firstLine(step.error)}` : '';
      lines.push(`  ${index + 1}. ${step.title} (${readableDuration(step.durationMs)})${failure}`);
    });
  }
  const links = evidenceLinks(result, input.baseUrl);
  if (links.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(...links.map(({ label, url }) => `${label}: ${url}`));
  }
  return lines.join('\n');
}

function seconds(ms: number | null | undefined): string {
  return (Math.max(0, ms ?? 0) / 1000).toFixed(3);
}

function readableDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

type Attrs = Record<string, string | number | null | undefined>;

function properties(indent: string, entries: [string, string | number | null | undefined][]): string[] {
  const present = entries.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (present.length === 0) return [];
  return element(
    indent,
    'properties',
    {},
    present.map(([name, value]) => `${indent}  <${tag('property', { name, value })}/>`),
  );
}

function element(indent: string, name: string, attrs: Attrs, children: string[]): string[] {
  if (children.length === 0) return [`${indent}<${tag(name, attrs)}/>`];
  return [`${indent}<${tag(name, attrs)}>`, ...children, `${indent}</${name}>`];
}

function textElement(indent: string, name: string, attrs: Attrs, text: string): string {
  const body = xmlText(text);
  return body === '' ? `${indent}<${tag(name, attrs)}/>` : `${indent}<${tag(name, attrs)}>${body}</${name}>`;
}

function tag(name: string, attrs: Attrs): string {
  const rendered = Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttr(String(value))}"`);
  return `${name}${rendered.join('')}`;
}

// XML 1.0 allows only these characters; one NUL, stray control character, lone surrogate or
// U+FFFE/U+FFFF makes a strict parser reject the whole file. With the `u` flag a lone surrogate is
// a code point of its own, so it is matched here while a proper pair (an emoji) is kept.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escaped rather than wrapped in CDATA: CDATA cannot hold `]]>`, escaping holds anything. */
function xmlText(text: string): string {
  return cleanText(text)
    .replace(NOT_XML_CHAR, '')
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Tabs and line breaks as character references: a parser would fold them to spaces otherwise. */
function xmlAttr(text: string): string {
  return xmlText(text).replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}
