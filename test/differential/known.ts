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
];
