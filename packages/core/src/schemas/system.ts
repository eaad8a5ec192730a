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

export const SystemInfoSchema = Type.Object({
  version: Type.String(),
  uptime: Type.Integer({ description: 'Seconds since the process started.' }),
  nodeVersion: Type.String(),
  platform: Type.String(),
  database: Type.Object({ dialect: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]) }),
  browser: Type.Object({
    found: Type.Boolean(),
    engine: Type.String(),
    executablePath: Type.Union([Type.String(), Type.Null()]),
  }),
  queue: Type.Object({ mode: Type.Union([Type.Literal('in-process'), Type.Literal('redis')]) }),
  events: Type.Object({ mode: Type.Union([Type.Literal('in-process'), Type.Literal('redis')]) }),
  roles: Type.Array(Type.String()),
});
export type SystemInfo = Static<typeof SystemInfoSchema>;
