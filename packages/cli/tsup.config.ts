import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, defineConfig, type Options } from 'tsup';
import { tsupBase } from '../../tsup.base';

// main.ts is its own entry for bin/gosim.cjs: index.ts re-exports every command's module, main.ts loads them
// lazily, and splitting keeps the commands a run does not need in chunks of their own. The CJS build turns import()
// into require() (one copy of each package per process: a CJS caller gets the CJS @gosim/runtime that plugins
// register into; and bin/code-cache.cjs can cache every chunk) and has no import.meta (code falls back to
// __dirname; tsup's shim would build a URL at load time).
const cjsOnly: Options['esbuildOptions'] = (options, { format }) => {
  if (format !== 'cjs') return;
  options.supported = { ...options.supported, 'dynamic-import': false };
  options.define = { ...options.define, 'import.meta.url': 'undefined' };
};

// dist/run.cjs: main.ts again with commander and the workspace packages a run needs inside (from their sources,
// the @gosim/source condition), for `gosim run` without --plugin. One file instead of some 20 to resolve and read: Node's module
// resolution through node_modules costs more than the code. Not for --plugin or the other commands: a plugin, and
// @gosim/explore, must share the installed @gosim/runtime (bin/gosim.cjs picks the file). The compiler and the
// standard packages' sources, over half of the code, are dist/compile.cjs, required at the first compile
// (src/golang-lazy.ts stands in for @gosim/golang), so that a run of a cached module reads neither. Built after the
// rest, so that cleaning dist/ cannot remove them.
const bundle = (name: string, entry: string, noExternal: RegExp[], plugins: Options['esbuildPlugins'] = []): Options => ({
  config: false, // build() would read this file again (and recurse through onSuccess)
  entry: { [name]: entry },
  format: ['cjs'],
  target: 'node20',
  sourcemap: true,
  dts: false,
  clean: false,
  splitting: false,
  silent: true,
  // a third less to read at every start (names stay: stacks still name functions; the .map maps positions)
  minifyWhitespace: true,
  noExternal,
  external: ['./compile.cjs'],
  esbuildPlugins: plugins,
  esbuildOptions: (options, ctx) => {
    cjsOnly(options, ctx);
    options.conditions = ['@gosim/source'];
  },
});
const lazyGolang = {
  name: 'golang-lazy',
  setup(b: { onResolve(o: { filter: RegExp }, f: () => { path: string }): void }) {
    b.onResolve({ filter: /^@gosim\/golang$/ }, () => ({ path: resolve('src/golang-lazy.ts') }));
  },
};
const runBundle = bundle('run', 'src/main.ts', [/^@gosim\/(?!explore$|viz$)/, /^commander$/, /^@commander-js\//], [lazyGolang]);
const compileBundle = bundle('compile', 'src/compile-entry.ts', [/^@gosim\//]);

/**
 * esbuild escapes non-ASCII characters in code but keeps them in comments, and one such character makes Node decode
 * the whole file into a two-byte string: several ms more per start for run.cjs. As \uXXXX the comments read the
 * same and the code (already escaped) is unchanged.
 */
function asciiOnly(file: string): void {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`); // per UTF-16 unit
  if (ascii !== text) writeFileSync(file, ascii);
}

/**
 * commander requires node:child_process when it loads (~5 ms) for executable subcommands, which gosim has none of:
 * in run.cjs its binding gets the module on first use. tsup marks builtins external before any plugin sees them,
 * so the one statement is rewritten; a commander that no longer has it fails the build.
 */
function lazyChildProcess(file: string): void {
  const eager = 'childProcess=require("child_process");';
  const text = readFileSync(file, 'utf8');
  if (text.split(eager).length !== 2) throw new Error(`${file}: commander's child_process require not found once`);
  writeFileSync(file, text.replace(eager, 'childProcess=new Proxy({},{get:(_,k)=>require("child_process")[k]});'));
}

export default defineConfig({
  ...tsupBase,
  entry: ['src/index.ts', 'src/main.ts'],
  // the launcher's plain-CJS helpers stay a file of their own beside dist/ (bundled, their require()s would throw
  // in the ESM build); src/ and dist/ are both one level down, so the relative path holds
  external: [/\/bin\/cache-files\.cjs$/],
  splitting: true,
  // its chunks require one another (a copy taken at a chunk's end could miss a binding a cycle reads later); nothing
  // calls the CLI's exports on a hot path
  footer: undefined,
  esbuildOptions: cjsOnly,
  onSuccess: async () => {
    await build(runBundle);
    await build(compileBundle);
    lazyChildProcess('dist/run.cjs');
    asciiOnly('dist/run.cjs');
    asciiOnly('dist/compile.cjs');
  },
});
