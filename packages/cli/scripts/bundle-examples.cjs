// Copies the repo's examples/*.go into dist/examples, so an installed @gosim/cli has the scenarios of
// `gosim demo` and `gosim matrix` beside its code (src/scenarios.ts looks there). Run by `build` after tsup.
'use strict';
const { copyFileSync, mkdirSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

/** Copies every *.go of `from` into `to` (created); returns the file names, sorted. */
function bundleExamples(from, to) {
  const names = readdirSync(from).filter((f) => f.endsWith('.go')).sort();
  if (names.length === 0) throw new Error(`no Go files in ${from}`);
  mkdirSync(to, { recursive: true });
  for (const f of names) copyFileSync(join(from, f), join(to, f));
  return names;
}

module.exports = { bundleExamples };

if (require.main === module) {
  const pkg = join(__dirname, '..');
  const names = bundleExamples(join(pkg, '..', '..', 'examples'), join(pkg, 'dist', 'examples'));
  process.stdout.write(`bundled ${names.length} examples into dist/examples\n`);
}
