import { Alert, Button, Group, Modal, Stack, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { messageOf } from '../api/client';

interface ConfirmDialogProps {
  opened: boolean;
  onClose(): void;
  title: string;
  /** What will happen and what will be lost. */
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  /** Resolves when done; a rejection is shown in the dialog, which stays open. */
  onConfirm(): Promise<unknown>;
}

/** Asks before anything that cannot be undone, and shows the server's reason when it refuses. */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  color = 'red',
  onConfirm,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setBusy(false);
      onClose();
    } catch (failure) {
      setBusy(false);
      setError(failure);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack gap="md">
        <div>{children}</div>
        {error !== null && (
          <Alert color="red" role="alert" title="Not done">
            {messageOf(error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color={color} loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type ConfirmButtonProps = Omit<ConfirmDialogProps, 'opened' | 'onClose'> & {
  /** The button's text. */
  label: ReactNode;
  /** The button's accessible name when its text alone is ambiguous (e.g. "Remove" in a table row). */
  ariaLabel?: string;
  buttonProps?: ButtonProps;
};

/** A button that opens a ConfirmDialog. */
export function ConfirmButton({ label, ariaLabel, buttonProps, ...dialog }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color={dialog.color ?? 'red'} variant="light" {...buttonProps} aria-label={ariaLabel} onClick={open}>
        {label}
      </Button>
      <ConfirmDialog {...dialog} opened={opened} onClose={close} />
    </>
  );
}
