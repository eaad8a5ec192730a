import { type Insertable, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database, TestsTable } from '../tables/index.js';
import type { Page } from './projects.js';

export type TestRow = Selectable<TestsTable>;
export type NewTest = Pick<
  TestRow,
  | 'id'
  | 'projectId'
  | 'workspaceId'
  | 'name'
  | 'description'
  | 'steps'
  | 'playwrightCode'
  | 'priority'
  | 'type'
  | 'sourceUrl'
  | 'pageTitle'
  | 'createdAt'
>;
export type NewGeneratedTest = NewTest &
  Pick<
    Insertable<TestsTable>,
    | 'scenario'
    | 'qualityScore'
    | 'isJourneyTest'
    | 'journeyType'
    | 'assertionEnhanced'
    | 'promptVersion'
    | 'modelUsed'
    | 'generatedFrom'
    | 'isApiTest'
    | 'tags'
    | 'preconditions'
    | 'testData'
    | 'revisionOf'
    | 'playwrightCodePrev'
  >;
export type TestChanges = Partial<
  Pick<
    TestRow,
    | 'name'
    | 'description'
    | 'steps'
    | 'playwrightCode'
    | 'playwrightCodePrev'
    | 'priority'
    | 'linkedIssueKey'
    | 'tags'
    | 'reviewStatus'
    | 'reviewedAt'
    | 'isApiTest'
  >
>;

export interface TestFilters {
  reviewStatus?: string;
  category?: 'api' | 'ui';
  search?: string;
  stale?: boolean;
}

export interface TestCounts {
  draft: number;
  approved: number;
  rejected: number;
  passed: number;
  failed: number;
  api: number;
  ui: number;
  stale: number;
  total: number;
}

const API_SOURCES = ['api_har_capture', 'api_user_described'];

/** Tests of live projects. Every read is scoped by workspace or project and skips soft-deleted rows. */
export class TestsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(test: NewTest): Promise<TestRow> {
    return this.db
      .insertInto('tests')
      .values({
        ...test,
        updatedAt: test.createdAt,
        deletedAt: null,
        playwrightCodePrev: null,
        scenario: null,
        reviewedAt: null,
        lastRunAt: null,
        lastResult: null,
        codeRegeneratedAt: null,
        aiFixAppliedAt: null,
        qualityScore: null,
        journeyType: null,
        promptVersion: null,
        modelUsed: null,
        linkedIssueKey: null,
        generatedFrom: null,
        isApiTest: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Tests a generator wrote, all at once: either every one lands as a draft or none does.
   * Their review starts over from draft whatever the generator was.
   */
  async insertGenerated(tests: NewGeneratedTest[]): Promise<void> {
    if (tests.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const test of tests) {
        await trx
          .insertInto('tests')
          .values({ ...test, reviewStatus: 'draft', updatedAt: test.createdAt, deletedAt: null })
          .execute();
      }
    });
  }

  /** A live test whose live project belongs to the workspace. */
  findLive(workspaceId: string, testId: string): Promise<TestRow | undefined> {
    return this.db
      .selectFrom('tests')
      .innerJoin('projects', 'projects.id', 'tests.projectId')
      .selectAll('tests')
      .where('tests.id', '=', testId)
      .where('tests.deletedAt', 'is', null)
      .where('projects.workspaceId', '=', workspaceId)
      .where('projects.deletedAt', 'is', null)
      .executeTakeFirst();
  }

  listByProject(projectId: string): Promise<TestRow[]> {
    return this.live(projectId).selectAll().orderBy('createdAt').orderBy('id').execute();
  }

  /**
   * Newest first, filtered. The page is chosen by ids alone — the partial index on
   * (project, createdAt, id) answers that without touching the table, however deep the OFFSET —
   * and only its rows are then read: PostgreSQL otherwise fetches every skipped row from the heap.
   * `knownTotal` skips counting when the caller already knows how many rows match (cached counts).
   */
  async pageByProject(
    projectId: string,
    filters: TestFilters,
    limit: number,
    offset: number,
    knownTotal?: number,
  ): Promise<Page<TestRow>> {
    let query = this.live(projectId);
    if (filters.reviewStatus) query = query.where('reviewStatus', '=', filters.reviewStatus);
    if (filters.category === 'api') query = query.where('generatedFrom', 'in', API_SOURCES);
    if (filters.category === 'ui')
      query = query.where((eb) => eb.or([eb('generatedFrom', 'is', null), eb('generatedFrom', 'not in', API_SOURCES)]));
    if (filters.stale) query = query.where('isStale', '=', 1);
    if (filters.search) {
      const pattern = `%${filters.search.toLowerCase()}%`;
      query = query.where((eb) =>
        eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb(eb.fn('lower', ['sourceUrl']), 'like', pattern)]),
      );
    }
    const pageIds = query.select('id').orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).offset(offset);
    const [rows, total] = await Promise.all([
      this.db
        .selectFrom('tests')
        .selectAll()
        .where('id', 'in', pageIds)
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      knownTotal ??
        query
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow()
          .then((row) => Number(row.total)),
    ]);
    return { rows, total };
  }

  /** Every live test of the workspace's live projects. */
  listByWorkspace(workspaceId: string, page?: { limit: number; offset: number }): Promise<Page<TestRow>> {
    const query = this.db
      .selectFrom('tests')
      .innerJoin('projects', 'projects.id', 'tests.projectId')
      .where('tests.workspaceId', '=', workspaceId)
      .where('tests.deletedAt', 'is', null)
      .where('projects.deletedAt', 'is', null);
    return page
      ? this.page(query, page.limit, page.offset, 'tests.')
      : query
          .selectAll('tests')
          .orderBy('tests.createdAt')
          .orderBy('tests.id')
          .execute()
          .then((rows) => ({ rows, total: rows.length }));
  }

  /**
   * Review counts of a project. One pass over the covering index grouped by the four columns
   * the counts depend on (a handful of groups), summed here: about half the cost of asking the
   * database for seven conditional sums.
   */
  async counts(projectId: string): Promise<TestCounts> {
    const groups = await this.live(projectId)
      .select(['reviewStatus', 'lastResult', 'generatedFrom', 'isStale', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['reviewStatus', 'lastResult', 'generatedFrom', 'isStale'])
      .execute();
    const counts: TestCounts = {
      draft: 0,
      approved: 0,
      rejected: 0,
      passed: 0,
      failed: 0,
      api: 0,
      ui: 0,
      stale: 0,
      total: 0,
    };
    for (const group of groups) {
      const n = Number(group.n);
      if (group.reviewStatus === 'draft' || group.reviewStatus === 'approved' || group.reviewStatus === 'rejected') {
        counts[group.reviewStatus] += n;
        counts.total += n;
      }
      if (group.reviewStatus === 'approved' && (group.lastResult === 'passed' || group.lastResult === 'failed'))
        counts[group.lastResult] += n;
      if (group.generatedFrom !== null && API_SOURCES.includes(group.generatedFrom)) counts.api += n;
      if (group.isStale === 1) counts.stale += n;
    }
    counts.ui = counts.total - counts.api;
    return counts;
  }

  /** What the last run said about a test. Not a content edit: `updatedAt` stays. */
  async recordResult(testId: string, lastResult: string, at: string): Promise<void> {
    await this.db
      .updateTable('tests')
      .set({ lastResult, lastRunAt: at, isStale: 0 })
      .where('id', '=', testId)
      .execute();
  }

  /**
   * Flags approved tests that have not run since `cutoff` and clears the flag on every other
   * test. A test that never ran counts from its approval (or creation), so approving a test
   * today does not make it stale today.
   */
  async flagStale(cutoff: string): Promise<{ flagged: number; cleared: number }> {
    return this.db.transaction().execute(async (trx) => {
      const cleared = await trx
        .updateTable('tests')
        .set({ isStale: 0 })
        .where('isStale', '=', 1)
        .where((eb) =>
          eb.or([
            eb('reviewStatus', '!=', 'approved'),
            eb('deletedAt', 'is not', null),
            eb(eb.fn.coalesce('lastRunAt', 'reviewedAt', 'createdAt'), '>=', cutoff),
          ]),
        )
        .executeTakeFirst();
      const flagged = await trx
        .updateTable('tests')
        .set({ isStale: 1 })
        .where('isStale', '=', 0)
        .where('reviewStatus', '=', 'approved')
        .where('deletedAt', 'is', null)
        .where((eb) => eb(eb.fn.coalesce('lastRunAt', 'reviewedAt', 'createdAt'), '<', cutoff))
        .executeTakeFirst();
      return { flagged: Number(flagged.numUpdatedRows), cleared: Number(cleared.numUpdatedRows) };
    });
  }

  async setFlakyScores(scores: Map<string, number>): Promise<void> {
    if (scores.size === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const [testId, flakyScore] of scores)
        await trx.updateTable('tests').set({ flakyScore }).where('id', '=', testId).execute();
    });
  }

  async update(testId: string, changes: TestChanges, at: string): Promise<TestRow> {
    return this.db
      .updateTable('tests')
      .set({ ...changes, updatedAt: at })
      .where('id', '=', testId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Sets the review status of the given live tests of one project; returns the ones it changed. */
  async setReview(
    projectId: string,
    testIds: string[],
    reviewStatus: string,
    reviewedAt: string | null,
    at: string,
  ): Promise<TestRow[]> {
    if (testIds.length === 0) return [];
    return this.db
      .updateTable('tests')
      .set({ reviewStatus, reviewedAt, updatedAt: at })
      .where('projectId', '=', projectId)
      .where('id', 'in', testIds)
      .where('deletedAt', 'is', null)
      .returningAll()
      .execute();
  }

  async softDelete(projectId: string, testIds: string[], at: string): Promise<Array<{ id: string; name: string }>> {
    if (testIds.length === 0) return [];
    return this.db
      .updateTable('tests')
      .set({ deletedAt: at, updatedAt: at })
      .where('projectId', '=', projectId)
      .where('id', 'in', testIds)
      .where('deletedAt', 'is', null)
      .returning(['id', 'name'])
      .execute();
  }

  private live(projectId: string) {
    return this.db.selectFrom('tests').where('projectId', '=', projectId).where('deletedAt', 'is', null);
  }

  private async page<O>(
    query: SelectQueryBuilder<Database, 'tests', O> | SelectQueryBuilder<Database, 'tests' | 'projects', O>,
    limit: number,
    offset: number,
    prefix = '',
  ): Promise<Page<TestRow>> {
    const q = query as unknown as SelectQueryBuilder<Database, 'tests', object>;
    const [rows, total] = await Promise.all([
      q
        .selectAll('tests')
        .orderBy(`${prefix}createdAt` as 'createdAt', 'desc')
        .orderBy(`${prefix}id` as 'id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as TestRow[], total: Number((total as { total: number }).total) };
  }
}
