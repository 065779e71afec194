/**
 * The `sheets` content collection: one entry per cheat sheet ("all" and one per section), built from
 * the notes at build time (extract → compose → capture) and rendered with the project's own Markdown
 * processor — the same Sätteri pipeline, shiki themes and runnable-blocks step as the notes, so every
 * command on a sheet is a runnable block.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readNotes } from './extract.ts';
import { collectItems, composeSheet, markProblems, sheetItems, sheetMarkdown, SHEET_SECTION_ORDER, type SheetId } from './compose.ts';
import { captureJobs, captureOutputs } from './pool.ts';

export function sheetLoader(): Loader {
  return {
    name: 'kubenote-sheets',
    async load({ store, renderMarkdown, parseData, logger, config, watcher, generateDigest }) {
      const root = fileURLToPath(config.root);
      const notesDir = join(root, 'src', 'content', 'notes');
      const build = async () => {
        const notes = readNotes(notesDir);
        const problems = markProblems(notes);
        if (problems.length) throw new Error(`cheat-sheet marks:\n${problems.join('\n')}`);
        const items = collectItems(notes);
        const { outputs, stats } = await captureOutputs(captureJobs(notes, items), {
          root,
          cacheFile: join(root, 'node_modules', '.cache', 'kubenote', 'sheet-outputs.json'),
        });
        logger.info(`${items.length} items from ${stats.jobs} notes; outputs: ${stats.cached} cached, ${stats.jobs - stats.cached} simulated (${stats.ms} ms)`);
        const ids: SheetId[] = ['all', ...SHEET_SECTION_ORDER];
        store.clear();
        for (const id of ids) {
          const sheet = composeSheet(id, notes, items);
          if (!sheet.sections.length) continue;
          const body = sheetMarkdown(sheet, { notes, outputs });
          const list = sheetItems(sheet);
          const data = await parseData({
            id,
            data: {
              title: sheet.title,
              sections: sheet.sections.map((s) => ({ id: s.id, title: s.title, notes: s.notes.map((n) => ({ slug: n.slug, title: n.title, href: n.href })) })),
              items: list.length,
              commands: list.filter((i) => i.kind === 'command' || i.kind === 'generator').length,
              manifests: list.filter((i) => i.kind === 'manifest').length,
            },
          });
          store.set({ id, data, body, rendered: await renderMarkdown(body), digest: generateDigest(body) });
        }
      };
      await build();
      watcher?.on('change', (path) => {
        if (path.startsWith(notesDir)) build().catch((e) => logger.error((e as Error).message));
      });
    },
  };
}
