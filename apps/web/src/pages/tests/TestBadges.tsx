import { Badge, Text, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A pale badge with dark text: Mantine's light variant is too faint to read (WCAG contrast). */
export function Tag({ color, children, ...props }: { color: string; children: ReactNode } & Omit<BadgeProps, 'color'>) {
  return (
    <Badge color={`${color}.2`} autoContrast {...props}>
      {children}
    </Badge>
  );
}
import { REVIEW_LABEL, type ReviewStatus } from './test-model';

const REVIEW_COLOR: Record<ReviewStatus, string> = { draft: 'yellow', approved: 'green', rejected: 'gray' };

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  return <Tag color={REVIEW_COLOR[status]}>{REVIEW_LABEL[status]}</Tag>;
}

const RESULT_COLOR: Record<string, string> = {
  passed: 'green',
  failed: 'red',
  flaky: 'orange',
  warning: 'orange',
  skipped: 'gray',
};

/** The outcome of a test run; `null` (never run) reads "Not run". */
export function ResultBadge({ result }: { result: string | null | undefined }) {
  if (!result)
    return (
      <Text size="sm" c="dimmed" span>
        Not run
      </Text>
    );
  return (
    <Badge color={RESULT_COLOR[result] ?? 'gray'} variant="dot">
      {result}
    </Badge>
  );
}

/** A 0–100 score, red when it is bad: low for quality, high for flakiness. */
export function Score({ value, highIsBad = false }: { value: number | null; highIsBad?: boolean }) {
  if (value === null)
    return (
      <Text size="sm" c="dimmed" span>
        —
      </Text>
    );
  const bad = highIsBad ? value >= 30 : value < 50;
  return (
    <Text size="sm" span c={bad ? 'red.9' : undefined} fw={bad ? 600 : undefined}>
      {Math.round(value)}
    </Text>
  );
}
