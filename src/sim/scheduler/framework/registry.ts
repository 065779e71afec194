/**
 * The in-tree plugin registry (pkg/scheduler/framework/plugins/registry.go) and the default profile
 * (pkg/scheduler/apis/config/v1/default_plugins.go, v1.35).
 *
 * Default MultiPoint order and score weights:
 *   SchedulingGates, PrioritySort, NodeUnschedulable, NodeName, TaintToleration (3),
 *   NodeAffinity (2), NodePorts, NodeResourcesFit (1), VolumeRestrictions, NodeVolumeLimits,
 *   VolumeBinding, VolumeZone, PodTopologySpread (2), InterPodAffinity (2), DefaultPreemption,
 *   NodeResourcesBalancedAllocation (1), ImageLocality (1), DefaultBinder
 * (DynamicResources is inserted before DefaultPreemption when DRA is on.)
 * The volume plugins, DynamicResources and DefaultBinder are not simulated: PersistentVolumes and
 * ResourceClaims are out of scope and binding is done by the caller through the API server; they
 * are listed in NOT_SIMULATED so a decision record can say so.
 */
import { Framework } from './runtime.ts';
import type { FrameworkOptions } from './runtime.ts';
import type { ClusterListers, Handle, NodeInfoLister, Plugin, PodNominator } from './interface.ts';
import { Snapshot } from './snapshot.ts';
import * as schedulinggates from '../plugins/schedulinggates.ts';
import * as prioritysort from '../plugins/prioritysort.ts';
import * as nodeunschedulable from '../plugins/nodeunschedulable.ts';
import * as nodename from '../plugins/nodename.ts';
import * as tainttoleration from '../plugins/tainttoleration.ts';
import * as nodeaffinity from '../plugins/nodeaffinity.ts';
import * as nodeports from '../plugins/nodeports.ts';
import * as noderesourcesfit from '../plugins/noderesourcesfit.ts';
import * as podtopologyspread from '../plugins/podtopologyspread.ts';
import * as interpodaffinity from '../plugins/interpodaffinity.ts';
import * as defaultpreemption from '../plugins/defaultpreemption.ts';
import * as balancedallocation from '../plugins/noderesourcesbalancedallocation.ts';
import * as imagelocality from '../plugins/imagelocality.ts';

export interface Rng {
  /** Uniform integer in [0, n), as Go's rand.Intn. */
  intn(n: number): number;
}

export interface PluginContext {
  rng: Rng;
}

export type PluginFactory = (h: Handle, args: unknown, ctx: PluginContext) => Plugin;

/** Name → factory of every simulated in-tree plugin. */
export const InTreeRegistry: Readonly<Record<string, PluginFactory>> = {
  [schedulinggates.Name]: (h) => schedulinggates.New(h),
  [prioritysort.Name]: (h) => prioritysort.New(h),
  [nodeunschedulable.Name]: (h) => nodeunschedulable.New(h),
  [nodename.Name]: (h) => nodename.New(h),
  [tainttoleration.Name]: (h, a) => tainttoleration.New(h, a as tainttoleration.TaintTolerationArgs),
  [nodeaffinity.Name]: (h, a) => nodeaffinity.New(h, a as nodeaffinity.NodeAffinityArgs),
  [nodeports.Name]: (h) => nodeports.New(h),
  [noderesourcesfit.Name]: (h, a) => noderesourcesfit.New(h, a as noderesourcesfit.NodeResourcesFitArgs),
  [podtopologyspread.Name]: (h, a) => podtopologyspread.New(h, a as podtopologyspread.PodTopologySpreadArgs),
  [interpodaffinity.Name]: (h, a) => interpodaffinity.New(h, a as interpodaffinity.InterPodAffinityArgs),
  [defaultpreemption.Name]: (h, a, ctx) => defaultpreemption.New(h, a as defaultpreemption.DefaultPreemptionArgs, ctx.rng),
  [balancedallocation.Name]: (h, a) => balancedallocation.New(h, a as balancedallocation.BalancedAllocationArgs),
  [imagelocality.Name]: (h) => imagelocality.New(h),
};

export interface PluginConfig {
  name: string;
  /** Score weight (score plugins only; 0 / unset = 1). */
  weight?: number;
}

/** default_plugins.go getDefaultPlugins() MultiPoint, v1.35 (simulated plugins only). */
export const DefaultPlugins: readonly PluginConfig[] = [
  { name: 'SchedulingGates' },
  { name: 'PrioritySort' },
  { name: 'NodeUnschedulable' },
  { name: 'NodeName' },
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodePorts' },
  { name: 'NodeResourcesFit', weight: 1 },
  // VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone: not simulated
  { name: 'PodTopologySpread', weight: 2 },
  { name: 'InterPodAffinity', weight: 2 },
  { name: 'DefaultPreemption' },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
  { name: 'ImageLocality', weight: 1 },
  // DefaultBinder: binding is the caller's (API server) job
];

/** Plugins of the real default profile this simulator leaves out. */
export const NOT_SIMULATED: readonly string[] = ['VolumeRestrictions', 'NodeVolumeLimits', 'VolumeBinding', 'VolumeZone', 'DynamicResources', 'DefaultBinder'];

export interface NewFrameworkOptions extends FrameworkOptions {
  /** MultiPoint plugins in order (default: DefaultPlugins). */
  plugins?: readonly PluginConfig[];
  /** Plugin args by plugin name (e.g. {PodTopologySpread: {defaultingType: 'List', ...}}). */
  pluginArgs?: Readonly<Record<string, unknown>>;
  /** Random source for DefaultPreemption's candidate offset. Defaults to always 0. */
  rng?: Rng;
  listers?: ClusterListers;
  nominator?: PodNominator | null;
  /** Initial node list (usually replaced per cycle). */
  snapshot?: NodeInfoLister;
  registry?: Readonly<Record<string, PluginFactory>>;
}

/** Build a profile's framework: the default profile unless `plugins` says otherwise. */
export function newFramework(opts: NewFrameworkOptions = {}): Framework {
  const registry = opts.registry ?? InTreeRegistry;
  const handle: Handle = { snapshot: opts.snapshot ?? new Snapshot([]), listers: opts.listers ?? {}, nominator: opts.nominator ?? null };
  const ctx: PluginContext = { rng: opts.rng ?? { intn: () => 0 } };
  const plugins: Plugin[] = [];
  const weights = new Map<string, number>();
  for (const pc of opts.plugins ?? DefaultPlugins) {
    const factory = registry[pc.name];
    if (!factory) throw new Error(`plugin "${pc.name}" does not exist`);
    plugins.push(factory(handle, opts.pluginArgs?.[pc.name], ctx));
    if (pc.weight !== undefined) weights.set(pc.name, pc.weight);
  }
  return new Framework(plugins, weights, handle, opts);
}
