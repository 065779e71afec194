// A node:test reporter that writes one JSON line of counts when the run ends:
// {"passed":N,"failed":N,"skipped":N,"todo":N}. Suites (describe) are not counted, tests and
// subtests are. Used by scripts/test.mjs beside the usual spec reporter.

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip !== undefined && event.data.skip !== false) counts.skipped++;
    else if (event.data.todo !== undefined && event.data.todo !== false) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts) + '\n';
}
