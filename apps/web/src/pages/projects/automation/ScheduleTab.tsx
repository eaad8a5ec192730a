import { Text } from '@mantine/core';

export function ScheduleTab({ projectId }: { projectId: string }) {
  return <Text>ScheduleTab of {projectId}</Text>;
}
