/** The notes as the navigation sees them, in course order. */
import { notesInOrder, hrefOf } from './notes.ts';
import type { NavItem } from './nav.ts';

export async function navItems(): Promise<NavItem[]> {
  return (await notesInOrder()).map((note) => ({
    href: hrefOf(note),
    title: note.data.title,
    section: note.data.section,
    topics: note.data.topics,
    summary: note.data.summary,
  }));
}
