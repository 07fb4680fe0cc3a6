import { z } from 'zod';
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiRequestBodyObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from './error-codes';

/**
 * Pins a response schema to the TypeScript interface the browser uses, in both directions:
 * a field the interface has and the schema lacks (or the reverse), or a field of another
 * type, is a compile error, so the OpenAPI document cannot drift from the types. (An optional
 * field on one side only is the one thing it does not catch.) Use it as
 * `describes<TopicPage>()(z.object({ ... }))`.
 */
export function describes<T>() {
  return <S extends z.ZodType<T>>(
    schema: S & ([T] extends [z.output<S>] ? unknown : { notInTheInterface: Exclude<keyof z.output<S>, keyof T> }),
  ) => schema;
}

/**
 * Pins a response schema to an interface in one direction: every value of the interface is
 * one the schema admits. For an answer that may hold more than the browser's type names.
 */
export function admits<T>() {
  return <S extends z.ZodType>(schema: S & ([T] extends [z.output<S>] ? unknown : { notAdmitted: T })) => schema;
}

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** The body of every failed call: `{ error: { code, message } }`, codes from the catalogue. */
export const apiErrorSchema = describes<ApiErrorBody>()(
  z
    .object({
      error: z.object({
        code: z.enum(codes).meta({ description: 'Stable: clients branch on it.' }),
        message: z.string().meta({ description: 'Plain words for people; never a stack or a secret.' }),
      }),
    })
    .meta({ id: 'ApiError', description: 'Every failed call answers this; the code says what failed, the message says it to people.' }),
);

/** The codes the catalogue gives `status`. */
function codesOf(status: number): ErrorCode[] {
  return codes.filter((code) => ERROR_CODES[code] === status);
}

const STATUS_WORDS: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign-in is configured and the request has no valid session, or a sign-in failed',
  403: "Refused: by the user's roles (the message names the role needed), a read-only cluster, Kafka's ACLs, the console's own rules (its own topics, the allowed connector classes), a missing CSRF token, or as a change sent from another site",
  404: 'No such thing',
  409: 'The state of things does not allow it now',
  413: 'Too large',
  415: 'The body is not JSON',
  429: 'Too many failed sign-ins: wait and try again',
  502: 'Kafka or Connect answered with an error',
  503: 'A cluster or Connect worker cannot be used now',
  504: 'No answer in time: the change may or may not have been applied',
};

/** An error response: the shared error schema, described with the catalogue's codes for it. */
function errorResponse(status: number | '4XX'): ZodOpenApiResponseObject {
  const words =
    status === '4XX'
      ? 'Kafka Connect refused the request; its own 4xx status is kept (CONNECT_BAD_REQUEST)'
      : `${STATUS_WORDS[status] ?? 'Failed'}: ${codesOf(status).join(', ')}`;
  return { description: words, content: { 'application/json': { schema: apiErrorSchema } } };
}

/** A 200 (or other) JSON answer. */
export function json(schema: z.ZodType, description = 'OK'): ZodOpenApiResponseObject {
  return { description, content: { 'application/json': { schema } } };
}

/** Which errors an operation can answer with, beyond validation (400). */
export interface ErrorSet {
  /** A route under `/clusters/{cluster}`: unknown clusters, Kafka refusing or not answering. */
  cluster?: boolean;
  /** A change: bodies that are too large or not JSON, outcomes unknown after a timeout. */
  change?: boolean;
  /** A route of a Kafka Connect worker: its own 4xx answers are passed on. */
  connect?: boolean;
  /** Further statuses (404 for a missing topic, 409 for a busy group…). */
  also?: number[];
}

/** The error responses of an operation, each with the shared error schema. */
export function errors({ cluster = true, change = false, connect = false, also = [] }: ErrorSet = {}): ZodOpenApiResponsesObject {
  const statuses = new Set([400, ...also]);
  if (cluster) [401, 403, 404, 502, 503].forEach((status) => statuses.add(status));
  if (change) [409, 413, 415, 504].forEach((status) => statuses.add(status));
  if (connect) [404, 409, 502, 503, 504].forEach((status) => statuses.add(status));
  const responses: ZodOpenApiResponsesObject = {};
  for (const status of [...statuses].sort()) responses[String(status) as `${1 | 2 | 3 | 4 | 5}${string}`] = errorResponse(status);
  if (connect) responses['4XX'] = errorResponse('4XX');
  return responses;
}

/** An operation: what it does, its tag, and its answers (success first, then the errors). */
export function operation(
  tag: string,
  summary: string,
  spec: Omit<ZodOpenApiOperationObject, 'responses' | 'tags' | 'summary'> & {
    ok: ZodOpenApiResponsesObject;
    errors?: ErrorSet;
  },
): ZodOpenApiOperationObject {
  const { ok, errors: errorSet, ...rest } = spec;
  return { tags: [tag], summary, ...rest, responses: { ...errors(errorSet), ...ok } };
}

/** A JSON request body; an optional one may be left out (a restart without options). */
export function requestBody(schema: z.ZodType, required = true): ZodOpenApiRequestBodyObject {
  return { required, content: { 'application/json': { schema } } };
}
