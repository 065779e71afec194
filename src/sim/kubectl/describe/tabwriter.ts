/**
 * Go's text/tabwriter (go/src/text/tabwriter/tabwriter.go), as kubectl describe configures it in
 * tabbedString (k8s.io/kubectl/pkg/describe/describe.go): `Init(buf, 0, 8, 2, ' ', 0)` —
 * minwidth 0, tabwidth 8, padding 2, pad with spaces, no flags.
 *
 * The text is split into cells at '\t' (a cell terminated by a tab belongs to a column), '\v', '\n'
 * and '\f'. The last cell of a line is not part of any column. A column block is a run of
 * consecutive lines that all have a cell in that column; its width is the widest cell plus the
 * padding. A line with a single cell (no tab at all) ends every block: the buffered lines are
 * formatted and written right away (as is everything on '\f' and on Flush).
 * Widths count runes (utf8.RuneCount), i.e. code points.
 *
 * Not ported, because kubectl never uses them: the Escape character, FilterHTML, StripEscape,
 * AlignRight, DiscardEmptyColumns, TabIndent and Debug flags.
 */

interface Cell {
  text: string;
  /** Width in runes. */
  width: number;
  /** True if the cell is terminated by a '\t'. */
  htab: boolean;
}

export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
}

/** The settings of kubectl describe's tabbedString. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' };

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private readonly opts: TabWriterOptions;
  private out = '';
  /** The current incomplete cell's text. */
  private cell = '';
  private lines: Cell[][] = [[]];
  private widths: number[] = [];

  constructor(opts: TabWriterOptions = DESCRIBE_TABWRITER) {
    this.opts = opts;
  }

  /** Writer.Write */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line with one cell does not affect the formatting of the lines after it (its only
        // cell is the last one, which belongs to no column): flush.
        if (ch === '\f' || ncells === 1) this.flushNoDefers();
      }
    }
    this.cell += text.slice(start);
  }

  /** Writer.Flush: format and emit everything buffered; ends all column blocks. */
  flush(): void {
    this.flushNoDefers();
  }

  /** Everything written to the underlying output so far. */
  output(): string {
    return this.out;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private flushNoDefers(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.reset();
  }

  private reset(): void {
    this.cell = '';
    this.lines = [[]];
    this.widths = [];
  }

  private writePadding(textw: number, cellw: number): void {
    if (this.opts.padchar === '\t') {
      if (this.opts.tabwidth === 0) return;
      const w = Math.ceil(cellw / this.opts.tabwidth) * this.opts.tabwidth;
      this.out += '\t'.repeat(Math.ceil((w - textw) / this.opts.tabwidth));
      return;
    }
    this.out += this.opts.padchar.repeat(Math.max(0, cellw - textw));
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        if (c.text.length > 0) this.out += c.text;
        if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
      });
      // The last buffered line has no newline: its pending text (if any) follows later.
      if (i + 1 === this.lines.length) this.out += this.cell;
      else this.out += '\n';
    }
  }

  /** Writer.format: compute the width of the column at depth len(widths), recursively. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      const line = this.lines[cur];
      if (column >= line.length - 1) continue;
      // A cell exists in this column: print the lines before the block, then measure the block.
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.opts.minwidth;
      for (; cur < line1; cur++) {
        const l = this.lines[cur];
        if (column >= l.length - 1) break;
        const w = l[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }
}

/** Run `fn` against a fresh describe tabwriter and return what it printed (tabbedString). */
export function tabbedString(fn: (w: TabWriter) => void): string {
  const tw = new TabWriter(DESCRIBE_TABWRITER);
  fn(tw);
  tw.flush();
  return tw.output();
}
