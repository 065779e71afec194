/**
 * Differences that remain after normalisation, each with its reason. Every changed line of a scenario's
 * diff must be covered by an entry of that scenario (`sim`: a substring of the simulator's line, `real`:
 * of real kubectl's); anything else fails the differential test — a bug in the simulator, in
 * `kubesim serve`, or a version difference that needs a documented rule in ./normalize.ts.
 * `kind`: 'version' (v1.33 → v1.35 difference the simulator follows on purpose), 'bug' (the simulator
 * is wrong; to be fixed), 'unverified' (v1.33 differs; the v1.35 behaviour could not be checked here).
 */
export interface Known {
  scenario: string;
  sim?: string;
  real?: string;
  kind: 'version' | 'bug' | 'unverified';
  why: string;
}

export const KNOWN: Known[] = [
  {
    scenario: 'kubectl2/events.sh',
    sim: 'event/bad.',
    kind: 'version',
    why: 'kubectl v1.33.1 `events -o name` prints nothing: its name printer gets typed Events without a kind. Later kubectl sets the Event kind on every listed item before printing (pkg/cmd/events/events.go: `if e.GetObjectKind().GroupVersionKind().Empty() { e.SetGroupVersionKind(… Kind: "Event") }`), which the simulator follows.',
  },
  {
    scenario: 'kubectl2/info.sh',
    sim: 'error: the server doesn\'t have a resource type "foo"',
    real: 'the server doesn\'t have a resource type "foo"',
    kind: 'bug',
    why: 'kubectl explain reports a NoResourceMatchError through cmdutil.StandardErrorMessage, which prints it without the `error: ` prefix (kubectl pkg/cmd/util/helpers.go).',
  },
  {
    scenario: 'kubectl2/info.sh',
    real: 'KIND:       Pod',
    kind: 'bug',
    why: 'kubectl explain (OpenAPI v3 template) prints the KIND/VERSION header before `error: field "nope" does not exist` (kubectl pkg/explain/v2/templates/plaintext.tmpl); the simulator prints the error alone.',
  },
  {
    scenario: 'kubectl2/info.sh',
    real: 'VERSION:    v1',
    kind: 'bug',
    why: 'see the previous entry (explain header before a field error).',
  },
  {
    scenario: 'kubectl2/info.sh',
    real: '',
    kind: 'bug',
    why: 'the blank line after that header.',
  },
  {
    scenario: 'kubectl2/info.sh',
    sim: 'error: unrecognized format: json',
    real: "error: unknown shorthand flag: 'o' in -o",
    kind: 'unverified',
    why: 'kubectl v1.33 explain has --output without the -o shorthand; the simulator follows its reading of v1.35.',
  },
  {
    scenario: 'kubectl2/info.sh',
    real: "See 'kubectl explain --help' for usage.",
    kind: 'unverified',
    why: 'second line of the v1.33 flag error above.',
  },
  {
    scenario: 'kubectl2/logs.sh',
    sim: 'Error from server (NotFound): pods "nope" not found',
    real: 'error: error from server (NotFound): pods "nope" not found in namespace "default"',
    kind: 'bug',
    why: 'kubectl logs wraps a missing pod as `error: error from server (NotFound): pods "nope" not found in namespace "default"` (pkg/cmd/logs/logs.go Complete: `fmt.Errorf("error from server (NotFound): %w in namespace %q", …)`, still there in current kubectl); the simulator prints the server\'s Status.',
  },
];
