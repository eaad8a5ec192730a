import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/notify';
import { runKey } from './use-live-run';

/** Stops a running run after a confirmation; shown only to QA leads and admins. */
export function AbortButton({ runId, type }: { runId: string; type: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const client = useQueryClient();
  const abort = useMutation({
    mutationFn: () => post(`/runs/${encodeURIComponent(runId)}/abort`),
    onSuccess: () => {
      notifySuccess(`${runId} was aborted.`);
      close();
      void client.invalidateQueries({ queryKey: runKey(runId) });
    },
    onError: (error) => {
      close();
      notifyError(error);
    },
  });
  const consequence =
    type === 'test_run'
      ? 'Tests still running are stopped and tests not yet run are recorded as skipped.'
      : 'The pipeline stops here; no draft tests are saved from this run.';

  return (
    <>
      <Button color="red" variant="light" onClick={open}>
        Abort run
      </Button>
      <Modal opened={opened} onClose={close} title={`Abort ${runId}?`} centered>
        <Stack>
          <Text size="sm">{consequence} This cannot be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={abort.isPending}>
              Keep running
            </Button>
            <Button color="red" onClick={() => abort.mutate()} loading={abort.isPending}>
              Abort run
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
