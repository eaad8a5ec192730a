import { Title } from '@mantine/core';

export default function ReviewQueuePage() {
  return <Title order={1}>ReviewQueuePage</Title>;
}
