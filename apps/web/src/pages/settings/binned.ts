import { runTypeLabel } from '../dashboard/format';
import type { RecycleBinContents } from './queries';

export type BinType = 'project' | 'test' | 'run';

/**
 * The schema types binned rows only as `{id, deletedAt}` plus unknown fields; these are the
 * fields the server's project view, test view and run summary carry that the bin shows.
 */
interface BinnedFields {
  name?: unknown;
  url?: unknown;
  projectId?: unknown;
  type?: unknown;
  status?: unknown;
}

export interface BinnedItem {
  type: BinType;
  id: string;
  deletedAt: string | null;
  name: string;
  detail: string | null;
  projectId: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** One list of everything in the bin, newest-deleted first. */
export function binnedItems(contents: RecycleBinContents): BinnedItem[] {
  const projects = contents.projects.map((row): BinnedItem => {
    const fields = row as BinnedFields;
    return {
      type: 'project',
      id: row.id,
      deletedAt: row.deletedAt,
      name: text(fields.name) ?? row.id,
      detail: text(fields.url),
      projectId: null,
    };
  });
  const tests = contents.tests.map((row): BinnedItem => {
    const fields = row as BinnedFields;
    return {
      type: 'test',
      id: row.id,
      deletedAt: row.deletedAt,
      name: text(fields.name) ?? row.id,
      detail: null,
      projectId: text(fields.projectId),
    };
  });
  const runs = contents.runs.map((row): BinnedItem => {
    const fields = row as BinnedFields;
    const kind = text(fields.type);
    const status = text(fields.status);
    return {
      type: 'run',
      id: row.id,
      deletedAt: row.deletedAt,
      name: `${kind ? runTypeLabel(kind) : 'Run'} ${row.id}`,
      detail: status ? status.replace(/_/g, ' ') : null,
      projectId: text(fields.projectId),
    };
  });
  return [...projects, ...tests, ...runs].sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
}

export const PURGE_LOSES: Record<BinType, string> = {
  project:
    'the project with all its tests, runs, run evidence, healing history, visual baselines, schedule, trigger tokens, notification settings and its activity log entries',
  test: 'the test with its healing history and visual baselines',
  run: 'the run with its step logs, screenshots, videos and traces',
};
