import { Title } from '@mantine/core';

export default function ActivityPage() {
  return <Title order={1}>ActivityPage</Title>;
}
