/** LabelSelector helpers for printers and controllers, on top of ./labels.ts. */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { labelSelectorAsSelector, labelSelectorMatches } from './labels.ts';

export function selectorMatchesLabels(sel: LabelSelector | undefined, labels: Record<string, string>): boolean {
  try {
    return labelSelectorMatches(sel, labels);
  } catch {
    return false;
  }
}

/** metav1.FormatLabelSelector: the SELECTOR column of `-o wide`. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  let s: string;
  try {
    s = labelSelectorAsSelector(sel).toString();
  } catch {
    return '<error>';
  }
  return s === '' ? '<none>' : s;
}
