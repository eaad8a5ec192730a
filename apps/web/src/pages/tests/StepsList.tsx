import { List, Text } from '@mantine/core';
import { describeStep, type TestStep } from './test-model';

/** The test's steps in words, numbered as a reviewer reads them. */
export function StepsList({ steps, label = 'Steps' }: { steps: TestStep[]; label?: string }) {
  if (steps.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This test has no readable steps; its code is all there is.
      </Text>
    );
  return (
    <List type="ordered" size="sm" spacing={4} aria-label={label} withPadding>
      {steps.map((step, index) => (
        <List.Item key={index}>
          <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
            {describeStep(step)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
