import type { paths } from './schema';

/**
 * Shapes of API answers and bodies, read from the types generated from the server's OpenAPI
 * document (`npm run api:types`), so no response shape is copied by hand.
 */
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Responses<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON a route answers on success (200, 201 or 202). */
export type ApiResult<P extends keyof paths, M extends Method = 'get'> =
  Responses<P, M> extends infer R
    ? R extends { 200: infer Ok }
      ? JsonOf<Ok>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : R extends { 202: infer Accepted }
          ? JsonOf<Accepted>
          : never
    : never;

/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type User = ApiResult<'/auth/me'>;
export type Project = ApiResult<'/projects/{id}'>;
export type Run = ApiResult<'/runs/{runId}'>;
export type RunResult = Run['results'][number];
export type Schedule = NonNullable<ApiResult<'/projects/{id}/schedule'>['schedule']>;
export type Notifications = NonNullable<ApiResult<'/projects/{id}/notifications'>['notifications']>;
export type TriggerToken = ApiResult<'/projects/{id}/trigger-tokens'>[number];
export type WorkspaceRole = NonNullable<User['workspaceRole']>;
