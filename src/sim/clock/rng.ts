/**
 * Seeded pseudo-random numbers (mulberry32). Every random choice in the simulator — generated name
 * suffixes, scheduler tie-breaks, IPs, NodePorts — comes from here, so a seed fixes a whole run.
 */
export class Rng {
  private state: number;
  private seed: number;
  private streams = new Map<string, Rng>();

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /**
   * An independent stream for one purpose (names, uids, IPs, tie-breaks…): drawing from one never
   * shifts another, so adding a random choice somewhere does not rename every object after it.
   */
  stream(label: string): Rng {
    let r = this.streams.get(label);
    if (!r) {
      r = new Rng(mix(this.seed, label));
      this.streams.set(label, r);
    }
    return r;
  }

  /** Restart this generator and all its streams from `seed` (a session starts fresh after boot). */
  reseed(seed: number): void {
    this.seed = seed >>> 0;
    this.state = this.seed;
    for (const [label, r] of this.streams) r.reseed(mix(this.seed, label));
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n), as Go's rand.Intn. */
  intn(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string {
    // Joined, not concatenated: a flat string (names keep it for the object's life).
    const cs: string[] = new Array(length);
    for (let i = 0; i < length; i++) cs[i] = alphabet[this.intn(alphabet.length)];
    return cs.join('');
  }
}

/** FNV-1a of the label folded into the seed. */
function mix(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
