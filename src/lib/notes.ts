import { getCollection, type CollectionEntry } from 'astro:content';
import { SECTIONS } from '../sections.ts';

export type Note = CollectionEntry<'notes'>;

/** URL slug of a note: the file name without the section folder, e.g. "31-taints-tolerations". */
export function slugOf(note: Note): string {
  return note.id.split('/').pop()!;
}

export function hrefOf(note: Note): string {
  return `/notes/${slugOf(note)}/`;
}

/** All notes in course order: by section order, then by `order`. */
export async function notesInOrder(): Promise<Note[]> {
  const all = await getCollection('notes');
  const sectionIndex = (n: Note) => SECTIONS.findIndex((s) => s.id === n.data.section);
  return all.sort((a, b) => sectionIndex(a) - sectionIndex(b) || a.data.order - b.data.order);
}
