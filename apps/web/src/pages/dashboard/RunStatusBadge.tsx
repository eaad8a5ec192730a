import { Badge } from '@mantine/core';
import { runStatusColor, runStatusLabel } from './format';

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={runStatusColor(status)} variant="light" size="sm" miw="max-content">
      {runStatusLabel(status)}
    </Badge>
  );
}
