import { Button, Group, Modal, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { BulkAction } from '../tests/test-model';

interface Props {
  count: number;
  busy: boolean;
  onAction(action: BulkAction): void;
  onClear(): void;
}

/** Shown while tests are checked: one decision for all of them (deleting asks first). */
export function BulkActionBar({ count, busy, onAction, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const plural = `${count} test${count === 1 ? '' : 's'}`;

  return (
    <Paper withBorder p="xs" radius="md" role="region" aria-label="Bulk actions">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" fw={500} aria-live="polite">
          {plural} selected
        </Text>
        <Group gap="xs" wrap="wrap">
          <Button size="xs" color="green" autoContrast loading={busy} onClick={() => onAction('approve')}>
            Approve {count}
          </Button>
          <Button size="xs" color="red" variant="light" loading={busy} onClick={() => onAction('reject')}>
            Reject {count}
          </Button>
          <Button size="xs" variant="default" loading={busy} onClick={() => onAction('restore')}>
            Back to draft
          </Button>
          <Button size="xs" color="red" variant="subtle" loading={busy} onClick={() => setConfirming(true)}>
            Delete…
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Delete ${plural}?`} centered>
        <Text size="sm" mb="md">
          The tests move to the recycle bin; an admin can restore them from there.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false);
              onAction('delete');
            }}
          >
            Delete {plural}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
