/**
 * Seeded pseudo-random numbers (mulberry32). Every random choice in the simulator — generated name
 * suffixes, scheduler tie-breaks, IPs, NodePorts — comes from here, so a seed fixes a whole run.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
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
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.intn(alphabet.length)];
    return s;
  }
}
