import type { TestRow } from '@sentri/db';
import type { TestStep } from './test-input.js';

/** The API form of a stored test: JSON columns parsed, 0/1 flags as booleans. */
export function toTestView(row: TestRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    workspaceId: row.workspaceId,
    name: row.name,
    description: row.description,
    steps: JSON.parse(row.steps) as TestStep[],
    playwrightCode: row.playwrightCode,
    playwrightCodePrev: row.playwrightCodePrev,
    revisionOf: row.revisionOf,
    priority: row.priority,
    type: row.type,
    scenario: row.scenario,
    sourceUrl: row.sourceUrl,
    pageTitle: row.pageTitle,
    reviewStatus: row.reviewStatus,
    reviewedAt: row.reviewedAt,
    lastRunAt: row.lastRunAt,
    lastResult: row.lastResult,
    codeRegeneratedAt: row.codeRegeneratedAt,
    aiFixAppliedAt: row.aiFixAppliedAt,
    qualityScore: row.qualityScore,
    isJourneyTest: row.isJourneyTest === 1,
    journeyType: row.journeyType,
    assertionEnhanced: row.assertionEnhanced === 1,
    promptVersion: row.promptVersion,
    modelUsed: row.modelUsed,
    linkedIssueKey: row.linkedIssueKey,
    tags: JSON.parse(row.tags) as string[],
    generatedFrom: row.generatedFrom,
    isApiTest: row.isApiTest === null ? null : row.isApiTest === 1,
    codeVersion: row.codeVersion,
    isStale: row.isStale === 1,
    flakyScore: row.flakyScore,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type TestView = ReturnType<typeof toTestView>;
