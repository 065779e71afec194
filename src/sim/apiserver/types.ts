import type { KubeObject } from '../api/object.ts';
import type { ResourceInfo } from '../api/resources.ts';
import type { FieldError } from '../api/validation/field.ts';
import type { Clock } from '../clock/clock.ts';
import type { Rng } from '../clock/rng.ts';
import type { Store } from '../store/store.ts';

/** One REST call, shaped like the HTTP request kube-apiserver receives. */
export interface ApiRequest {
  verb: 'create' | 'get' | 'list' | 'update' | 'patch' | 'delete' | 'deletecollection';
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  body?: unknown;
  /** For patch: the patch type. */
  patchType?: 'json' | 'merge' | 'strategic' | 'apply';
  dryRun?: boolean;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  fieldManager?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Other query parameters (subresource options: pods/log `container`, `tailLines`; pods/exec `command`…). */
  query?: Record<string, string | string[] | undefined>;
  /** Delete options. */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** For update: create the object when it does not exist (as PUT on some resources). */
  force?: boolean;
}

export interface ApiResponse {
  code: number;
  body: unknown;
  warnings?: string[];
}

/** What registry strategies and admission plugins can use. */
export interface ServerContext {
  store: Store;
  clock: Clock;
  rng: Rng;
  /** Read an object straight from storage (no copy; frozen). */
  read(info: ResourceInfo, namespace: string | undefined, name: string): KubeObject | undefined;
  list(info: ResourceInfo, namespace: string | undefined): KubeObject[];
  now(): string;
  /** The API group of the request being served, if any ('' for the core group). */
  requestGroup?(): string;
}

export interface Strategy {
  /** Versioned defaults (SetDefaults_*), applied on decode. */
  defaults?(obj: KubeObject, ctx: ServerContext): void;
  /** Clear status, set generation, allocate fields (PrepareForCreate). */
  prepareForCreate?(obj: KubeObject, ctx: ServerContext): void;
  validate?(obj: KubeObject, ctx: ServerContext): FieldError[];
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: ServerContext): void;
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: ServerContext): FieldError[];
  /** Status subresource update: keep spec from `old`. */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject): void;
  /**
   * The create or update that prepareForCreate/prepareForUpdate allocated for ends: `stored` true when
   * it was written (free what `old` held and `obj` no longer does), false when it was not (dry run,
   * validation, conflict: free what was allocated for `obj` and `old` does not hold). The allocators'
   * transaction (pkg/registry/core/service/storage: txn Commit/Revert).
   */
  finishWrite?(obj: KubeObject, old: KubeObject | undefined, stored: boolean): void;
  /** REST.Delete's own refusal before the store is asked (system PriorityClasses); throws ApiError. */
  beforeDelete?(name: string): void;
  /** Called after a successful delete (free allocated IPs/ports). */
  afterDelete?(obj: KubeObject, ctx: ServerContext): void;
  /** True when deleting must wait for a controller (namespaces with spec.finalizers); marks the object. */
  pendingDelete?(obj: KubeObject): boolean;
  /** Graceful deletion: default grace period in seconds (pods: spec.terminationGracePeriodSeconds). */
  gracePeriod?(obj: KubeObject, requested?: number): number | undefined;
}

export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  info: ResourceInfo;
  subresource?: string;
  namespace?: string;
  name: string;
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
}

export interface AdmissionPlugin {
  name: string;
  /** Mutating phase: may change attrs.object; throws ApiError to reject. */
  admit?(attrs: AdmissionAttributes, ctx: ServerContext): void;
  /** Validating phase: throws ApiError to reject. */
  validate?(attrs: AdmissionAttributes, ctx: ServerContext): void;
}
