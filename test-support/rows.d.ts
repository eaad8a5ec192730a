import type { Insertable } from 'kysely';
import type { RunsTable } from '@sentri/db';
/**
 * A complete `runs` row for tests that need a run in a given state before the run engine can
 * make one: every optional column null, the caller names what matters.
 */
export declare function runRow(fields: Pick<Insertable<RunsTable>, 'id' | 'projectId' | 'workspaceId' | 'status'> & Partial<Insertable<RunsTable>>): Insertable<RunsTable>;
//# sourceMappingURL=rows.d.ts.map