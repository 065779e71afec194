/**
 * text/tabwriter as kubectl configures it for tables (cli-runtime pkg/printers/tabwriter.go:
 * minwidth 6, tabwidth 4, padding 3, padchar ' '): each cell but the last is padded to its column's
 * width plus the padding.
 */
export function tabwrite(rows: string[][], opts: { minWidth?: number; padding?: number } = {}): string {
  const minWidth = opts.minWidth ?? 6;
  const padding = opts.padding ?? 3;
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      if (i === r.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(c));
    });
  }
  let out = '';
  for (const r of rows) {
    let line = '';
    r.forEach((c, i) => {
      if (i === r.length - 1) line += c;
      else {
        const w = Math.max(widths[i] + padding, minWidth);
        line += c + ' '.repeat(Math.max(0, w - displayWidth(c)));
      }
    });
    out += line + '\n';
  }
  return out;
}

/** Go's tabwriter counts runes (UTF-8 characters), not display columns. */
function displayWidth(s: string): number {
  // Count code points without allocating: surrogate pairs are one rune.
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/**
 * A tabwriter that outlives one flush, as `kubectl get --watch` uses it (cli-runtime
 * pkg/printers/tabwriter.go sets github.com/liggitt/tabwriter's `RememberWidths` flag): each write is
 * one flush, and a column never gets narrower than it was in an earlier flush, so rows printed one
 * event at a time stay aligned under the header, and a wider cell widens the column from then on.
 */
export class TabWriter {
  private widths: number[] = [];
  private readonly minWidth: number;
  private readonly padding: number;

  constructor(opts: { minWidth?: number; padding?: number } = {}) {
    this.minWidth = opts.minWidth ?? 6;
    this.padding = opts.padding ?? 3;
  }

  write(rows: string[][]): string {
    const widths: number[] = [];
    for (const r of rows) {
      r.forEach((c, i) => {
        if (i === r.length - 1) return;
        widths[i] = Math.max(widths[i] ?? this.minWidth, displayWidth(c) + this.padding);
      });
    }
    widths.forEach((w, i) => (this.widths[i] = Math.max(this.widths[i] ?? 0, w)));
    let out = '';
    for (const r of rows) {
      let line = '';
      r.forEach((c, i) => {
        if (i === r.length - 1) line += c;
        else line += c + ' '.repeat(Math.max(0, this.widths[i] - displayWidth(c)));
      });
      out += line + '\n';
    }
    return out;
  }
}
