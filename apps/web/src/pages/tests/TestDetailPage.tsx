import { Title } from '@mantine/core';

export default function TestDetailPage() {
  return <Title order={1}>TestDetailPage</Title>;
}
