/**
 * What the run UI and the lab and exam pages keep in localStorage: read back once (data that cannot
 * be used is forgotten, and the page says why), written again after changes.
 */

/** The browser's localStorage, or null where it is blocked (the work is then just not kept). */
export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Removes saved data that could not be used and tells the page `why` (null: nothing to say or remove, e.g. none was saved). */
export function forget(store: Storage | null, key: string, why: string | null, notice: (text: string) => void): void {
  if (!why) return;
  notice(why);
  try {
    store?.removeItem(key);
  } catch {
    /* ignore: it is read and refused again next time */
  }
}

/**
 * A save that runs `write` 250 ms after the last call (a burst of changes is one write) or, with
 * `now`, at once (before the page goes, after a reset); `failed` reports a write that threw (quota,
 * storage blocked).
 */
export function saveLater(write: () => void, failed: () => void): (now?: boolean) => void {
  let timer = 0;
  return (now = false) => {
    clearTimeout(timer);
    const run = () => {
      try {
        write();
      } catch {
        failed();
      }
    };
    if (now) run();
    else timer = window.setTimeout(run, 250);
  };
}
