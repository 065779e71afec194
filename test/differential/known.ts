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

export const KNOWN: Known[] = [];

/**
 * Scenarios that cannot come out the same both ways, whatever the simulator does: they are run and
 * reported, but not held to identity (they count as different in the identical share).
 */
export const INCOMPARABLE: Record<string, string> = {
  'kubectl/edit.sh':
    'kubectl edit names its temp files /tmp/kubectl-edit-<random>.yaml on the real machine (the script reads back the simulator\'s deterministic name), and without KUBE_EDITOR/EDITOR it starts the real vi, where the simulated machine\'s vi refuses to open',
};

/** Differences that remain in the notes differential (./notes.ts), as KNOWN; `scenario` is the page file. */
export const KNOWN_NOTES: Known[] = [];
