import { CloseButton, Group, SegmentedControl, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState, type RefObject } from 'react';
import type { TestCounts } from '../tests/test-model';
import type { CategoryFilter, QueueFilters, StatusFilter } from './use-review-queue';

interface Props {
  filters: QueueFilters;
  counts: TestCounts | undefined;
  onChange(change: Partial<QueueFilters>): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);

/** Review status, UI/API, stale-only and a search over name and URL. */
export function ReviewFilters({ filters, counts, onChange, searchRef }: Props) {
  const [search, setSearch] = useState(filters.search);
  const commit = useDebouncedCallback((value: string) => onChange({ search: value.trim() }), 300);

  // Keep the box in step when the address changes (back button, cleared filters), without
  // trimming what is being typed.
  useEffect(
    () => setSearch((current) => (current.trim() === filters.search ? current : filters.search)),
    [filters.search],
  );

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Review status"
        value={filters.status}
        onChange={(value) => onChange({ status: value as StatusFilter })}
        data={[
          { value: 'draft', label: withCount('Draft', counts?.draft) },
          { value: 'approved', label: withCount('Approved', counts?.approved) },
          { value: 'rejected', label: withCount('Rejected', counts?.rejected) },
          { value: 'all', label: withCount('All', counts?.total) },
        ]}
        size="xs"
        styles={{ root: { maxWidth: '100%', overflowX: 'auto' } }}
      />
      <Select
        label="Category"
        size="xs"
        w={120}
        value={filters.category}
        onChange={(value) => onChange({ category: (value ?? 'all') as CategoryFilter })}
        allowDeselect={false}
        data={[
          { value: 'all', label: 'All' },
          { value: 'ui', label: withCount('UI', counts?.ui) },
          { value: 'api', label: withCount('API', counts?.api) },
        ]}
      />
      <Switch
        label={withCount('Stale only', counts?.stale)}
        checked={filters.stale}
        onChange={(event) => onChange({ stale: event.currentTarget.checked })}
        size="sm"
        mb={4}
      />
      <TextInput
        ref={searchRef}
        size="xs"
        label="Search"
        placeholder="Name or URL   ( / )"
        type="search"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commit(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
        rightSection={
          search ? (
            <CloseButton
              size="sm"
              aria-label="Clear search"
              onClick={() => {
                setSearch('');
                onChange({ search: '' });
              }}
            />
          ) : null
        }
        style={{ flex: '1 1 200px', minWidth: 180 }}
      />
    </Group>
  );
}
