import type { ApiEndpoint, CandidateTest, ElementInfo } from '../../discovery/types.js';
import { buildDialsPrompt, sanitisePromptText, type Dials } from '../dials.js';
import { extractAttachedSpec, parseOpenApi } from '../openapi.js';
import { isApiIntent, parseEndpointHints } from './api-intent.js';
import type { JsonModel, ModelTier } from './json-model.js';
import { elementLines, pathOf } from './page-facts.js';
import { describeCount, describePrompt } from './prompts.js';
import { parseTestsReply, toCandidate } from './reply.js';
import { apiSystemPrompt, uiSystemPrompt } from './system-prompts.js';
import { clean, quoted, type DataBlock } from './untrusted.js';

/** A page the project's crawls have seen: a ClassifiedPage or a PageSnapshot both fit. */
export interface KnownPage {
  url: string;
  title: string;
  elements?: ElementInfo[];
  classifiedElements?: { element: ElementInfo }[];
}

export interface DescribeRequest {
  name: string;
  description: string;
  /** The project's URL: the tests' source URL (their code navigates relative to it). */
  appUrl: string;
  dials: Dials;
  pages?: KnownPage[];
  /** Stored as the tests' page title. */
  projectName?: string;
}

export interface DescribeOptions {
  tier: ModelTier;
  onToken: (token: string) => void;
  signal?: AbortSignal;
}

const MAX_REQUEST_LINE = 1000;
const MAX_EXAMPLE_CHARS = 1800;
const PAGE_LIMITS = { cloud: { pages: 6, elements: 12 }, local: { pages: 3, elements: 6 } } as const;

/** The user's own words keep their lines (attachments, lists); markers and delimiters are still removed. */
function requestLines(text: string): string[] {
  return sanitisePromptText(text)
    .split(/\r?\n/)
    .map((line) => clean(line, MAX_REQUEST_LINE));
}

function pagesBlock(pages: KnownPage[], tier: ModelTier): DataBlock {
  const limits = PAGE_LIMITS[tier];
  const lines = pages.slice(0, limits.pages).flatMap((page) => {
    const elements = page.elements ?? page.classifiedElements?.map((c) => c.element) ?? [];
    return [
      `page ${quoted(pathOf(page.url))} title ${quoted(page.title)}:`,
      ...elementLines(elements, limits.elements).map((line) => `  ${line}`),
    ];
  });
  return { label: 'KNOWN PAGES', lines };
}

function endpointsBlock(endpoints: ApiEndpoint[], tier: ModelTier): DataBlock {
  const lines = endpoints
    .slice(0, tier === 'cloud' ? 20 : 10)
    .flatMap((endpoint) => [
      `- ${clean(endpoint.method, 10)} ${quoted(endpoint.pathPattern)} (example ${quoted(endpoint.exampleUrls[0] ?? endpoint.pathPattern)})`,
      ...(endpoint.requestBodyExample
        ? [`  request example: ${clean(endpoint.requestBodyExample, MAX_EXAMPLE_CHARS)}`]
        : []),
      ...(endpoint.responseBodyExample
        ? [`  response example: ${clean(endpoint.responseBodyExample, MAX_EXAMPLE_CHARS)}`]
        : []),
    ]);
  return { label: 'ENDPOINTS', lines };
}

/** The endpoints a description names: an OpenAPI document (whole or attached) first, else the hints in its text. */
export function endpointsFromDescription(name: string, description: string): ApiEndpoint[] {
  const spec = extractAttachedSpec(description);
  const documented = spec ? (parseOpenApi(spec)?.endpoints ?? []) : [];
  return documented.length > 0 ? documented : parseEndpointHints(`${name}\n${description}`);
}

/**
 * Generate-from-description (ENGINE.md §2.10): one streamed call, so the dashboard can show the
 * reply as it is written, then parsed with the same reply schema as crawl generation. A request
 * about an HTTP API gets API tests (`request` fixture, "API: " names). Errors (a malformed reply,
 * a spent budget, an abort) are thrown to the caller, which reports them on the run.
 */
export async function describeRequestTests(
  model: JsonModel,
  request: DescribeRequest,
  options: DescribeOptions,
): Promise<CandidateTest[]> {
  const api = isApiIntent(`${request.name}\n${request.description}`);
  const endpoints = api ? endpointsFromDescription(request.name, request.description) : [];
  const prompt = describePrompt({
    tier: options.tier,
    request: {
      label: 'USER REQUEST',
      lines: [
        `name: ${quoted(request.name)}`,
        `application: ${quoted(request.appUrl)}`,
        'description:',
        ...requestLines(request.description),
      ],
    },
    ...(!api && request.pages?.length ? { pages: pagesBlock(request.pages, options.tier) } : {}),
    ...(endpoints.length ? { endpoints: endpointsBlock(endpoints, options.tier) } : {}),
    dialsFragment: buildDialsPrompt(request.dials),
    countText: describeCount(request.dials),
    api,
  });
  const text = await model.streamText({
    system: api ? apiSystemPrompt() : uiSystemPrompt(options.tier),
    prompt,
    onToken: options.onToken,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return parseTestsReply(text).map((test) =>
    toCandidate(test, {
      sourceUrl: request.appUrl,
      pageTitle: request.projectName ?? '',
      generatedFrom: api ? 'api_user_described' : 'ai_description',
      fixture: api ? 'request' : 'page',
      defaultType: api ? 'integration' : 'functional',
      fallbackName: request.name,
      ...(api ? { namePrefix: 'API: ' } : {}),
    }),
  );
}
