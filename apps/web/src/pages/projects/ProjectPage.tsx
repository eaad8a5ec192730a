import { Title } from '@mantine/core';

export default function ProjectPage() {
  return <Title order={1}>ProjectPage</Title>;
}
