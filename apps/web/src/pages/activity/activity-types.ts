/** Activity types the server writes (API.md §5.7), with a readable name for the filter and table. */
const GROUPS: Record<string, string[]> = {
  Projects: [
    'project.create',
    'project.update',
    'project.delete',
    'project.restore',
    'project.purge',
    'project.trigger_token_create',
    'project.trigger_token_delete',
  ],
  Crawls: ['crawl.start', 'crawl.complete', 'crawl.fail', 'crawl.abort'],
  'Test runs': ['test_run.start', 'test_run.complete', 'test_run.fail', 'test_run.abort'],
  'Scheduled runs': ['scheduled_run.start', 'scheduled_run.complete', 'scheduled_run.fail', 'scheduled_run.missed'],
  Tests: [
    'test.create',
    'test.edit',
    'test.regenerate',
    'test.generate',
    'test.approve',
    'test.reject',
    'test.restore',
    'test.delete',
    'test.purge',
    'test.bulk_approve',
    'test.bulk_reject',
    'test.bulk_restore',
    'test.bulk_delete',
    'test.baseline_accept',
    'test.record_start',
    'test.record_stop',
    'test.record_discard',
    'test.ai_fix',
  ],
  Runs: ['run.restore', 'run.purge', 'generate.abort', 'record.abort'],
  Settings: ['schedule.update', 'schedule.delete', 'notifications.update', 'notifications.delete', 'settings.update'],
};

/** "test_run.complete" → "Test run complete". */
export function activityLabel(type: string): string {
  const text = type.replace(/[._]/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Select data: the known types grouped, plus any other type seen in the log. */
export function activityTypeOptions(seen: Iterable<string>) {
  const known = new Set(Object.values(GROUPS).flat());
  const others = [...new Set(seen)].filter((type) => !known.has(type)).sort();
  const groups = Object.entries(GROUPS).map(([group, types]) => ({
    group,
    items: types.map((value) => ({ value, label: activityLabel(value) })),
  }));
  if (others.length)
    groups.push({ group: 'Other', items: others.map((value) => ({ value, label: activityLabel(value) })) });
  return groups;
}

const STATUS_COLOR: Record<string, string> = {
  completed: 'green',
  success: 'green',
  running: 'blue',
  failed: 'red',
  aborted: 'orange',
};
export const activityStatusColor = (status: string) => STATUS_COLOR[status] ?? 'gray';
