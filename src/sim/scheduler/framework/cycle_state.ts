/**
 * CycleState (pkg/scheduler/framework/cycle_state.go): per-scheduling-cycle data that plugins write
 * in PreFilter/PreScore and read in Filter/Score.
 *
 * Go keys it by string; here a key is a small integer allocated once per name with `stateKey()`,
 * so a read on the per-node hot path is an array index instead of a map lookup.
 */

export interface StateData {
  /** Deep-enough copy for preemption's what-if evaluation (Go: StateData.Clone). */
  clone(): StateData;
}

export type StateKey = number & { readonly __stateKey: unique symbol };

const keyNames: string[] = [];

/** Allocate (or look up) the slot for a state key such as "PreFilterNodeResourcesFit". */
export function stateKey(name: string): StateKey {
  let i = keyNames.indexOf(name);
  if (i < 0) {
    i = keyNames.length;
    keyNames.push(name);
  }
  return i as StateKey;
}

export function stateKeyName(k: StateKey): string {
  return keyNames[k] ?? `#${k}`;
}

const NONE: ReadonlySet<string> = new Set();

export class CycleState {
  private data: (StateData | undefined)[] = [];
  /** Filter plugins whose PreFilter returned Skip (Go: SkipFilterPlugins). */
  skipFilterPlugins: ReadonlySet<string> = NONE;
  /** Score plugins whose PreScore returned Skip (Go: SkipScorePlugins). */
  skipScorePlugins: ReadonlySet<string> = NONE;

  read<T extends StateData>(key: StateKey): T | undefined {
    return this.data[key] as T | undefined;
  }

  write(key: StateKey, value: StateData): void {
    this.data[key] = value;
  }

  delete(key: StateKey): void {
    this.data[key] = undefined;
  }

  /** CycleState.Clone: clones every StateData; skip sets are shared (they do not change after PreFilter). */
  clone(): CycleState {
    const c = new CycleState();
    c.data = this.data.map((d) => (d ? d.clone() : undefined));
    c.skipFilterPlugins = this.skipFilterPlugins;
    c.skipScorePlugins = this.skipScorePlugins;
    return c;
  }
}
