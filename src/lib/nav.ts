/**
 * Pure helpers for the site's navigation (sidebar, section map, previous/next, table of contents).
 * No `astro:content` import here, so `node --test` can run them directly.
 */
import { SECTIONS, type SectionId } from '../sections.ts';

/** What the navigation needs to know about one note. */
export interface NavItem {
  href: string;
  title: string;
  section: SectionId;
  topics: number[];
  summary: string;
}

export interface SectionGroup<T> {
  section: (typeof SECTIONS)[number];
  /** 1-based position of the section in the course. */
  number: number;
  href: string;
  items: T[];
}

export function sectionHref(id: SectionId): string {
  return `/sections/${id}/`;
}

/** The items grouped by section, every section present (possibly empty), in course order. */
export function groupBySection<T extends { section: SectionId }>(items: readonly T[]): SectionGroup<T>[] {
  return SECTIONS.map((section, i) => ({
    section,
    number: i + 1,
    href: sectionHref(section.id),
    items: items.filter((item) => item.section === section.id),
  }));
}

/** The neighbours of the item whose href is `href` in a list already in course order. */
export function neighbours<T extends { href: string }>(list: readonly T[], href: string): { prev?: T; next?: T } {
  const i = list.findIndex((item) => item.href === href);
  if (i < 0) return {};
  return { prev: i > 0 ? list[i - 1] : undefined, next: i < list.length - 1 ? list[i + 1] : undefined };
}

/** "31", "3·4", or "" for a note that covers no numbered topic (the exam-tip lists). */
export function topicLabel(topics: readonly number[]): string {
  return topics.join('·');
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}
export interface TocEntry {
  slug: string;
  text: string;
  children: { slug: string; text: string }[];
}

/**
 * The on-page table of contents: h2 entries with their h3 entries nested. An h3 before the first h2
 * becomes a top-level entry of its own; other depths are left out.
 */
export function tocTree(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    const text = h.text.trim();
    if (!h.slug || !text) continue;
    if (h.depth === 2 || (h.depth === 3 && toc.length === 0)) {
      toc.push({ slug: h.slug, text, children: [] });
    } else if (h.depth === 3) {
      toc[toc.length - 1].children.push({ slug: h.slug, text });
    }
  }
  return toc;
}
