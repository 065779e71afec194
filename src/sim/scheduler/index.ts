/**
 * kube-scheduler v1.35, simulated. Public surface:
 *
 *   const fw = newFramework({ rng, listers })                     // default profile
 *   const cache = new SchedulerCache()                            // nodes + assigned pods
 *   const algo = new SchedulingAlgorithm(fw, { rng })             // one per scheduler
 *   const queue = new SchedulingQueue({ clock, framework: fw })
 *
 *   const qp = queue.pop()
 *   const out = algo.schedule(qp.podInfo, cache, { record: true })
 *   if (out.ok) { bind out.node; cache.assumePod(pod, out.node, qp.podInfo); queue.done(qp);
 *                 event Normal Scheduled scheduledEventMessage(pod, out.node) }
 *   else        { event Warning FailedScheduling truncateMessage(out.error.message);
 *                 PodScheduled=False reason out.reason message out.error.message;
 *                 status.nominatedNodeName = out.nominatedNodeName (null: unchanged);
 *                 delete out.victims; queue.addUnschedulableIfNotPresent(qp, out) }
 *
 * out.record (DecisionRecord) explains the decision node by node and plugin by plugin.
 */
export { newFramework, DefaultPlugins, InTreeRegistry, NOT_SIMULATED } from './framework/registry.ts';
export type { NewFrameworkOptions, PluginConfig, PluginFactory, Rng } from './framework/registry.ts';
export { Framework } from './framework/runtime.ts';
export type { FilterTraceEntry, ScoreRun } from './framework/runtime.ts';
export { SchedulerCache, getZoneKey } from './framework/cache.ts';
export { Snapshot } from './framework/snapshot.ts';
export { CycleState, stateKey } from './framework/cycle_state.ts';
export { Code, Status, Resource, PodInfo, NodeInfo, HostPortInfo, MaxNodeScore, MinNodeScore } from './framework/types.ts';
export {
  ActionType,
  FitError,
  NoNodesAvailableError,
  NodeToStatus,
  QueueingHint,
  matchClusterEvents,
  clusterEventLabel,
} from './framework/interface.ts';
export type {
  ClusterEvent,
  ClusterEventWithHint,
  ClusterListers,
  Diagnosis,
  FilterPlugin,
  Handle,
  NodeInfoLister,
  Plugin,
  PodNominator,
  PostFilterPlugin,
  PostFilterResult,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from './framework/interface.ts';
export { nodeSchedulingPropertiesChange, podSchedulingPropertiesChange } from './framework/events.ts';
export { SchedulingAlgorithm, scheduleOne, numFeasibleNodesToFind, selectHost, truncateMessage, scheduledEventMessage, NoteLengthLimit } from './schedule.ts';
export type { DecisionRecord, NodeDecision, ScheduleFailure, ScheduleOptions, ScheduleOutcome, ScheduleSuccess, ScoreView, StatusView } from './schedule.ts';
export { SchedulingQueue, DefaultPodInitialBackoffMs, DefaultPodMaxBackoffMs, DefaultPodMaxInUnschedulablePodsMs } from './queue.ts';
export type { Clock, QueuedPodInfo, QueueName, SchedulingQueueOptions } from './queue.ts';
export { runSchedulerBench } from './bench.ts';
export type { BenchOptions, BenchResult } from './bench.ts';
