import { Stack, Title } from '@mantine/core';
import { MembersPanel } from './MembersPanel';
import { WorkspaceDetails } from './WorkspaceDetails';

/** The current workspace: its name and who is in it with which role. */
export default function WorkspacePage() {
  return (
    <Stack gap="lg">
      <Title order={1}>Workspace</Title>
      <WorkspaceDetails />
      <MembersPanel />
    </Stack>
  );
}
