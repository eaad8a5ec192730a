import { Text } from '@mantine/core';

export function TriggerTokensTab({ projectId }: { projectId: string }) {
  return <Text>TriggerTokensTab of {projectId}</Text>;
}
