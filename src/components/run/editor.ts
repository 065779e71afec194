/**
 * The light editor: a <textarea> with YAML indentation help (src/lib/run/editing.ts) and a size
 * limit that refuses huge pastes before they land (the page never chews on 10 MB of text). Tab
 * indents; Escape then Tab leaves the editor (so keyboard users are never trapped).
 */
import { indent, newline, type Edit } from '../../lib/run/editing.ts';

export const MAX_TEXT = 1_000_000;

function applyEdit(ta: HTMLTextAreaElement, e: Edit) {
  ta.value = e.text;
  ta.setSelectionRange(e.start, e.end);
  ta.dispatchEvent(new Event('input', { bubbles: true }));
}

export function attachEditor(ta: HTMLTextAreaElement, opts: { yaml: boolean; onTooBig(size: number): void; onSubmit?: () => void }): void {
  let escaped = false;
  ta.spellcheck = false;
  ta.setAttribute('autocapitalize', 'off');
  ta.setAttribute('autocomplete', 'off');
  ta.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      escaped = true;
      return;
    }
    if (ev.key === 'Tab' && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      if (escaped) {
        escaped = false;
        return; // let focus move on
      }
      ev.preventDefault();
      applyEdit(ta, indent(ta.value, ta.selectionStart, ta.selectionEnd, ev.shiftKey));
      return;
    }
    escaped = false;
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && opts.onSubmit) {
      ev.preventDefault();
      opts.onSubmit();
      return;
    }
    if (ev.key === 'Enter' && opts.yaml && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      applyEdit(ta, newline(ta.value, ta.selectionStart, ta.selectionEnd));
    }
  });
  const guard = (size: number, ev: Event) => {
    if (ta.value.length - (ta.selectionEnd - ta.selectionStart) + size > MAX_TEXT) {
      ev.preventDefault();
      opts.onTooBig(size);
    }
  };
  ta.addEventListener('paste', (ev) => guard(ev.clipboardData?.getData('text/plain').length ?? 0, ev));
  ta.addEventListener('drop', (ev) => guard(ev.dataTransfer?.getData('text/plain').length ?? 0, ev));
  ta.addEventListener('beforeinput', (ev) => {
    if (ev.data && ev.data.length > 1000) guard(ev.data.length, ev);
  });
}

/** Grows a textarea with its content (up to a CSS max-height). */
export function autosize(ta: HTMLTextAreaElement): void {
  const fit = () => {
    ta.style.height = 'auto';
    ta.style.height = `${Math.min(ta.scrollHeight + 2, 640)}px`;
  };
  ta.addEventListener('input', fit);
  requestAnimationFrame(fit);
}
