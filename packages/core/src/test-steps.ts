/**
 * How a test step reads to a person, shared by the server (CSV exports) and the dashboard so both
 * word a step the same way. Free of dependencies so the browser bundle can import it alone.
 */
export type StepLike =
  | string
  | {
      action: string;
      selector?: string | null;
      url?: string | null;
      value?: string | null;
      expected?: string | null;
      description?: string | null;
    };

/** A step as a person would write it: plain steps as they are, structured ones in words. */
export function describeStep(step: StepLike): string {
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
      return `${step.action.charAt(0).toUpperCase()}${step.action.slice(1)} ${target}`;
  }
}

/** What a step should lead to, when it says so (assertions); otherwise nothing. */
export function expectedOf(step: StepLike): string {
  return typeof step === 'object' && step.action === 'assert' ? (step.expected ?? '') : '';
}
