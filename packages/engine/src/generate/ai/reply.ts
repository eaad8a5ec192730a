import { z } from 'zod';
import type { CandidateTest, GeneratedFrom, IntentName, TestType } from '../../discovery/types.js';
import type { WrittenStep } from '../test-writer.js';
import { sanitiseSteps } from './steps-prose.js';
import { normaliseCode, stepCommentsOf, stripFences, type Fixture } from './test-code.js';

/** One test as the model writes it (ENGINE.md §2.13). */
export const replyTestSchema = z.object({
  name: z.string(),
  description: z.string(),
  priority: z.enum(['high', 'medium', 'low']),
  type: z.string(),
  scenario: z.string(),
  steps: z.array(z.string()),
  playwrightCode: z.string(),
  preconditions: z.string().optional(),
  testData: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/** The reply of every generation call: an object at the root, as structured-output APIs require. */
export const testsReplySchema = z.object({ tests: z.array(replyTestSchema) });

export type ReplyTest = z.infer<typeof replyTestSchema>;

/** A reply that cannot be used, in the same shape the LLM client reports its own. */
export class MalformedReplyError extends Error {
  readonly code = 'LLM_MALFORMED_REPLY';
  constructor(message: string) {
    super(message);
    this.name = 'MalformedReplyError';
  }
}

/** The JSON in a reply, also when a sentence comes before or after it. */
function parseJsonText(text: string): unknown {
  const start = text.search(/[{[]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  for (const candidate of [text, start >= 0 && end > start ? text.slice(start, end + 1) : '']) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the narrower candidate.
    }
  }
  throw new MalformedReplyError('the reply is not JSON');
}

/** The tests in a reply given as text: `{tests:[…]}`, a bare array or one test object, fenced or not. */
export function parseTestsReply(text: string): ReplyTest[] {
  const value = parseJsonText(stripFences(text));
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (Array.isArray(record?.tests)) items = record.tests as unknown[];
  else if (record && 'name' in record) items = [record];
  else throw new MalformedReplyError('the reply has no "tests" list');
  const parsed = items.map((item) => replyTestSchema.safeParse(item));
  const tests = parsed.flatMap((result) => (result.success ? [result.data] : []));
  const firstError = parsed.find((result) => !result.success)?.error?.issues[0];
  if (tests.length === 0 && firstError) {
    const where = firstError.path.join('.') || '(root)';
    throw new MalformedReplyError(
      `the reply's tests do not match the expected shape (${where}: ${firstError.message})`,
    );
  }
  return tests;
}

const TEST_TYPES = new Set<TestType>([
  'functional',
  'smoke',
  'regression',
  'e2e',
  'integration',
  'accessibility',
  'security',
  'performance',
]);

function scenarioOf(text: string): CandidateTest['scenario'] {
  const value = text.toLowerCase();
  if (value.startsWith('neg')) return 'negative';
  if (value.startsWith('edge')) return 'edge_case';
  return 'positive';
}

/** Where a reply's tests came from and how they are stamped. */
export interface Stamp {
  sourceUrl: string;
  pageTitle: string;
  generatedFrom: GeneratedFrom;
  fixture: Fixture;
  intent?: IntentName;
  journeyType?: string;
  /** The type a test gets when the model's is not one Sentri knows. */
  defaultType?: TestType;
  /** Prefixed to every name that lacks it ("API: "). */
  namePrefix?: string;
  /** Replaces a missing or placeholder name. */
  fallbackName?: string;
  /** Steps put before the model's code (signing in). */
  prelude?: WrittenStep[];
}

const PLACEHOLDER = /^(?:descriptive name|test name|name)$/i;

/** A model's test as a pipeline candidate: canonical code, readable steps, known type and scenario. */
export function toCandidate(reply: ReplyTest, stamp: Stamp): CandidateTest {
  let name = reply.name.replace(/\s+/g, ' ').trim();
  if ((!name || PLACEHOLDER.test(name)) && stamp.fallbackName) name = stamp.fallbackName.trim();
  if (stamp.namePrefix && !name.startsWith(stamp.namePrefix)) name = `${stamp.namePrefix}${name}`;
  const prelude = stamp.prelude ?? [];
  const playwrightCode = normaliseCode(reply.playwrightCode, name, stamp.fixture, prelude);
  const written = sanitiseSteps(reply.steps);
  const steps = written.length > 0 ? [...prelude.map((step) => step.text), ...written] : stepCommentsOf(playwrightCode);
  const type = reply.type.trim().toLowerCase() as TestType;
  const preconditions = reply.preconditions?.trim();
  const isApiTest = stamp.fixture === 'request';
  return {
    name,
    description: [reply.description.trim(), preconditions ? `Preconditions: ${preconditions}` : '']
      .filter(Boolean)
      .join('\n'),
    steps,
    playwrightCode,
    type: TEST_TYPES.has(type) ? type : (stamp.defaultType ?? 'functional'),
    scenario: scenarioOf(reply.scenario),
    priority: reply.priority,
    sourceUrl: stamp.sourceUrl,
    pageTitle: stamp.pageTitle,
    generatedFrom: stamp.generatedFrom,
    ...(stamp.intent ? { intent: stamp.intent } : {}),
    isJourneyTest: stamp.journeyType !== undefined,
    journeyType: stamp.journeyType ?? null,
    isApiTest,
    tags: isApiTest ? ['api'] : [],
  };
}
