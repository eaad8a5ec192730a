import { stringify } from 'csv-stringify/sync';
import { describeStep, expectedOf } from '@sentri/core';
import type { TestView } from '../tests/test-view.js';

const ZEPHYR_HEADER = [
  'Name',
  'Objective',
  'Precondition',
  'Folder',
  'Status',
  'Priority',
  'Component',
  'Labels',
  'Test Script (Step-by-Step) - Step',
  'Test Script (Step-by-Step) - Test Data',
  'Test Script (Step-by-Step) - Expected Result',
  'Issue Links',
];
const TESTRAIL_HEADER = [
  'Title',
  'Section',
  'Type',
  'Priority',
  'Preconditions',
  'Steps',
  'Expected Result',
  'References',
];
const DONE = 'Test completes successfully';

/**
 * Every cell quoted, inner quotes doubled, `\n` between rows, and a UTF-8 byte-order mark so
 * spreadsheet tools (and the importers behind them) read accents and emoji correctly.
 */
const toCsv = (rows: string[][]) =>
  stringify(rows, { quoted: true, quoted_empty: true, record_delimiter: '\n', bom: true }).replace(/\n$/, '');

const capitalise = (text: string) => (text ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text);

/** Zephyr Scale's step-by-step import: one row per step, test fields on the first row only. */
export function zephyrCsv(tests: TestView[]): string {
  const rows: string[][] = [ZEPHYR_HEADER];
  for (const test of tests) {
    const labels = [
      test.type || 'functional',
      test.scenario || 'positive',
      ...test.tags,
      ...(test.isJourneyTest ? ['journey'] : []),
    ].join(' ');
    const head = [
      test.name,
      test.description,
      '',
      `/${capitalise(test.type || 'functional')}`,
      test.reviewStatus === 'approved' ? 'Approved' : 'Draft',
      test.priority === 'high' ? 'High' : test.priority === 'low' ? 'Low' : 'Normal',
      '',
      labels,
    ];
    const blank = head.map(() => '');
    if (test.steps.length === 0) {
      rows.push([...head, '', '', '', test.linkedIssueKey ?? '']);
      continue;
    }
    test.steps.forEach((step, index) => {
      const last = index === test.steps.length - 1;
      const expected = expectedOf(step) || (last ? DONE : '');
      rows.push([
        ...(index === 0 ? head : blank),
        describeStep(step),
        '',
        expected,
        index === 0 ? (test.linkedIssueKey ?? '') : '',
      ]);
    });
  }
  return toCsv(rows);
}

/** TestRail's CSV import: one row per test, steps numbered in one cell. */
export function testRailCsv(tests: TestView[]): string {
  const rows: string[][] = [TESTRAIL_HEADER];
  for (const test of tests) {
    const steps = test.steps.map(describeStep);
    const lastStep = test.steps.at(-1);
    rows.push([
      test.name,
      capitalise(test.type || 'functional'),
      test.isJourneyTest ? 'End-to-End' : 'Functional',
      test.priority === 'high' ? 'Critical' : test.priority === 'low' ? 'Low' : 'Medium',
      '',
      steps.map((step, index) => `${index + 1}. ${step}`).join('\n'),
      lastStep === undefined ? '' : expectedOf(lastStep) || describeStep(lastStep),
      test.linkedIssueKey ?? '',
    ]);
  }
  return toCsv(rows);
}

/** `sentri-<name>-<suffix>` with runs of anything but letters and digits turned into one dash. */
export function exportFileName(projectName: string, suffix: string, lowerCase = false): string {
  const name = projectName.replace(/[^a-z0-9]+/gi, '-').replace(/^-+|-+$/g, '') || 'project';
  return `sentri-${lowerCase ? name.toLowerCase() : name}-${suffix}`;
}

/** Which tests cover which requirement (by `linkedIssueKey`), and which cover none. */
export function traceability(project: { id: string; name: string }, tests: TestView[]) {
  const entry = (test: TestView) => ({
    testId: test.id,
    name: test.name,
    type: test.type,
    priority: test.priority,
    scenario: test.scenario,
    reviewStatus: test.reviewStatus,
    lastResult: test.lastResult,
    lastRunAt: test.lastRunAt,
    promptVersion: test.promptVersion,
    tags: test.tags,
  });
  const matrix: Record<string, ReturnType<typeof entry>[]> = {};
  const unlinked: ReturnType<typeof entry>[] = [];
  for (const test of tests) {
    if (test.linkedIssueKey) (matrix[test.linkedIssueKey] ??= []).push(entry(test));
    else unlinked.push(entry(test));
  }
  return {
    projectId: project.id,
    projectName: project.name,
    totalTests: tests.length,
    linkedIssues: Object.keys(matrix).length,
    unlinkedTests: unlinked.length,
    matrix,
    unlinked,
  };
}
