import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { SECTION_IDS } from './sections.ts';
import { sheetLoader } from './lib/sheet/loader.ts';

/**
 * One MDX file per numbered topic of the source notes (plus the two exam-tip lists).
 * File layout: src/content/notes/<section>/<NN>-<slug>.mdx
 */
const notes = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/notes' }),
  schema: z.object({
    /** Korean title shown on the page, e.g. "테인트와 톨러레이션". */
    title: z.string().min(1),
    /** Section id; see src/sections.ts. */
    section: z.enum(SECTION_IDS),
    /** Topic number(s) in the source notes (1–54); empty for the exam-tip lists. */
    topics: z.array(z.number().int().min(1).max(54)).default([]),
    /** Order inside the section (the source order). */
    order: z.number(),
    /** One-line Korean summary for the section map and search results. */
    summary: z.string().min(1),
    /** English terms, kubectl names and spelling variants, indexed by search. */
    terms: z.array(z.string()).default([]),
    /**
     * The page scenario: shell lines (kubectl, sim …) run on the page's fresh cluster before any of
     * its code blocks, so every block makes sense alone (src/lib/run, runnable notes).
     */
    setup: z.string().optional(),
  }),
});

/**
 * The cheat sheets ("all" and one per section), built from the notes' `sheet` blocks at build time
 * (src/lib/sheet): rendered by the notes' own Markdown pipeline, outputs captured from the simulator.
 */
const sheets = defineCollection({
  loader: sheetLoader(),
  schema: z.object({
    title: z.string(),
    sections: z.array(
      z.object({
        id: z.enum(SECTION_IDS),
        title: z.string(),
        notes: z.array(z.object({ slug: z.string(), title: z.string(), href: z.string() })),
      }),
    ),
    items: z.number(),
    commands: z.number(),
    manifests: z.number(),
  }),
});

export const collections = { notes, sheets };
