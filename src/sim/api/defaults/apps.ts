/** Defaults of apps/v1 workloads (pkg/apis/apps/v1/defaults.go). */
import type { KubeObject } from '../object.ts';
import { defaultPodTemplate } from './core.ts';

type Obj = Record<string, unknown>;

export function defaultDeployment(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {}) as Obj;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Obj;
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(spec.template as Obj | undefined);
}

export function defaultReplicaSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  spec.replicas ??= 1;
  defaultPodTemplate(spec.template as Obj | undefined);
}

export function defaultDaemonSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  const strategy = (spec.updateStrategy ??= {}) as Obj;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {}) as Obj;
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template as Obj | undefined);
}
