import type { Clock } from '@sentri/core';
import type { CountersRepository, ProjectRow, TestsRepository } from '@sentri/db';
import { BUILTIN_MODEL, BUILTIN_VERSION, type CandidateTest } from '@sentri/engine';

/** Stamped on every AI-generated test, so a reviewer knows which prompt wrote it. */
export const PROMPT_VERSION = '3.0.0';

/**
 * Step 8: the pipeline's survivors become draft tests, all in one transaction, each stamped
 * with what produced it. Nothing generated ever runs before someone approves it.
 */
export async function storeGeneratedTests(
  deps: { tests: TestsRepository; counters: CountersRepository; clock: Clock },
  project: Pick<ProjectRow, 'id' | 'workspaceId'>,
  tests: CandidateTest[],
  model: string | undefined,
): Promise<string[]> {
  const createdAt = deps.clock.now().toISOString();
  const rows = [];
  for (const test of tests) {
    rows.push({
      id: await deps.counters.nextId('test'),
      projectId: project.id,
      workspaceId: project.workspaceId,
      name: test.name.slice(0, 200),
      description: test.description,
      steps: JSON.stringify(test.steps),
      playwrightCode: test.playwrightCode,
      priority: test.priority,
      type: test.type,
      scenario: test.scenario,
      sourceUrl: test.sourceUrl,
      pageTitle: test.pageTitle,
      createdAt,
      qualityScore: test.qualityScore ?? null,
      isJourneyTest: test.isJourneyTest ? 1 : 0,
      journeyType: test.journeyType,
      assertionEnhanced: test.assertionEnhanced ? 1 : 0,
      promptVersion: model ? PROMPT_VERSION : BUILTIN_VERSION,
      modelUsed: model ?? BUILTIN_MODEL,
      generatedFrom: test.generatedFrom,
      isApiTest: test.isApiTest ? 1 : 0,
      tags: JSON.stringify(test.tags),
    });
  }
  await deps.tests.insertGenerated(rows);
  return rows.map((row) => row.id);
}
