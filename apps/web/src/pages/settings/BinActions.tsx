import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del, post } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../auth/session';
import { PURGE_LOSES, type BinnedItem } from './binned';
import { ConfirmButton } from '../../components/ConfirmDialog';

const path = (item: BinnedItem) => `${encodeURIComponent(item.type)}/${encodeURIComponent(item.id)}`;

/** Restore (qa lead and up) and delete-for-good (admin) for one binned item. */
export function BinActions({ item }: { item: BinnedItem }) {
  const { can } = useSession();
  const client = useQueryClient();
  const restore = useMutation({
    mutationFn: () => post(`/restore/${path(item)}`),
    onSuccess: async () => {
      notifySuccess(`Restored ${item.name}.`);
      // Projects, tests, runs, the dashboard and the activity log all change.
      await client.invalidateQueries();
    },
    onError: notifyError,
  });

  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        loading={restore.isPending}
        onClick={() => restore.mutate()}
        aria-label={`Restore ${item.name}`}
      >
        Restore
      </Button>
      {can('admin') && (
        <ConfirmButton
          label="Delete forever"
          ariaLabel={`Delete ${item.name} forever`}
          buttonProps={{ size: 'xs', variant: 'subtle' }}
          title={`Delete ${item.name} forever?`}
          confirmLabel="Delete forever"
          onConfirm={async () => {
            await del(`/purge/${path(item)}`);
            notifySuccess(`${item.name} was deleted for good.`);
            await client.invalidateQueries();
          }}
        >
          <Text size="sm">This permanently deletes {PURGE_LOSES[item.type]}. It cannot be restored afterwards.</Text>
        </ConfirmButton>
      )}
    </Group>
  );
}
