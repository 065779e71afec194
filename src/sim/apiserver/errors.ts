/**
 * API errors as metav1.Status bodies, following apimachinery pkg/api/errors/errors.go.
 * `qualifiedResource` is "pods" for the core group and "deployments.apps" otherwise.
 */
import { errorBody, fieldErrorString, type FieldError } from '../api/validation/field.ts';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

export class ApiError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message);
    this.status = status;
  }
}

function status(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

export function qualified(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(group: string, resource: string, name: string): ApiError {
  return status(404, 'NotFound', `${qualified(group, resource)} "${name}" not found`, { name, group: group || undefined, kind: resource });
}

export function alreadyExists(group: string, resource: string, name: string): ApiError {
  return status(409, 'AlreadyExists', `${qualified(group, resource)} "${name}" already exists`, { name, group: group || undefined, kind: resource });
}

export function conflict(group: string, resource: string, name: string, err: string): ApiError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(group, resource)} "${name}": ${err}`, { name, group: group || undefined, kind: resource });
}

export function forbidden(group: string, resource: string, name: string, err: string): ApiError {
  return status(403, 'Forbidden', `${qualified(group, resource)} "${name}" is forbidden: ${err}`, { name, group: group || undefined, kind: resource });
}

export function badRequest(message: string): ApiError {
  return status(400, 'BadRequest', message);
}

export function methodNotSupported(group: string, resource: string, action: string): ApiError {
  return status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualified(group, resource)}"`, { group: group || undefined, kind: resource });
}

/** An HTTP method no route of the path serves (go-restful's 405; a GET on a create-only subresource). */
export function methodNotAllowed(): ApiError {
  return status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

export function internalError(message: string): ApiError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

/** NewInvalid: `Kind "name" is invalid: <aggregate of field errors>`. */
export function invalid(group: string, kind: string, name: string, errs: FieldError[]): ApiError {
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
  const strs = errs.map(fieldErrorString);
  const agg = strs.length === 1 ? strs[0] : `[${strs.join(', ')}]`;
  return status(422, 'Invalid', `${kind}${group ? '.' + group : ''} "${name}" is invalid: ${agg}`, { name, group: group || undefined, kind, causes });
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
