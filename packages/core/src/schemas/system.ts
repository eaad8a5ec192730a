import { Type, type Static } from 'typebox';

export const HealthSchema = Type.Object({
  ok: Type.Boolean(),
  uptime: Type.Integer({ description: 'Seconds since the process started.' }),
  version: Type.String(),
});
export type Health = Static<typeof HealthSchema>;

const CheckSchema = Type.Object({ ok: Type.Boolean(), error: Type.Optional(Type.String()) });

export const ReadinessSchema = Type.Object({
  ok: Type.Boolean(),
  checks: Type.Object({
    database: CheckSchema,
    memory: Type.Object({
      ok: Type.Boolean(),
      heapMb: Type.Number(),
      limitMb: Type.Number(),
      pct: Type.Number(),
    }),
    artifacts: CheckSchema,
  }),
});
export type Readiness = Static<typeof ReadinessSchema>;

const BrowserSchema = Type.Object({
  found: Type.Boolean(),
  engine: Type.String(),
  executablePath: Type.Union([Type.String(), Type.Null()], {
    description: "null for Playwright's own builds (firefox, webkit) and for a browser not found.",
  }),
});

const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const SystemInfoSchema = Type.Object({
  version: Type.String(),
  uptime: Type.Integer({ description: 'Seconds since the process started.' }),
  nodeVersion: Type.String(),
  platform: Type.String(),
  playwrightVersion: Type.Union([Type.String(), Type.Null()]),
  memoryMB: Type.Integer({ description: 'JavaScript heap in use by this process, in MB.' }),
  database: Type.Object({ dialect: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }),
  browser: BrowserSchema,
  browsers: Type.Array(BrowserSchema, {
    description: 'chromium, firefox and webkit: which of them runs can use here.',
  }),
  queue: Type.Object({ mode: Type.Union([Type.Literal('in-process'), Type.Literal('redis')]) }),
  events: Type.Object({ mode: Type.Union([Type.Literal('in-process'), Type.Literal('redis')]) }),
  roles: Type.Array(Type.String()),
  projects: Count('Live projects of this workspace.'),
  tests: Count('Live tests of those projects, in any review state.'),
  approvedTests: Count('Of those, approved.'),
  draftTests: Count('Of those, waiting for review.'),
  runs: Count('Live runs of those projects, of every type.'),
  activities: Count('Activity entries of this workspace.'),
  healingEntries: Count("Self-healing memories of those projects' tests, binned tests included."),
  activeSchedules: Count('Enabled schedules of those projects.'),
});
export type SystemInfo = Static<typeof SystemInfoSchema>;
