// A node:test reporter that writes one JSON line of counts when the run ends:
// {"passed":N,"failed":N,"skipped":N,"todo":N,"failures":[{name,message}]}. Suites (describe) are not
// counted, tests and subtests are. Used by scripts/test.mjs beside the usual spec reporter, which
// repeats the failures (first lines of each message) just before its summary, where a CI log's tail shows them.

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0, failures: /** @type {{ name: string, message: string }[]} */ ([]) };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip !== undefined && event.data.skip !== false) counts.skipped++;
    else if (event.data.todo !== undefined && event.data.todo !== false) counts.todo++;
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      const error = event.data.details?.error;
      const message = String(error?.cause?.message ?? error?.cause ?? error?.message ?? '');
      counts.failures.push({ name: event.data.name, message: message.split('\n').slice(0, 40).join('\n') });
    }
  }
  yield JSON.stringify(counts) + '\n';
}
