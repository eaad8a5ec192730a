import { Anchor, Checkbox, Stack, Table, Text } from '@mantine/core';
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { ResultBadge, ReviewStatusBadge, Score } from '../tests/TestBadges';
import type { Test } from '../tests/test-model';

interface Props {
  tests: Test[];
  /** Checkboxes for bulk actions; absent for members who cannot act on tests. */
  checked?: Set<string>;
  onCheck?(ids: string[], checked: boolean): void;
  focusedId: string | undefined;
  onFocus(id: string): void;
  onOpen(id: string): void;
  /** A row was clicked or tapped (the preview may need showing). */
  onPick?(id: string): void;
  rowRefs: RefObject<Map<string, HTMLTableRowElement>>;
}

/** One page of the queue; the focused row is the one the preview and the shortcuts act on. */
export function ReviewTable({ tests, checked, onCheck, focusedId, onFocus, onOpen, onPick, rowRefs }: Props) {
  const allChecked = checked !== undefined && tests.length > 0 && tests.every((test) => checked.has(test.id));
  const someChecked = checked !== undefined && tests.some((test) => checked.has(test.id));

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Tests to review">
        <Table.Thead>
          <Table.Tr>
            {onCheck && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all tests on this page"
                  checked={allChecked}
                  indeterminate={someChecked && !allChecked}
                  onChange={(event) =>
                    onCheck(
                      tests.map((test) => test.id),
                      event.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
            )}
            <Table.Th>Test</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Quality</Table.Th>
            <Table.Th ta="right">Flaky</Table.Th>
            <Table.Th>Last result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tests.map((test, index) => {
            const focused = test.id === focusedId;
            // One row is in the tab order (the focused one, else the first); j/k and arrows move.
            const tabbable = focused || (focusedId === undefined && index === 0);
            return (
              <Table.Tr
                key={test.id}
                ref={(node) => {
                  if (node) rowRefs.current.set(test.id, node);
                  else rowRefs.current.delete(test.id);
                }}
                data-queue-row
                tabIndex={tabbable ? 0 : -1}
                aria-current={focused ? 'true' : undefined}
                onClick={() => {
                  onFocus(test.id);
                  onPick?.(test.id);
                }}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) onFocus(test.id);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && event.target === event.currentTarget) onOpen(test.id);
                }}
                style={{ cursor: 'pointer', outlineOffset: -2 }}
                bg={focused ? 'var(--mantine-primary-color-light)' : undefined}
              >
                {onCheck && checked && (
                  <Table.Td onClick={(event) => event.stopPropagation()}>
                    <Checkbox
                      aria-label={`Select ${test.name}`}
                      checked={checked.has(test.id)}
                      onChange={(event) => onCheck([test.id], event.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td maw={360}>
                  <Stack gap={0}>
                    <Anchor
                      component={Link}
                      to={`/tests/${encodeURIComponent(test.id)}`}
                      fw={500}
                      size="sm"
                      lineClamp={2}
                      onClick={(event) => event.stopPropagation()}
                    >
                      {test.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate="end" title={test.sourceUrl ?? undefined}>
                      {test.sourceUrl ?? 'No source URL'}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ReviewStatusBadge status={test.reviewStatus} />
                </Table.Td>
                <Table.Td ta="right">
                  <Score value={test.qualityScore} />
                </Table.Td>
                <Table.Td ta="right">
                  <Score value={test.flakyScore} highIsBad />
                </Table.Td>
                <Table.Td>
                  <ResultBadge result={test.lastResult} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
