/** printPod (pkg/printers/internalversion/printers.go): READY, STATUS, RESTARTS as `kubectl get pods` shows them. */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { humanDuration } from './duration.ts';

export interface PodRow {
  ready: string;
  status: string;
  restarts: string;
}

export function podRow(pod: Pod, nowMs: number): PodRow {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const restartableInit = new Set((spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let totalContainers = (spec.containers ?? []).length + restartableInit.size;
  let readyContainers = 0;
  let restarts = 0;
  let lastRestart = 0;

  let reason = status.phase ?? '';
  if (status.reason) reason = status.reason;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const bump = (cs: ContainerStatus) => {
    restarts += cs.restartCount ?? 0;
    const t = cs.lastState?.terminated?.finishedAt;
    if (t) lastRestart = Math.max(lastRestart, Date.parse(t));
  };

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    bump(cs);
    if (restartableInit.has(cs.name)) {
      if (cs.started && cs.ready) readyContainers++;
    }
    const term = cs.state?.terminated;
    const wait = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (restartableInit.has(cs.name) && cs.started) continue;
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
      initializing = true;
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing) {
    restarts = 0;
    for (const cs of initStatuses) if (restartableInit.has(cs.name)) bump(cs);
    let hasRunning = false;
    const cstats = status.containerStatuses ?? [];
    for (let i = cstats.length - 1; i >= 0; i--) {
      const cs = cstats[i];
      bump(cs);
      const wait = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term && !term.reason) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  const restartsStr = lastRestart ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts);
  if (totalContainers === 0) totalContainers = 0;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}
