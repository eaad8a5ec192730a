import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import type { ApiEndpoint } from '../discovery/types.js';
import { extractAttachedSpec, parseOpenApi } from './openapi.js';

const petStore = {
  openapi: '3.0.3',
  info: { title: 'Pet Store', version: '1' },
  servers: [{ url: 'https://{region}.pets.example/v1/', variables: { region: { default: 'eu' } } }, { url: '/v2' }],
  paths: {
    '/pets': {
      get: {
        parameters: [
          { name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 10 } },
          { name: 'sort', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '500': { description: 'broken' },
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
          },
        },
      },
      post: {
        requestBody: { $ref: '#/components/requestBodies/NewPet' },
        responses: { '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      },
    },
    '/pets/{petId}/owners/{ownerId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: {
        parameters: [{ name: 'ownerId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '2XX': { content: { 'application/problem+json': { example: { id: 7, email: 'ann@example.com' } } } },
          '404': { description: 'missing' },
        },
      },
      delete: { responses: {} },
    },
    '/tree': {
      get: {
        responses: { default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
      },
    },
  },
  components: {
    requestBodies: {
      NewPet: {
        content: {
          'application/json': { examples: { rex: { value: { name: 'Rex', tag: 'dog' } }, tom: { value: {} } } },
        },
      },
    },
    schemas: {
      Pet: {
        allOf: [
          { $ref: '#/components/schemas/Entity' },
          {
            type: 'object',
            required: ['name', 'status', 'owner', 'tags'],
            properties: {
              name: { type: 'string', example: 'Rex' },
              status: { type: 'string', enum: ['available', 'sold'] },
              nickname: { type: 'string' },
              owner: { $ref: '#/components/schemas/Owner' },
              tags: { type: 'array', items: { type: 'string', default: 'friendly' } },
            },
          },
        ],
      },
      Entity: {
        type: 'object',
        example: { id: 99 },
        required: ['id', 'createdAt'],
        properties: { id: { type: 'integer' }, createdAt: { type: 'string', format: 'date-time' } },
      },
      Owner: {
        type: 'object',
        properties: {
          email: { type: 'string', format: 'email' },
          verified: { type: 'boolean' },
          address: { $ref: '#/components/schemas/Address' },
        },
      },
      Address: { type: 'object', required: ['city'], properties: { city: { type: 'string', default: 'Lisbon' } } },
      Node: {
        type: 'object',
        required: ['label', 'children', 'parent'],
        properties: {
          label: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
          parent: { $ref: '#/components/schemas/Node' },
        },
      },
    },
  },
};

const byRoute = (endpoints: ApiEndpoint[], method: string, pattern: string) => {
  const found = endpoints.find((endpoint) => endpoint.method === method && endpoint.pathPattern === pattern);
  if (!found) throw new Error(`no ${method} ${pattern}`);
  return found;
};

const bodyOf = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

describe('parseOpenApi with OpenAPI 3', () => {
  const parsed = parseOpenApi(JSON.stringify(petStore));
  const endpoints = parsed?.endpoints ?? [];

  it('reads the title, the servers with their variables filled, and every operation', () => {
    expect(parsed?.title).toBe('Pet Store');
    expect(parsed?.servers).toEqual(['https://eu.pets.example/v1/', '/v2']);
    expect(endpoints.map((endpoint) => `${endpoint.method} ${endpoint.pathPattern}`)).toEqual([
      'GET /pets',
      'POST /pets',
      'GET /pets/:petId/owners/:ownerId',
      'DELETE /pets/:petId/owners/:ownerId',
      'GET /tree',
    ]);
  });

  it('fills path and required query parameters into an example URL on the first server', () => {
    expect(byRoute(endpoints, 'GET', '/pets').exampleUrls).toEqual(['https://eu.pets.example/v1/pets?limit=10']);
    expect(byRoute(endpoints, 'GET', '/pets/:petId/owners/:ownerId').exampleUrls).toEqual([
      'https://eu.pets.example/v1/pets/3fa85f64-5717-4562-b3fc-2c963f66afa6/owners/1',
    ]);
  });

  it('lists numeric statuses in order, reading 2XX as 200 and defaulting when none are given', () => {
    expect(byRoute(endpoints, 'GET', '/pets').statuses).toEqual([200, 500]);
    expect(byRoute(endpoints, 'GET', '/pets/:petId/owners/:ownerId').statuses).toEqual([200, 404]);
    expect(byRoute(endpoints, 'DELETE', '/pets/:petId/owners/:ownerId').statuses).toEqual([200, 201]);
    expect(byRoute(endpoints, 'GET', '/tree').statuses).toEqual([200]);
  });

  it('synthesises examples through nested references, allOf, enums, defaults and formats', () => {
    const pet = {
      id: 1,
      createdAt: '2024-01-15T09:30:00Z',
      name: 'Rex',
      status: 'available',
      owner: { email: 'user@example.com', verified: true, address: { city: 'Lisbon' } },
      tags: ['friendly'],
    };
    expect(bodyOf(byRoute(endpoints, 'GET', '/pets').responseBodyExample)).toEqual([pet]);
    expect(bodyOf(byRoute(endpoints, 'POST', '/pets').responseBodyExample)).toEqual(pet);
    expect(byRoute(endpoints, 'GET', '/pets').contentType).toBe('application/json');
  });

  it('prefers given examples and keeps the JSON media type that was declared', () => {
    const owners = byRoute(endpoints, 'GET', '/pets/:petId/owners/:ownerId');
    expect(bodyOf(owners.responseBodyExample)).toEqual({ id: 7, email: 'ann@example.com' });
    expect(owners.contentType).toBe('application/problem+json');
    expect(bodyOf(byRoute(endpoints, 'POST', '/pets').requestBodyExample)).toEqual({ name: 'Rex', tag: 'dog' });
    expect(byRoute(endpoints, 'GET', '/pets').requestBodyExample).toBeNull();
    expect(byRoute(endpoints, 'DELETE', '/pets/:petId/owners/:ownerId').responseBodyExample).toBeNull();
  });

  it('stops at recursive schemas instead of looping', () => {
    expect(bodyOf(byRoute(endpoints, 'GET', '/tree').responseBodyExample)).toEqual({ label: 'string', children: [] });
  });

  it('reads the same document written in YAML', () => {
    expect(parseOpenApi(toYaml(petStore))).toEqual(parsed);
  });
});

describe('parseOpenApi with Swagger 2', () => {
  const swagger = `
swagger: "2.0"
info: { title: Legacy }
host: api.legacy.example
basePath: /api
schemes: [http]
produces: [application/json]
paths:
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, type: integer, minimum: 5 }
      responses:
        "200": { description: ok, schema: { $ref: "#/definitions/User" } }
  /users:
    post:
      parameters:
        - { name: body, in: body, schema: { $ref: "#/definitions/User" } }
      responses:
        "201": { description: created, examples: { application/json: { id: 5 } }, schema: { type: object } }
definitions:
  User:
    type: object
    required: [id, email]
    properties:
      id: { type: integer }
      email: { type: string, format: email }
`;

  it('builds the server from host, basePath and scheme and reads definitions and body parameters', () => {
    const parsed = parseOpenApi(swagger);
    expect(parsed?.title).toBe('Legacy');
    expect(parsed?.servers).toEqual(['http://api.legacy.example/api']);
    const [get, post] = parsed?.endpoints ?? [];
    expect(get).toMatchObject({
      method: 'GET',
      pathPattern: '/users/:id',
      exampleUrls: ['http://api.legacy.example/api/users/5'],
      statuses: [200],
      callCount: 1,
      avgDurationMs: 0,
      pageUrls: [],
    });
    expect(bodyOf(get?.responseBodyExample ?? null)).toEqual({ id: 1, email: 'user@example.com' });
    expect(bodyOf(post?.requestBodyExample ?? null)).toEqual({ id: 1, email: 'user@example.com' });
    expect(bodyOf(post?.responseBodyExample ?? null)).toEqual({ id: 5 });
  });
});

describe('parseOpenApi refusals', () => {
  it('returns null for prose and for documents that are not OpenAPI', () => {
    expect(parseOpenApi('Please test the login API thoroughly.')).toBeNull();
    expect(parseOpenApi('{"openapi":"3.0.0","info":{"title":"x"}}')).toBeNull();
    expect(parseOpenApi('{"openapi":"4.0.0","paths":{}}')).toBeNull();
    expect(parseOpenApi('openapi: 3.0.0\npaths: {\n  - ]')).toBeNull();
    expect(parseOpenApi('[1, 2]')).toBeNull();
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1) {
      levels.push(`l${level}: &l${level} [${new Array(9).fill(`*l${level - 1}`).join(', ')}]`);
    }
    expect(parseOpenApi(`openapi: 3.0.0\npaths: {}\n${levels.join('\n')}`)).toBeNull();
  });
});

describe('extractAttachedSpec', () => {
  const yamlSpec = toYaml({ openapi: '3.1.0', info: { title: 'A' }, paths: { '/health': { get: { responses: {} } } } });

  it('finds a spec attached after the user text and other attachments', () => {
    const description = [
      'Write contract tests for the health API.',
      '--- Attached file: notes.txt ---',
      'Remember: staging is flaky.',
      '--- Attached file: openapi.yaml ---',
      yamlSpec,
      '--- Attached file: other.md ---',
      '# Other',
    ].join('\n');
    const spec = extractAttachedSpec(description);
    expect(spec).toBe(yamlSpec.trim());
    expect(parseOpenApi(spec ?? '')?.endpoints.map((endpoint) => endpoint.pathPattern)).toEqual(['/health']);
  });

  it('accepts a description that is itself a spec and gives null when there is none', () => {
    const json = JSON.stringify(petStore);
    expect(extractAttachedSpec(`  ${json}\n`)).toBe(json);
    expect(extractAttachedSpec('Test GET /api/items\n--- Attached file: a.txt ---\nhello')).toBeNull();
  });
});
