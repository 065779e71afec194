/**
 * kubectl api-resources and api-versions (k8s.io/kubectl pkg/cmd/apiresources/apiresources.go,
 * apiversions.go) over the API server's discovery: the resources src/sim/api/resources.ts serves.
 * Checked against kubectl v1.33.1 talking to a fake API server with the same discovery documents:
 *   columns NAME SHORTNAMES APIVERSION NAMESPACED KIND (+ VERBS CATEGORIES with -o wide),
 *   rows sorted stably by API group then name (--sort-by name|kind), `-o name` = name[.group],
 *   the header is printed even when no row matches (`--api-group=foo`);
 *   errors `--output json is not available`, `--sort-by accepts only name or kind`,
 *   `unexpected arguments: [x]` (usage error).
 * api-versions prints every group/version, sorted (sort.Strings), core `v1` included.
 */
import { RESOURCES } from '../../api/resources.ts';
import { CmdError, usageError } from '../errors.ts';
import { ConnectionError, klogStamp } from '../kubeconfig.ts';
import { tabwrite } from '../tabwriter.ts';
import type { Command } from '../types.ts';

function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

export const apiResources: Command = {
  name: 'api-resources',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'api-group', type: 'string' },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'verbs', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'cached', type: 'bool' },
    { name: 'categories', type: 'stringSlice' },
  ],
  run(ctx, args, flags) {
    if (args.length) throw usageError(`unexpected arguments: [${args.join(' ')}]`);
    const o = flags.str('output');
    if (!['', 'wide', 'name'].includes(o)) throw new CmdError(`--output ${o} is not available`);
    const sortBy = flags.str('sort-by');
    if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new CmdError('--sort-by accepts only name or kind');
    // Discovery goes through the API server like any request (an unreachable server fails here).
    ctx.server.handle({ verb: 'list', group: '', version: 'v1', resource: 'namespaces' });
    const verbs = flags.list('verbs');
    const categories = flags.list('categories');
    let rows = RESOURCES.filter((r) => r.verbs.length)
      .filter((r) => !flags.isSet('api-group') || r.group === flags.str('api-group'))
      .filter((r) => !flags.isSet('namespaced') || r.namespaced === flags.bool('namespaced'))
      .filter((r) => verbs.every((v) => r.verbs.includes(v)))
      .filter((r) => categories.every((c) => r.categories.includes(c)));
    const key = (r: (typeof rows)[number]) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
    rows = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => {
        const ka = key(a.r);
        const kb = key(b.r);
        if (ka !== kb) return ka < kb ? -1 : 1;
        if (a.r.resource !== b.r.resource) return a.r.resource < b.r.resource ? -1 : 1;
        return a.i - b.i;
      })
      .map((x) => x.r);
    if (o === 'name') {
      ctx.out(rows.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource) + '\n').join(''));
      return;
    }
    const table: string[][] = [];
    if (!flags.bool('no-headers')) table.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(o === 'wide' ? ['VERBS', 'CATEGORIES'] : [])]);
    for (const r of rows) {
      const row = [r.resource, r.shortNames.join(','), apiVersionOf(r.group, r.version), String(r.namespaced), r.kind];
      if (o === 'wide') row.push([...r.verbs].sort().join(','), r.categories.join(','));
      table.push(row);
    }
    ctx.out(tabwrite(table));
  },
};

export const apiVersions: Command = {
  name: 'api-versions',
  run(ctx, args) {
    if (args.length) throw usageError(`unexpected arguments: [${args.join(' ')}]`);
    try {
      ctx.server.handle({ verb: 'list', group: '', version: 'v1', resource: 'namespaces' });
    } catch (e) {
      if (!(e instanceof ConnectionError)) throw e;
      ctx.err(e.discoveryLine(klogStamp(ctx.server.clock.now(), 381)));
      throw new CmdError(`couldn't get available api versions from server: Get "${e.server.replace(/\/$/, '')}/api?timeout=32s": ${e.dial}`);
    }
    const gvs = [...new Set(RESOURCES.map((r) => apiVersionOf(r.group, r.version)))].sort();
    ctx.out(gvs.map((g) => g + '\n').join(''));
  },
};
