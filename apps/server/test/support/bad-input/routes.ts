import fc from 'fast-check';
import {
  HOSTILE_KEYS,
  MALFORMED_JSON,
  WRONG_TYPES,
  HOSTILE_QUERY_VALUES,
  encodeSegment,
  ODD_CONTENT_TYPES,
  ODD_JSON,
  REFUSED_CONTENT_TYPES,
  hostileHeaderValue,
  invalidSegment,
  jsonFragment,
  jsonObject,
  queryString,
} from './nasty.js';
import { describeRequest, type RawRequest, type Seeded } from './world.js';

/** One operation of the OpenAPI document, with what the generator needs to know about it. */
export interface Operation {
  /** `METHOD /path/{param}` as in the document. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Names the body schema declares (or that the handler reads); null when the route takes no body. */
  bodyFields: string[] | null;
  /** Answers with Server-Sent Events. */
  streams: boolean;
  /** Takes a project's CI trigger token instead of a session. */
  trigger: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/**
 * Body fields the handler reads although the schema leaves the body open
 * (`additionalProperties: true` with no named properties): the service validates them itself.
 */
const HANDLER_FIELDS: Record<string, string[]> = {
  'POST /projects/{id}/tests': ['name', 'description', 'steps', 'playwrightCode', 'priority', 'type', 'tags'],
  'PATCH /tests/{testId}': [
    'name',
    'description',
    'steps',
    'playwrightCode',
    'priority',
    'type',
    'tags',
    'linkedIssueKey',
    'scenario',
  ],
  'POST /projects/{id}/tests/bulk': ['testIds', 'action'],
};

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [lower, operation] of Object.entries(methods)) {
      const method = lower.toUpperCase();
      const key = `${method} ${path}`;
      const parameters = operation.parameters ?? [];
      const body = operation.requestBody?.content?.['application/json']?.schema;
      const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1];
      operations.push({
        key,
        method,
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        bodyFields: body ? [...new Set([...Object.keys(body.properties ?? {}), ...(HANDLER_FIELDS[key] ?? [])])] : null,
        streams: Object.keys(success?.content ?? {}).includes('text/event-stream'),
        trigger: /^\/projects\/\{id\}\/trigger(\/|$)/.test(path),
      });
    }
  }
  return operations;
}

/** How a route is driven. */
export interface Policy {
  /**
   * Every request names at least one thing that does not exist (a route that changes data and
   * has no body to get wrong: with real ids only, the request would simply be valid).
   */
  someParamInvalid: boolean;
  /**
   * Only the transport is wrong (malformed JSON, a foreign content type, an oversized body): a
   * data-changing route with neither parameters nor body, such as DELETE /data/runs.
   */
  transportOnly: boolean;
  /** Starts a crawl or run in Chromium when valid: never an empty body. */
  expensive: boolean;
  /** Ends, rotates or replaces the session it is called with: each request gets a fresh one. */
  freshSession: boolean;
}

const EXPENSIVE = new Set([
  'POST /projects/{id}/run',
  'POST /projects/{id}/crawl',
  'POST /projects/{id}/trigger',
  'POST /tests/{testId}/run',
  'POST /projects/{id}/tests/generate',
]);
const FRESH_SESSION = new Set(['POST /auth/logout', 'POST /auth/refresh', 'POST /workspaces/switch']);

export function policyOf(operation: Operation): Policy {
  const mutates = operation.method !== 'GET';
  const bodyless = operation.bodyFields === null;
  return {
    someParamInvalid: mutates && bodyless && operation.pathParams.length > 0,
    transportOnly: mutates && bodyless && operation.pathParams.length === 0,
    expensive: EXPENSIVE.has(operation.key),
    freshSession: FRESH_SESSION.has(operation.key),
  };
}

/** Values a path parameter may take that name something real, by route and parameter name. */
export function knownValues(operation: Operation, name: string, seed: Seeded): string[] {
  const binned = operation.path.startsWith('/restore/') || operation.path.startsWith('/purge/');
  switch (name) {
    case 'id':
      return binned ? [seed.binnedTestId, seed.projectId] : [seed.projectId];
    case 'testId':
      return seed.testIds;
    case 'runId':
      return seed.runIds;
    case 'userId':
      return [seed.member.userId];
    case 'tid':
      return [seed.tokenId];
    case 'type':
      return ['test', 'project', 'run'];
    case 'provider':
      return ['openai', 'anthropic', 'google', 'local', 'ollama'];
    case 'stepNumber':
      return ['0', '1'];
    case 'browser':
      return ['chromium'];
    case 'file':
      return seed.artifactFiles.length > 0 ? seed.artifactFiles : ['final.png', 'trace.zip'];
    default:
      throw new Error(`No known values for path parameter "${name}" of ${operation.key}: add them here.`);
  }
}

/** Query values that mean something to the route, so its handler gets past them to the rest. */
function knownQueryValues(name: string, seed: Seeded): string[] {
  const values: Record<string, string[]> = {
    runs: [seed.runIds.join(','), seed.runIds[0] ?? ''],
    runId: seed.runIds,
    projectId: [seed.projectId],
    browser: ['chromium'],
    status: ['draft', 'approved'],
    reviewStatus: ['draft', 'all'],
    category: ['api', 'ui'],
    page: ['1', '2'],
    pageSize: ['10', '200'],
    limit: ['5'],
    stale: ['true'],
    search: ['Checkout'],
    type: ['test.create'],
    lastEventId: ['0', `${seed.runIds[0]}:0`],
  };
  return values[name] ?? [];
}

/**
 * Ids of another kind (a test id where a project id goes) and ids that exist but must be refused
 * here (the workspace's last admin), besides hostile text.
 */
function wrongValues(name: string, seed: Seeded): string[] {
  const all = [seed.projectId, ...seed.testIds, ...seed.runIds, seed.tokenId, seed.binnedTestId];
  if (name === 'userId') return [seed.admin.userId, ...all];
  const own: Record<string, string[]> = {
    id: [seed.projectId, seed.binnedTestId],
    testId: seed.testIds,
    runId: seed.runIds,
    tid: [seed.tokenId],
  };
  return all.filter((value) => !(own[name] ?? []).includes(value));
}

const OVERSIZED = JSON.stringify({ name: 'x'.repeat(1_100_000) });

/** Body kinds no route may accept: the transport itself is wrong. */
export const REFUSED_KINDS = new Set(['malformed JSON', 'refused content type', 'body over 1 MB']);

interface Body {
  contentType?: string;
  payload?: string;
  /** What the body is, for the failure report and for REFUSED_KINDS. */
  kind: string;
}

function bodyArbitrary(operation: Operation, policy: Policy): fc.Arbitrary<Body> {
  const json = (payload: string, kind: string): Body => ({ contentType: 'application/json', payload, kind });
  const refused: fc.WeightedArbitrary<Body>[] = [
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((text) => json(text, 'malformed JSON')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...REFUSED_CONTENT_TYPES), fc.constantFrom('{"name":"a"}', 'name=a', '<a/>'))
        .map(([contentType, payload]) => ({ contentType, payload, kind: 'refused content type' })),
    },
    { weight: 1, arbitrary: fc.constant(json(OVERSIZED, 'body over 1 MB')) },
  ];
  if (policy.transportOnly) return fc.oneof(...refused);

  const extraKeys = fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), jsonFragment), { maxLength: 2 });
  // Bodies that may well be read as `{}` or nothing: a valid request, unless the route needs more.
  const odd: fc.WeightedArbitrary<Body>[] = [
    { weight: 1, arbitrary: fc.constantFrom(...ODD_JSON).map((text) => json(text, 'odd JSON')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...ODD_CONTENT_TYPES), fc.constantFrom('{"name":"a"}', '{}', ''))
        .map(([contentType, payload]) => ({ contentType, payload, kind: 'odd content type' })),
    },
  ];
  const options: fc.WeightedArbitrary<Body>[] = [...refused, ...(policy.expensive ? [] : odd)];
  const fields = operation.bodyFields ?? [];
  if (fields.length > 0) {
    const members = fc.tuple(
      fc
        .subarray(fields, { minLength: 1 })
        .chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), jsonFragment)))),
      extraKeys,
    );
    options.push({
      weight: 10,
      arbitrary: members.map(([known, extra]) => json(jsonObject([...known, ...extra]), 'hostile field values')),
    });
  }
  if (operation.bodyFields !== null) {
    options.push({ weight: 2, arbitrary: jsonFragment.map((fragment) => json(fragment, 'not an object')) });
    if (!policy.expensive) {
      // Missing fields: nothing at all, an empty object, or only keys no schema names.
      options.push(
        { weight: 1, arbitrary: fc.constant<Body>({ kind: 'no body' }) },
        { weight: 1, arbitrary: fc.constant(json('{}', 'empty object')) },
        { weight: 1, arbitrary: extraKeys.map((extra) => json(jsonObject(extra), 'unknown keys only')) },
      );
    }
  } else {
    // A route without a body, sent one anyway.
    options.push(
      { weight: 3, arbitrary: fc.constant<Body>({ kind: 'no body' }) },
      { weight: 1, arbitrary: jsonFragment.map((fragment) => json(fragment, 'unexpected body')) },
    );
  }
  return fc.oneof(...options);
}

/**
 * Extra headers a client might send, each hostile; the credentials are added by the caller. A
 * forged session cookie is rarer: with a cookie, a write needs a CSRF token, so it stops there.
 */
const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    fc.subarray(['last-event-id', 'x-account-password', 'accept', 'x-forwarded-for'] as const, { maxLength: 2 }),
    fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  )
  .chain(([names, cookie]) =>
    fc.tuple(
      ...(cookie ? [...names, 'cookie' as const] : names).map((name) =>
        fc.tuple(fc.constant(name), hostileHeaderValue),
      ),
    ),
  )
  .map((pairs) =>
    Object.fromEntries(pairs.map(([name, value]) => [name, name === 'cookie' ? `access_token=${value}` : value])),
  );

export interface Generated {
  request: RawRequest;
  /** The body's kind, for the failure report. */
  kind: string;
}

/** fast-check prints a counterexample with its toString method: one line, not a megabyte of payload. */
function generated(kind: string, request: RawRequest): Generated {
  return Object.assign({ kind, request }, { [fc.toStringMethod]: () => describeRequest(request, kind) });
}

/** Requests with invalid input for one operation; credentials are filled in when sending. */
export function requestArbitrary(operation: Operation, policy: Policy, seed: Seeded): fc.Arbitrary<Generated> {
  const params = operation.pathParams;
  const choices = params.map((name) => {
    const known = fc.constantFrom(...knownValues(operation, name, seed));
    const wrong = wrongValues(name, seed);
    const invalid = wrong.length > 0 ? fc.oneof(invalidSegment, fc.constantFrom(...wrong)) : invalidSegment;
    return { known, invalid };
  });
  const segments =
    params.length === 0
      ? fc.constant<string[]>([])
      : fc.nat({ max: params.length - 1 }).chain((forced) =>
          fc.tuple(
            ...choices.map((choice, index) =>
              policy.someParamInvalid && index === forced
                ? choice.invalid
                : // Known ids most of the time, so the handler and its validation are reached.
                  fc.oneof({ weight: 3, arbitrary: choice.known }, { weight: 1, arbitrary: choice.invalid }),
            ),
          ),
        );
  const query = policy.transportOnly
    ? fc.constant('')
    : queryString(operation.queryParams, (name) => knownQueryValues(name, seed));
  return fc
    .record({ segments, query, body: bodyArbitrary(operation, policy), headers: extraHeaders })
    .map(({ segments: values, query: search, body, headers }) => {
      let path = operation.path;
      params.forEach((name, index) => {
        path = path.replace(`{${name}}`, values[index] ?? '');
      });
      const request: RawRequest = {
        method: operation.method,
        url: `/api/v1${path}${search}`,
        headers: { ...headers, ...(body.contentType !== undefined ? { 'content-type': body.contentType } : {}) },
        ...(body.payload !== undefined ? { payload: body.payload } : {}),
        stream: operation.streams,
      };
      return generated(body.kind, request);
    });
}

const SWEEP_CONTEXT = ['page', 'pageSize', 'runs'];

/**
 * Every body field alone with every wrong type, and every query parameter alone with every
 * hostile value, the rest of the request real: no earlier mistake in the same request can hide
 * how the handler treats this one.
 */
export function sweep(operation: Operation, policy: Policy, seed: Seeded): Generated[] {
  let path = operation.path;
  for (const name of operation.pathParams)
    path = path.replace(`{${name}}`, knownValues(operation, name, seed)[0] ?? '');
  const json = { 'content-type': 'application/json' };
  const fields = (operation.bodyFields ?? []).flatMap((field) =>
    WRONG_TYPES.map((value) =>
      generated('wrong type', {
        method: operation.method,
        url: `/api/v1${path}`,
        headers: json,
        payload: jsonObject([[field, value]]),
        stream: operation.streams,
      }),
    ),
  );
  // With real ids only, a write without a body to get wrong would be valid: no query sweep there.
  if (policy.someParamInvalid || policy.transportOnly || policy.expensive) return fields;
  // Only what the handler needs to get going (paging on, a run to stream), no filter that would
  // leave nothing to search.
  const real = (name: string) => {
    const value = SWEEP_CONTEXT.includes(name) ? knownQueryValues(name, seed)[0] : undefined;
    return value === undefined ? [] : [`${name}=${encodeSegment(value)}`];
  };
  const queries = operation.queryParams.flatMap((name) =>
    HOSTILE_QUERY_VALUES.map((value) => {
      const others = operation.queryParams.filter((other) => other !== name).flatMap(real);
      return generated('hostile query value', {
        method: operation.method,
        url: `/api/v1${path}?${[...others, value(name)].join('&')}`,
        headers: operation.method === 'GET' ? {} : json,
        ...(operation.method === 'GET' ? {} : { payload: '{}' }),
        stream: operation.streams,
      });
    }),
  );
  return [...fields, ...queries];
}
