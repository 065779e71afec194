/**
 * Unit tests for the intricate parts of the mutating commands: the resource builder's argument forms
 * (cli-runtime pkg/resource/builder.go visitorResult), cmdutil.CheckErr's aggregate handling
 * (kubectl pkg/cmd/util/helpers.go checkErr/MultipleErrors), pflag's time.ParseDuration errors, the
 * --record change-cause (record_flags.go parseCommandArguments) and GetResourcesAndPairs/parseLabels.
 * Expected strings are the ones kubectl v1.33.1 printed against the simulator (see test/scenarios/kubectl).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../session.ts';
import { CmdError } from '../errors.ts';
import { goDurationError, parseFlags, type FlagDef } from '../flags.ts';
import type { KubectlContext } from '../types.ts';
import { parseLabels, resourcesAndPairs } from './label.ts';
import { changeCause } from './record.ts';
import { AggregateError, aggregate, buildInfos, checkErr, reportErrors } from './visit.ts';

function ctxOf(session: Session): { ctx: KubectlContext; err: string[] } {
  const err: string[] = [];
  const ctx = {
    server: session.cluster.server,
    fs: session.cluster.machines.get('controlplane')!,
    cwd: '/root',
    env: {},
    stdin: '',
    out: () => {},
    err: (s: string) => err.push(s),
    namespace: 'default',
    namespaceExplicit: false,
    wait: (ms: number) => session.cluster.clock.advance(ms),
    runShell: () => 0,
    tempSuffix: () => '1',
  } as unknown as KubectlContext;
  return { ctx, err };
}

const session = new Session({ seed: 1 });
session.run('kubectl create deployment web --image=nginx');

test('buildInfos: visitorResult argument forms and their errors', () => {
  const { ctx } = ctxOf(session);
  const cases: { args: string[]; all?: boolean; selector?: string; names?: string[]; error?: string; errors?: number }[] = [
    { args: ['deploy', 'web'], names: ['web'] },
    { args: ['deployment.apps/web'], names: ['web'] },
    { args: ['deploy/web', 'deploy/nope'], names: ['web'], errors: 1 },
    { args: ['deploy'], all: true, names: ['web'] },
    { args: ['deploy'], selector: 'app=web', names: ['web'] },
    { args: ['deploy'], error: 'resource(s) were provided, but no name was specified' },
    { args: ['deploy', 'web/x'], error: "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'" },
    { args: ['deploy/web/x'], error: 'arguments in resource/name form must have a single resource and name' },
    { args: ['deploy,svc', 'web'], error: 'you must specify only one resource' },
    { args: ['deploy', 'web'], selector: 'a=b', error: 'name cannot be provided when a selector is specified' },
    { args: ['foo', 'x'], error: `the server doesn't have a resource type "foo"` },
    { args: [], error: 'You must provide one or more resources by argument or filename.' },
  ];
  for (const c of cases) {
    const run = () => buildInfos(ctx, { args: c.args, all: c.all, selector: c.selector });
    if (c.error) {
      assert.throws(run, (e: unknown) => e instanceof CmdError && e.message.startsWith(c.error!), c.args.join(' '));
      continue;
    }
    const r = run();
    assert.deepEqual(r.infos.map((i) => i.name), c.names, c.args.join(' '));
    assert.equal(r.errors.length, c.errors ?? 0, c.args.join(' '));
  }
});

test('checkErr: aggregates of one are unwrapped once; aggregates list one error per line without "error: "', () => {
  const cases: { err: unknown; want: string }[] = [
    { err: new CmdError('boom'), want: 'error: boom\n' },
    { err: aggregate([new CmdError('boom')]), want: 'error: boom\n' },
    { err: aggregate([new CmdError('a'), new CmdError('b')]), want: 'a\nb\n' },
    // drain: NewAggregate(fatal) of the node's NewAggregate(errs) — printed without the prefix
    { err: aggregate([aggregate([new CmdError('cannot delete X: ns/p')])]), want: 'cannot delete X: ns/p\n' },
  ];
  for (const c of cases) {
    const { ctx, err } = ctxOf(session);
    assert.equal(checkErr(ctx, c.err), 1);
    assert.equal(err.join(''), c.want);
  }
  const { ctx, err } = ctxOf(session);
  reportErrors(ctx, [aggregate([new CmdError("'a' already has a value (1), and --overwrite is false")])]);
  assert.equal(err.join(''), "error: 'a' already has a value (1), and --overwrite is false\n");
  assert.equal(new AggregateError([new CmdError('a'), new CmdError('b')]).message, '[a, b]');
});

test('goDurationError: time.ParseDuration messages', () => {
  const cases: [string, string | undefined][] = [
    ['5', 'time: missing unit in duration "5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['abc', 'time: invalid duration "abc"'],
    ['', 'time: invalid duration ""'],
    ['0', undefined],
    ['1m30s', undefined],
    ['1.5h', undefined],
    ['-2s', undefined],
  ];
  for (const [s, want] of cases) assert.equal(goDurationError(s), want, s);
});

test('changeCause: program, arguments, then flags in command-line order with raw values', () => {
  const defs: FlagDef[] = [
    { name: 'replicas', type: 'int' },
    { name: 'record', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
  ];
  const cases: [string[], string, string][] = [
    [['deploy', 'web', '--replicas=2', '--record'], 'kubectl scale', 'kubectl scale deploy web --replicas=2 --record=true'],
    [['--record', '-f', 'd.yaml', '--replicas', '3'], 'kubectl scale', 'kubectl scale --record=true --filename=d.yaml --replicas=3'],
  ];
  for (const [argv, path, want] of cases) {
    const { flags, args } = parseFlags(argv, defs);
    assert.equal(changeCause(path, args, flags), want);
  }
});

test('GetResourcesAndPairs and parseLabels', () => {
  assert.deepEqual(resourcesAndPairs(['pods', 'x', 'a=b', 'c-'], 'label'), { resources: ['pods', 'x'], pairs: ['a=b', 'c-'] });
  assert.deepEqual(resourcesAndPairs(['=x', 'a=b'], 'label'), { resources: ['=x'], pairs: ['a=b'] });
  assert.throws(() => resourcesAndPairs(['pods', 'a=b', 'x'], 'label'), /all resources must be specified before label changes: x/);
  const cases: [string[], string][] = [
    [['a=b=c'], 'invalid label spec: a=b=c'],
    [['x'], 'unknown label spec: x'],
    [['a=1', 'a-'], 'can not both modify and remove a label in the same command'],
  ];
  for (const [spec, want] of cases) assert.throws(() => parseLabels(spec), (e: unknown) => e instanceof CmdError && e.message === want);
  const ok = parseLabels(['a=1', 'b-']);
  assert.deepEqual([...ok.add], [['a', '1']]);
  assert.deepEqual(ok.remove, ['b']);
});
