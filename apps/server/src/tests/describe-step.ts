import type { TestStep } from './test-input.js';

/** A step as a person would write it: plain steps as they are, structured ones in words. */
export function describeStep(step: TestStep): string {
  if (typeof step === 'string') return step;
  if (step.description) return step.description;
  const target = step.selector ?? 'the page';
  switch (step.action) {
    case 'navigate':
      return `Navigate to ${step.url ?? step.value ?? '/'}`;
    case 'fill':
      return `Fill ${target} with "${step.value ?? ''}"`;
    case 'select':
      return `Select "${step.value ?? ''}" in ${target}`;
    case 'press':
      return `Press ${step.value ?? 'Enter'}${step.selector ? ` in ${step.selector}` : ''}`;
    case 'assert':
      return step.expected ? `Check that ${target} shows "${step.expected}"` : `Check that ${target} is visible`;
    case 'wait':
      return `Wait for ${step.selector ?? step.value ?? 'the page to settle'}`;
    default:
      return `${step.action[0]?.toUpperCase()}${step.action.slice(1)} ${target}`;
  }
}

/** What a step should lead to, when it says so (assertions); otherwise nothing. */
export function expectedOf(step: TestStep): string {
  return typeof step === 'object' && step.action === 'assert' ? (step.expected ?? '') : '';
}
