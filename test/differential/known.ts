/**
 * Scenario transcripts that still differ after normalisation, each with its reason. A difference not
 * listed here fails the differential test: it is a bug in the simulator, in `kubesim serve`, or a
 * version difference that needs a documented rule in ./normalize.ts.
 */
export const KNOWN: Record<string, string> = {};
