/**
 * kubectl describe (k8s.io/kubectl/pkg/cmd/describe/describe.go, v1.35): objects by TYPE NAME,
 * TYPE/NAME, TYPE (all of them), -l, -A or -f; each goes through its describer
 * (../describe/describe.ts). Several objects are separated by "\n\n"; `TYPE NAME` that is not found
 * falls back to describing every object whose name starts with NAME (DescribeMatchingResources),
 * each followed by "\n". Errors are collected and printed after the output, as CheckErr does.
 */
import type { KubeObject } from '../../api/object.ts';
import type { ResourceInfo } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { enforceNamespace, readFileTargets, resolveType, targetsFromArgs } from '../builder.ts';
import { serverClient } from '../describe/client.ts';
import { describerFor, type DescriberSettings } from '../describe/describe.ts';
import { CmdError, renderError } from '../errors.ts';
import type { Command, KubectlContext } from '../types.ts';
import { FILENAME_FLAG, listObjects, getObject, RECURSIVE_FLAG, SELECTOR_FLAG } from './common.ts';

interface Info {
  info: ResourceInfo;
  namespace: string;
  name: string;
}

const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.status.reason === 'NotFound';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const describe: Command = {
  name: 'describe',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    SELECTOR_FLAG,
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run(ctx, args, flags) {
    const files = flags.list('filename');
    if (!args.length && !files.length) throw new CmdError(`error: You must specify the type of resource to describe. ${SUGGEST_API_RESOURCES}\n`, 'raw');
    const all = flags.bool('all-namespaces');
    const selector = flags.str('selector');
    const settings: DescriberSettings = { showEvents: flags.bool('show-events'), chunkSize: flags.int('chunk-size') };
    const client = serverClient(ctx.server);

    // ---- the builder: resolve arguments into objects (resource.Builder … Flatten().Do().Infos())
    if (files.length && args.length) throw new CmdError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    const infos: Info[] = [];
    const infoErrs: unknown[] = [];
    if (files.length) {
      let targets: ReturnType<typeof readFileTargets> = [];
      try {
        targets = readFileTargets(ctx, files, flags.bool('recursive'));
      } catch (e) {
        if (!(e instanceof CmdError && e.message.startsWith('no objects passed to'))) throw e;
      }
      for (const t of targets) infos.push({ info: t.info, namespace: enforceNamespace(t, ctx) ?? '', name: t.name ?? '' });
    } else {
      const { types, targets } = targetsFromArgs(args, ctx.namespace);
      if (targets.length && selector) throw new CmdError('name cannot be provided when a selector is specified');
      if (targets.length && all) throw new CmdError('a resource cannot be retrieved by name across all namespaces');
      for (const info of types) {
        for (const o of listObjects(ctx, info, info.namespaced && !all ? ctx.namespace : undefined, selector)) {
          infos.push({ info, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });
        }
      }
      for (const t of targets) {
        try {
          const o = getObject(ctx, t.info, t.namespace, t.name ?? '');
          infos.push({ info: t.info, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });
        } catch (e) {
          infoErrs.push(e);
        }
      }
    }

    // `kubectl describe TYPE NAME_PREFIX`: the exact name was not found.
    if (infoErrs.length === 1 && isNotFound(infoErrs[0]) && args.length === 2) {
      return describeMatchingResources(ctx, infoErrs[0], args[0], args[1], settings);
    }

    const allErrs: unknown[] = [...infoErrs];
    const seen = new Set<string>();
    let first = true;
    for (const i of infos) {
      let s: string;
      try {
        s = describerFor(i.info)(client, i.namespace, i.name, settings);
      } catch (e) {
        if (seen.has(errorText(e))) continue;
        seen.add(errorText(e));
        allErrs.push(e);
        continue;
      }
      ctx.out(first ? s : `\n\n${s}`);
      first = false;
    }
    if (infos.length === 0 && allErrs.length === 0) {
      ctx.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    }
    for (const e of allErrs) ctx.err(renderError(e, 'kubectl describe'));
    return allErrs.length ? 1 : 0;
  },
};

/** DescribeMatchingResources: every object of the type (in the namespace) named with the prefix. */
function describeMatchingResources(ctx: KubectlContext, originalError: unknown, resource: string, prefix: string, settings: DescriberSettings): number {
  if (resource.includes(',') || resource === 'all') throw new CmdError('you may only specify a single resource type');
  const info = resolveType(resource);
  const client = serverClient(ctx.server);
  const describer = describerFor(info);
  const objs: KubeObject[] = listObjects(ctx, info, info.namespaced ? ctx.namespace : undefined);
  let found = false;
  for (const o of objs) {
    if (!(o.metadata.name ?? '').startsWith(prefix)) continue;
    found = true;
    const s = describer(client, o.metadata.namespace ?? '', o.metadata.name ?? '', settings);
    ctx.out(`${s}\n`);
  }
  if (!found) throw originalError;
  return 0;
}
