import { Text } from '@mantine/core';

export function NotificationsTab({ projectId }: { projectId: string }) {
  return <Text>NotificationsTab of {projectId}</Text>;
}
