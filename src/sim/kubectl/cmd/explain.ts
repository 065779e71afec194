/**
 * kubectl explain (k8s.io/kubectl pkg/cmd/explain/explain.go) over the schema helper's OpenAPI-v3
 * plaintext explainer (src/sim/api/schema/explain.ts). Errors as explain.go Validate/Run:
 *   no argument   `You must specify the type of resource to explain. Use "kubectl api-resources" for
 *                 a complete list of supported resources.` (the message carries its own newline)
 *   two arguments `We accept only this format: explain RESOURCE`
 *   --api-version for a group/version the server does not serve:
 *                 `couldn't find resource for "apps/v1beta1, Resource=deployments"` (explain/v2
 *                 explain.go, the GroupVersionResource's String())
 *   --output other than plaintext / plaintext-openapiv2: `unrecognized format: x` (there is no -o
 *                 shorthand: explain.go registers --output with StringVar).
 */
import { lookupResource, resourceFor } from '../../api/resources.ts';
import { explain as explainSchema } from '../../api/schema/explain.ts';
import { CmdError } from '../errors.ts';
import type { Command } from '../types.ts';

export const explain: Command = {
  name: 'explain',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', type: 'string', default: 'plaintext' }, // no -o shorthand (explain.go: StringVar)
  ],
  run(ctx, args, flags) {
    // The explainer reads the server's /openapi/v3: it needs a reachable API server.
    ctx.server.handle({ verb: 'list', group: '', version: 'v1', resource: 'namespaces' });
    if (!args.length) throw new CmdError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n', 'raw');
    if (args.length > 1) throw new CmdError('error: We accept only this format: explain RESOURCE\n', 'raw');
    const o = flags.str('output');
    if (o !== 'plaintext' && o !== 'plaintext-openapiv2') throw new CmdError(`unrecognized format: ${o}`);
    const target = args[0];
    const typed = target.split('.')[0];
    const info = lookupResource(typed);
    const apiVersion = flags.str('api-version');
    if (info && apiVersion) {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
      const served = resourceFor(group, info.resource);
      if (!served || served.version !== version || group !== info.group) {
        // schema.GroupVersionResource.String(): "group/version, Resource=r", the slash even for core.
        throw new CmdError(`couldn't find resource for "${group}/${version}, Resource=${info.resource}"`);
      }
    }
    const r = explainSchema(target, { recursive: flags.bool('recursive') });
    if ('error' in r) {
      // A NoResourceMatchError goes through cmdutil.StandardErrorMessage: no `error: ` prefix
      // (kubectl pkg/cmd/util/helpers.go). A missing field fails the template after it wrote the
      // header (pkg/explain/v2/templates/plaintext.tmpl) — both checked against kubectl v1.33.1.
      if (r.error.startsWith("error: the server doesn't have a resource type")) throw new CmdError(r.error.slice('error: '.length), 'raw');
      if (info && / does not exist$/.test(r.error)) ctx.out(`${info.group ? `GROUP:      ${info.group}\n` : ''}KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`);
      throw new CmdError(r.error);
    }
    ctx.out(r.output);
  },
};
