import { Title } from '@mantine/core';

export default function WorkspacePage() {
  return <Title order={1}>WorkspacePage</Title>;
}
