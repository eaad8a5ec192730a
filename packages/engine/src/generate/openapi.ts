import { parse as parseYaml } from 'yaml';
import type { ApiEndpoint } from '../discovery/types.js';

/**
 * Reads an OpenAPI 3.x or Swagger 2 document (JSON or YAML) into the same endpoint descriptors the
 * crawler records from live traffic, with request and response examples synthesised from the
 * schemas, so API tests can be generated for endpoints nobody has clicked through yet.
 */

export interface OpenApiImport {
  title: string;
  /** Base URLs the spec declares, variables filled with their defaults; may be relative ("/v1"). */
  servers: string[];
  endpoints: ApiEndpoint[];
}

type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const MAX_DEPTH = 12;
const EXAMPLE_KEYS = new Set(['example', 'examples', 'default']);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asObject = (value: unknown): Json => (isObject(value) ? value : {});

/** Follows local `#/…` pointers until it reaches a non-reference, refusing to go round in circles. */
function deref(doc: Json, value: unknown, seen: ReadonlySet<string> = new Set()): Json | undefined {
  if (!isObject(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  if (!ref.startsWith('#/') || seen.has(ref)) return undefined;
  let target: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) || Array.isArray(target) ? (target as Json)[key] : undefined;
  }
  return deref(doc, target, new Set([...seen, ref]));
}

/** Schemas the walker is inside of, by object identity, so recursive models stop instead of looping. */
type Trail = ReadonlySet<object>;

/** An `allOf` flattened into one schema: properties and `required` merged, other keys from the parts. */
function mergeAllOf(doc: Json, schema: Json, trail: Trail): Json {
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: Json = { ...schema, allOf: undefined };
  const properties: Json = { ...asObject(schema.properties) };
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const part of schema.allOf) {
    const resolved = deref(doc, part);
    if (!resolved || trail.has(resolved)) continue;
    const flat = mergeAllOf(doc, resolved, new Set([...trail, resolved]));
    Object.assign(properties, asObject(flat.properties));
    if (Array.isArray(flat.required)) flat.required.forEach((name) => required.add(name));
    // A part's own example describes only that part, not the merged whole.
    for (const [key, value] of Object.entries(flat)) {
      if (!(key in merged) && !EXAMPLE_KEYS.has(key)) merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  if (!merged.type && merged.properties) merged.type = 'object';
  return merged;
}

function stringExample(schema: Json): string {
  switch (schema.format) {
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    case 'date-time':
      return '2024-01-15T09:30:00Z';
    case 'date':
      return '2024-01-15';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'hostname':
      return 'example.com';
    case 'ipv4':
      return '192.0.2.1';
    default:
      return 'string';
  }
}

function numberExample(schema: Json): number {
  if (typeof schema.minimum === 'number') return schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + 1;
  if (typeof schema.maximum === 'number' && schema.maximum < 1) return schema.maximum;
  return 1;
}

/**
 * An example value for a schema: its `example`, else `default`, else the first `enum` value, else one
 * made up from its type and format. Objects list their required properties (all properties when
 * the schema names none as required), so an assertion on them holds for every valid response.
 * `undefined` means no example can be given (an external or circular reference).
 */
function exampleFromSchema(doc: Json, value: unknown, trail: Trail = new Set()): unknown {
  const resolved = deref(doc, value);
  if (!resolved || trail.has(resolved) || trail.size > MAX_DEPTH) return undefined;
  const inner = new Set([...trail, resolved]);
  const schema = mergeAllOf(doc, resolved, inner);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return exampleFromSchema(doc, options[0], inner);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((candidate) => candidate !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringExample(schema);
    case 'integer':
    case 'number':
      return numberExample(schema);
    case 'boolean':
      return true;
    case 'array': {
      const item = exampleFromSchema(doc, schema.items, inner);
      return item === undefined ? [] : [item];
    }
    case 'object':
      return objectExample(doc, schema, inner);
    case 'null':
      return null;
    default:
      return schema.items ? exampleFromSchema(doc, { ...schema, type: 'array' }, trail) : undefined;
  }
}

function objectExample(doc: Json, schema: Json, trail: Trail): Json {
  const properties = asObject(schema.properties);
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : [];
  const names = required.length > 0 ? required : Object.keys(properties);
  const example: Json = {};
  for (const name of names) {
    const value = name in properties ? exampleFromSchema(doc, properties[name], trail) : 'string';
    if (value !== undefined) example[name] = value;
  }
  return example;
}

const jsonType = (types: string[]) => types.find((type) => /[/+]json\b/i.test(type));

/** The example of one JSON media type object (OpenAPI 3) or schema holder (Swagger 2), as JSON text. */
function mediaExample(doc: Json, media: Json): string | null {
  let value: unknown = media.example;
  if (value === undefined && isObject(media.examples)) {
    const first = deref(doc, Object.values(media.examples)[0]);
    value = first?.value;
  }
  if (value === undefined) value = exampleFromSchema(doc, media.schema);
  return toJson(value);
}

/** JSON text of an example; null for none, or for one that cannot be written (a YAML alias cycle). */
function toJson(value: unknown): string | null {
  if (value === undefined) return null;
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

interface Body {
  contentType: string;
  example: string | null;
}

function openApi3Body(doc: Json, holder: unknown): Body | undefined {
  const content = asObject(deref(doc, holder)?.content);
  const type = jsonType(Object.keys(content));
  if (!type) return undefined;
  return { contentType: type, example: mediaExample(doc, asObject(content[type])) };
}

function swagger2Response(doc: Json, holder: unknown, produces: string[]): Body | undefined {
  const response = deref(doc, holder);
  if (!response?.schema) return undefined;
  const type = jsonType(produces) ?? (produces.length === 0 ? 'application/json' : undefined);
  if (!type) return undefined;
  const examples = asObject(response.examples);
  const given = examples[type];
  return { contentType: type, example: given === undefined ? mediaExample(doc, response) : toJson(given) };
}

/** Numeric statuses, with `2XX`-style ranges read as their first code. */
function statusesOf(responses: Json, method: string): number[] {
  const codes = Object.keys(responses)
    .map((code) => (/^[1-5]xx$/i.test(code) ? Number(code[0]) * 100 : Number(code)))
    .filter((code) => Number.isInteger(code) && code >= 100 && code < 600);
  if (codes.length > 0) return [...new Set(codes)].sort((a, b) => a - b);
  return method === 'get' ? [200] : [200, 201];
}

/** Response codes in the order their body is the most telling example: 200, 201, other 2xx, default. */
function responseOrder(responses: Json): string[] {
  const success = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort((a, b) => Number(a) - Number(b));
  return [...success, ...Object.keys(responses).filter((code) => /^2xx$/i.test(code)), 'default'];
}

function parameterValue(doc: Json, parameter: Json): string {
  const source = parameter.schema ?? parameter;
  const value = parameter.example ?? exampleFromSchema(doc, source);
  if (value === undefined || value === null || typeof value === 'object') return '1';
  if (value === 'string') return 'example';
  return String(value);
}

function parametersOf(doc: Json, pathItem: Json, operation: Json): Json[] {
  const byKey = new Map<string, Json>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const parameter = deref(doc, item);
      if (parameter) byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
    }
  }
  return [...byKey.values()];
}

/** The path with its `{params}` filled in and required query parameters appended. */
function exampleUrl(doc: Json, base: string, path: string, parameters: Json[]): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const parameter = parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
    return encodeURIComponent(parameter ? parameterValue(doc, parameter) : '1');
  });
  const query = parameters
    .filter((parameter) => parameter.in === 'query' && parameter.required === true)
    .map(
      (parameter) =>
        `${encodeURIComponent(String(parameter.name))}=${encodeURIComponent(parameterValue(doc, parameter))}`,
    );
  return `${base.replace(/\/+$/, '')}${filled}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

function serversOf(doc: Json): string[] {
  if (typeof doc.swagger === 'string') {
    if (typeof doc.host !== 'string') return typeof doc.basePath === 'string' ? [doc.basePath] : [];
    const scheme = Array.isArray(doc.schemes) && typeof doc.schemes[0] === 'string' ? doc.schemes[0] : 'https';
    return [`${scheme}://${doc.host}${typeof doc.basePath === 'string' ? doc.basePath : ''}`];
  }
  if (!Array.isArray(doc.servers)) return [];
  return doc.servers.flatMap((server) => {
    if (!isObject(server) || typeof server.url !== 'string') return [];
    const variables = asObject(server.variables);
    return [
      server.url.replace(/\{([^}]+)\}/g, (match, name: string) => String(asObject(variables[name]).default ?? match)),
    ];
  });
}

function parseDocument(text: string): Json | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    // Not JSON; try YAML below.
  }
  try {
    const parsed: unknown = parseYaml(text, { maxAliasCount: 100, logLevel: 'error' });
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The endpoints of an OpenAPI 3.x or Swagger 2 document; null when the text is not one (it must
 * declare `openapi: 3…` or `swagger: 2…` and have a `paths` object).
 */
export function parseOpenApi(text: string): OpenApiImport | null {
  const doc = parseDocument(text.trim());
  if (!doc || !isObject(doc.paths)) return null;
  const swagger2 = /^2\./.test(String(doc.swagger ?? ''));
  if (!swagger2 && !/^3\./.test(String(doc.openapi ?? ''))) return null;

  const servers = serversOf(doc);
  const base = servers[0] ?? '';
  const globalProduces = Array.isArray(doc.produces) ? doc.produces.map(String) : [];
  const endpoints: ApiEndpoint[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const pathItem = deref(doc, rawItem);
    if (!pathItem) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const parameters = parametersOf(doc, pathItem, operation);
      const responses = asObject(operation.responses);
      const produces = Array.isArray(operation.produces) ? operation.produces.map(String) : globalProduces;
      const response = responseOrder(responses)
        .map((code) =>
          swagger2 ? swagger2Response(doc, responses[code], produces) : openApi3Body(doc, responses[code]),
        )
        .find((body) => body !== undefined);
      const bodyParameter = parameters.find((parameter) => parameter.in === 'body');
      const requestExample = swagger2
        ? bodyParameter && mediaExample(doc, bodyParameter)
        : openApi3Body(doc, operation.requestBody)?.example;
      endpoints.push({
        method: method.toUpperCase(),
        pathPattern: path.replace(/\{([^}]+)\}/g, ':$1'),
        exampleUrls: [exampleUrl(doc, base, path, parameters)],
        statuses: statusesOf(responses, method),
        contentType: response?.contentType ?? 'application/json',
        requestBodyExample: requestExample ?? null,
        responseBodyExample: response?.example ?? null,
        callCount: 1,
        avgDurationMs: 0,
        pageUrls: [],
      });
    }
  }
  const title = asObject(doc.info).title;
  return { title: typeof title === 'string' ? title : '', servers, endpoints };
}

const ATTACHMENT = /^--- Attached file: (.+?) ---\r?\n/gm;

/**
 * The first OpenAPI document in a generation request's description: the whole description, or one
 * of the `--- Attached file: <name> ---` blocks the dashboard appends. Returns the document's text.
 */
export function extractAttachedSpec(description: string): string | null {
  if (parseOpenApi(description)) return description.trim();
  const starts = [...description.matchAll(ATTACHMENT)];
  for (const [index, match] of starts.entries()) {
    const begin = match.index + match[0].length;
    const end = starts[index + 1]?.index ?? description.length;
    const content = description.slice(begin, end).trim();
    if (parseOpenApi(content)) return content;
  }
  return null;
}
