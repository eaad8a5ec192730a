import { Title } from '@mantine/core';

export default function RunDetailPage() {
  return <Title order={1}>RunDetailPage</Title>;
}
