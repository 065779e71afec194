/**
 * kubectl describe's PrefixWriter (k8s.io/kubectl/pkg/describe/describe.go): every Write is prefixed
 * with two spaces per level and passed through printers.WriteEscaped
 * (k8s.io/cli-runtime/pkg/printers/terminal.go: ESC → "^[", CR → "\r") into the tabwriter.
 * Go's Write takes a format and arguments; callers here pass the already formatted text.
 */
import type { TabWriter } from './tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export interface PrefixWriter {
  /** Write text at an indentation level (two spaces per level). */
  write(level: number, text: string): void;
  /** fmt.Sprintln(a...) with no indentation: operands joined by spaces, then a newline. */
  writeLine(...a: string[]): void;
  /** Ends the tabwriter's column blocks. */
  flush(): void;
}

/** terminalEscaper = strings.NewReplacer("\x1b", "^[", "\r", "\\r") */
export function escapeTerminal(s: string): string {
  return s.replace(/[\x1b\r]/g, (c) => (c === '\x1b' ? '^[' : '\\r'));
}

export function newPrefixWriter(out: TabWriter): PrefixWriter {
  return {
    write(level, text) {
      out.write(escapeTerminal('  '.repeat(level) + text));
    },
    writeLine(...a) {
      out.write(escapeTerminal(a.join(' ') + '\n'));
    },
    flush() {
      out.flush();
    },
  };
}

/** NewNestedPrefixWriter: adds `indent` levels to every write. */
export function newNestedPrefixWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return {
    write(level, text) {
      w.write(level + indent, text);
    },
    writeLine(...a) {
      w.write(indent, a.join(' ') + '\n');
    },
    flush() {
      w.flush();
    },
  };
}
