/** Where the sheets and their PDFs live (shared by the pages, the PDF step and the tests). */
import type { SectionId } from '../../sections.ts';

export type SheetId = 'all' | SectionId;

export const sheetHref = (id: string) => (id === 'all' ? '/sheets/' : `/sheets/${id}/`);

/** The all-in-one sheet as PDF, made after the build (src/lib/sheet/pdf-integration.mjs). */
export const SHEET_PDFS = [{ format: 'A4', label: 'A4', href: '/sheets/kubenote-cka-sheet-a4.pdf' }] as const;

/** Sheet order: the all-in-one, the exam tips, then the course order. */
export const SHEET_ORDER: readonly string[] = ['all', 'exam-tips', 'architecture', 'scheduling', 'logging-monitoring', 'lifecycle', 'maintenance'];
export const sheetOrder = (id: string) => SHEET_ORDER.indexOf(id);

/** The sheet page's run slug: its cluster seed and saved-work key (src/components/run/RunPage.astro). */
export const sheetSlug = (id: string) => `sheet-${id}`;
