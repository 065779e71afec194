// The objects kubectl builds on the client side: run, create <kind>, expose.
export { formatGenError, nameFromArgs, type GenResult, type GenError, type GenOk, type Obj } from './common.ts';
export { generateRunPod, generateRunService, validateRun, type RunFlags } from './run.ts';
export {
  createDeployment,
  createService,
  createNamespace,
  createServiceAccount,
  createPriorityClass,
  createQuota,
  createJob,
  createCronJob,
  suffixFrom,
  type CreateDeploymentFlags,
  type CreateServiceFlags,
  type ServiceKind,
  type CreateQuotaFlags,
  type CreateJobFlags,
  type CreateCronJobFlags,
} from './create.ts';
export {
  createConfigMap,
  createSecretGeneric,
  createSecretDockerRegistry,
  createSecretTLS,
  type FileAccess,
  type CreateConfigMapFlags,
  type CreateSecretGenericFlags,
  type CreateSecretDockerRegistryFlags,
  type CreateSecretTLSFlags,
} from './data.ts';
export {
  createRole,
  createClusterRole,
  createRoleBinding,
  createClusterRoleBinding,
  type ResourceFor,
  type CreateRoleFlags,
  type CreateRoleBindingFlags,
} from './rbac.ts';
export {
  generateExpose,
  generateService,
  canBeExposed,
  mapBasedSelectorForObject,
  portsForObject,
  protocolsForObject,
  type ExposeFlags,
  type ServiceParams,
} from './expose.ts';
export { applyOverrides, mergePatch, strategicMergePatch, jsonPatch } from './overrides.ts';
