/**
 * kubectl create token SERVICE_ACCOUNT_NAME (k8s.io/kubectl/pkg/cmd/create/create_token.go): Validate's
 * client-side errors, a TokenRequest POSTed to serviceaccounts/NAME/token, and the token printed bare —
 * without a newline, as kubectl prints it when its output is not a terminal (a transcript, a pipe);
 * `-o` prints the whole TokenRequest.
 */
import type { KubeObject } from '../../api/object.ts';
import { resourceFor } from '../../api/resources.ts';
import { ApiError } from '../../apiserver/errors.ts';
import { CmdError } from '../errors.ts';
import type { Command } from '../types.ts';
import { PRINT_FLAGS, call, printObjects } from './common.ts';
import { parseGoDuration } from './podsfor.ts';
import * as gen from '../generate/index.ts';

/** boundObjectKindToAPIVersions (Node binding is GA: kubectl v1.33 offers it without KUBECTL_NODE_BOUND_TOKENS). */
const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };

export const createToken: Command = {
  name: 'token',
  flags: [
    ...PRINT_FLAGS,
    { name: 'audience', type: 'stringArray' },
    { name: 'duration', type: 'duration', default: '0s' },
    { name: 'bound-object-kind', type: 'string' },
    { name: 'bound-object-name', type: 'string' },
    { name: 'bound-object-uid', type: 'string' },
  ],
  run(ctx, args, flags, dashAt) {
    const name = gen.nameFromArgs(args, dashAt, 'kubectl create token');
    if (typeof name !== 'string') throw new CmdError(gen.formatGenError(name), 'raw');
    const durationMs = parseGoDuration(flags.str('duration')) ?? 0;
    const audiences = flags.list('audience');
    const kind = flags.str('bound-object-kind');
    const objName = flags.str('bound-object-name');
    const objUid = flags.str('bound-object-uid');
    if (durationMs < 0) throw new CmdError('--duration must be greater than or equal to 0');
    if (durationMs % 1000 !== 0) throw new CmdError('--duration cannot be expressed in units less than seconds');
    if (audiences.some((a) => a === '')) throw new CmdError('--audience must not be an empty string');
    if (!kind) {
      if (objName) throw new CmdError('--bound-object-name can only be set if --bound-object-kind is provided');
      if (objUid) throw new CmdError('--bound-object-uid can only be set if --bound-object-kind is provided');
    } else {
      if (!BOUND_KINDS[kind]) throw new CmdError(`supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}`);
      if (!objName) throw new CmdError('--bound-object-name is required if --bound-object-kind is provided');
    }
    const spec: Record<string, unknown> = { audiences: audiences.length ? audiences : null };
    if (durationMs > 0) spec.expirationSeconds = durationMs / 1000;
    if (kind) spec.boundObjectRef = { kind, apiVersion: BOUND_KINDS[kind], name: objName, ...(objUid ? { uid: objUid } : {}) };
    let response: KubeObject;
    try {
      response = call(ctx, resourceFor('', 'serviceaccounts')!, { verb: 'create', namespace: ctx.namespace, name, subresource: 'token', body: { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {}, spec } }) as KubeObject;
    } catch (e) {
      if (e instanceof ApiError) throw new CmdError(`failed to create token: ${e.status.message ?? ''}`);
      throw e;
    }
    const token = (response.status as { token?: string } | undefined)?.token ?? '';
    if (!token) throw new CmdError('failed to create token: no token in server response');
    if (flags.isSet('output')) printObjects(ctx, [response], flags, 'created');
    else ctx.out(token);
    return 0;
  },
};
