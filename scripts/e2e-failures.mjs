// Prints, in a few lines each, the end-to-end tests that failed or needed their retry, with the
// first lines of their error. .ci/run calls it last: a CI log is often read from its end only, and
// Playwright's own account of a failure sits far above the summary.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'playwright-report/e2e.json';
if (!existsSync(file)) {
  console.log(`e2e: no report at ${file}`);
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are what is removed.
const plain = (s) => String(s ?? '').replace(/\u001b\[[0-9;]*m/g, '');
const firstLines = (s, n) =>
  plain(s)
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(0, n);

const lines = [];
const walk = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      // 'unexpected': failed every try; 'flaky': failed, then passed on its retry.
      if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
      lines.push(`${t.status === 'flaky' ? 'FLAKY' : 'FAILED'} ${spec.file}:${spec.line} ${spec.title}`);
      const failed = (t.results ?? []).find((r) => r.status !== 'passed' && r.status !== 'skipped');
      const error = failed?.errors?.[0] ?? failed?.error;
      if (error) for (const l of firstLines(error.message ?? error.value, 4)) lines.push(`    ${l.slice(0, 220)}`);
      if (error?.location) lines.push(`    at ${error.location.file.split('/').slice(-2).join('/')}:${error.location.line}`);
    }
  }
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of report.suites ?? []) walk(suite);
for (const e of report.errors ?? []) lines.push(`ERROR ${firstLines(e.message, 3).join(' / ').slice(0, 300)}`);

const s = report.stats ?? {};
console.log(`e2e: ${s.expected ?? 0} passed, ${s.unexpected ?? 0} failed, ${s.flaky ?? 0} flaky, ${s.skipped ?? 0} skipped`);
// Kept short: the end of a log is what gets read.
for (const l of lines.slice(0, 24)) console.log(l);
if (lines.length > 24) console.log(`... ${lines.length - 24} more lines in ${file}`);
