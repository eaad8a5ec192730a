import { useHotkeys } from '@mantine/hooks';
import type { RefObject } from 'react';

interface Handlers {
  move(delta: 1 | -1): void;
  /** Absent for members who may only read: `a` and `r` then do nothing. */
  approve?(): void;
  reject?(): void;
  open(): void;
  escape(): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Keys pressed inside a dialog (the delete confirmation) belong to the dialog. */
const inDialog = (event: KeyboardEvent) =>
  event.target instanceof Element && event.target.closest('[role="dialog"]') !== null;

/**
 * The queue's keyboard: j/k or arrows move, a/r decide, Enter opens, / searches, Esc clears.
 * Mantine ignores keys typed into inputs, text areas and selects, so typing a search never
 * approves anything.
 */
export function useQueueHotkeys({ move, approve, reject, open, escape, searchRef }: Handlers) {
  const guard = (run: () => void) => (event: KeyboardEvent) => {
    if (!inDialog(event)) run();
  };
  // Arrows move through the queue only from a row or the page itself; elsewhere they scroll as usual.
  const arrow = (delta: 1 | -1) => (event: KeyboardEvent) => {
    const target = event.target;
    const onRow = target instanceof Element && target.closest('tr[data-queue-row]') !== null;
    if (!onRow && target !== document.body && target !== document.documentElement) return;
    event.preventDefault();
    move(delta);
  };
  const keepDefault = { preventDefault: false };
  useHotkeys([
    ['j', guard(() => move(1))],
    ['k', guard(() => move(-1))],
    ['ArrowDown', arrow(1), keepDefault],
    ['ArrowUp', arrow(-1), keepDefault],
    ['a', guard(() => approve?.())],
    ['r', guard(() => reject?.())],
    ['o', guard(open)],
    ['/', guard(() => searchRef.current?.focus())],
    ['Escape', guard(escape), keepDefault],
  ]);
}
