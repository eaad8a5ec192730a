import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const StepSchema = Type.Union([
  Type.String(),
  Type.Object({
    action: Type.String(),
    selector: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
    value: Type.Optional(Type.String()),
    expected: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
  }),
]);

export const TestSchema = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  workspaceId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  steps: Type.Array(StepSchema),
  playwrightCode: Nullable(Type.String()),
  playwrightCodePrev: Nullable(Type.String()),
  revisionOf: Nullable(Type.String()),
  priority: Type.String(),
  type: Type.String(),
  scenario: Nullable(Type.String()),
  sourceUrl: Nullable(Type.String()),
  pageTitle: Nullable(Type.String()),
  reviewStatus: Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('rejected')]),
  reviewedAt: Nullable(Type.String()),
  lastRunAt: Nullable(Type.String()),
  lastResult: Nullable(Type.String()),
  codeRegeneratedAt: Nullable(Type.String()),
  aiFixAppliedAt: Nullable(Type.String()),
  qualityScore: Nullable(Type.Number()),
  isJourneyTest: Type.Boolean(),
  journeyType: Nullable(Type.String()),
  assertionEnhanced: Type.Boolean(),
  promptVersion: Nullable(Type.String()),
  modelUsed: Nullable(Type.String()),
  linkedIssueKey: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  generatedFrom: Nullable(Type.String()),
  isApiTest: Nullable(Type.Boolean()),
  codeVersion: Type.Integer(),
  isStale: Type.Boolean(),
  flakyScore: Type.Number(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  _codeStale: Type.Optional(Type.Literal(true)),
  _codeDiff: Type.Optional(Type.String({ description: 'Unified diff of playwrightCode when this edit changed it.' })),
});

const Meta = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
});
/** A flat array, or `{data, meta}` when `page`/`pageSize` is present (API.md §1.7). */
export const TestListSchema = Type.Union([
  Type.Array(TestSchema),
  Type.Object({ data: Type.Array(TestSchema), meta: Meta }),
]);

export const TestListQuery = Type.Object({
  page: Type.Optional(Type.String()),
  pageSize: Type.Optional(Type.String()),
  reviewStatus: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  search: Type.Optional(Type.String()),
  stale: Type.Optional(Type.String()),
});

export const TestBody = Type.Object({}, { additionalProperties: true });

export const CountsSchema = Type.Object({
  draft: Type.Integer(),
  approved: Type.Integer(),
  rejected: Type.Integer(),
  passed: Type.Integer(),
  failed: Type.Integer(),
  api: Type.Integer(),
  ui: Type.Integer(),
  stale: Type.Integer(),
  total: Type.Integer(),
});
