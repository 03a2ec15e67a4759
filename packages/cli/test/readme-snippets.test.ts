// Every README snippet type-checks (strict, as the packages) and runs as shown. ```ts blocks are compiled with swc and run against the source packages
// (`@gosim/NAME` is packages/NAME/src) at the repo root; a `// … → TEXT` comment says TEXT is printed (console.log),
// in order.
// In ```sh blocks every `gosim …` command (also as `pnpm exec gosim`, `npx -y pnpm@12.4.2 exec gosim`,
// `node_modules/.bin/gosim`) runs through main() at the repo root: it must not be a usage or file error, and a
// `# … → TEXT` comment says its stdout or stderr contains TEXT. Other shell lines (install, build, test) are not run.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@swc/core';
import ts from 'typescript';
import { gosim } from './helpers.js';

jest.setTimeout(120_000);

const root = join(__dirname, '..', '..', '..');
const readmes = [
  'README.md',
  ...readdirSync(join(root, 'packages')).sort().map((d) => join('packages', d, 'README.md')),
  join('examples', 'README.md'),
];

interface Block {
  readme: string;
  lang: 'ts' | 'sh';
  line: number;
  code: string;
}

function blocksOf(readme: string): Block[] {
  const text = readFileSync(join(root, readme), 'utf8');
  const out: Block[] = [];
  for (const m of text.matchAll(/^```(ts|sh)\n([\s\S]*?)^```$/gm)) {
    out.push({ readme, lang: m[1] as 'ts' | 'sh', line: text.slice(0, m.index).split('\n').length, code: m[2]! });
  }
  return out;
}

const blocks = readmes.flatMap(blocksOf);
const name = (b: Block) => `${b.readme}:${b.line}`;

/** Runs a TS snippet (imports hoisted, the rest in an async function); returns what it printed. */
async function runTs(code: string): Promise<string[]> {
  const lines = code.split('\n');
  const isImport = (l: string) => /^import\s/.test(l);
  const src = `${lines.filter(isImport).join('\n')}\nexport default async function snippet(console: { log: (...a: unknown[]) => void }) {\n${lines.filter((l) => !isImport(l)).join('\n')}\n}\n`;
  const js = transformSync(src, {
    filename: 'snippet.ts',
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  }).code;
  const req = (id: string): unknown => {
    const m = /^@gosim\/([a-z-]+)$/.exec(id);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return m ? require(join(root, 'packages', m[1]!, 'src', 'index.ts')) : require(id);
  };
  const mod: { exports: { default?: (c: unknown) => Promise<void> } } = { exports: {} };
  new Function('require', 'module', 'exports', js)(req, mod, mod.exports);
  const printed: string[] = [];
  await mod.exports.default!({ log: (...a: unknown[]) => printed.push(a.map(String).join(' ')) });
  return printed;
}

const expectedTs = (code: string): string[] => [...code.matchAll(/\/\/[^\n]*?→ (.*)$/gm)].map((m) => m[1]!.trim());

const gosimLine = /^(?:gosim|pnpm exec gosim|npx -y pnpm@12\.4\.2 exec gosim|node_modules\/\.bin\/gosim)\s+(.*)$/;

/** The gosim commands of a sh block: argv and the `# → TEXT` it must print. */
function commandsOf(code: string): { argv: string[]; want?: string; text: string }[] {
  return code
    .split('\n')
    .map((l) => l.trim())
    .flatMap((l) => {
      const m = gosimLine.exec(l);
      if (!m) return [];
      const [cmd, comment] = m[1]!.split(/\s+#\s*/, 2) as [string, string | undefined];
      const want = comment?.includes('→') ? comment.slice(comment.indexOf('→') + 1).trim() : undefined;
      return [{ argv: cmd.trim().split(/\s+/), text: l, ...(want ? { want } : {}) }];
    });
}

test('the READMEs have snippets to check', () => {
  expect(blocks.filter((b) => b.lang === 'ts').length).toBeGreaterThanOrEqual(10);
  expect(blocks.flatMap((b) => (b.lang === 'sh' ? commandsOf(b.code) : [])).length).toBeGreaterThanOrEqual(8);
});

describe.each(blocks.filter((b) => b.lang === 'ts').map((b) => [name(b), b] as const))('%s (ts)', (_n, b) => {
  // snippets name repo files as a reader at the repo root would
  const cwd = process.cwd();
  beforeAll(() => process.chdir(root));
  afterAll(() => process.chdir(cwd));
  test('compiles and runs; prints what its // → comments show', async () => {
    const printed = await runTs(b.code);
    let at = 0;
    for (const want of expectedTs(b.code)) {
      const i = printed.findIndex((p, j) => j >= at && p.includes(want));
      expect([want, i >= 0 ? 'printed' : `not printed (got ${JSON.stringify(printed)})`]).toEqual([want, 'printed']);
      at = i + 1;
    }
  });
});

test('every ts snippet type-checks against the source packages (the repo\'s strict options)', () => {
  const dir = mkdtempSync(join(__dirname, '..', '.snippets-'));
  try {
    const tsBlocks = blocks.filter((b) => b.lang === 'ts');
    const files = tsBlocks.map((b, i) => {
      const f = join(dir, `snippet${i}.ts`);
      writeFileSync(f, `${b.code}\nexport {};\n`);
      return f;
    });
    const base = ts.readConfigFile(join(root, 'tsconfig.base.json'), (f) => ts.sys.readFile(f));
    const { options } = ts.convertCompilerOptionsFromJson(base.config.compilerOptions, root);
    const program = ts.createProgram(files, { ...options, noEmit: true, baseUrl: root, paths: { '@gosim/*': ['packages/*/src/index.ts'] } });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => `${tsBlocks[files.indexOf(d.file!.fileName)]!.readme}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const shCommands = blocks.filter((b) => b.lang === 'sh').flatMap((b) => commandsOf(b.code).map((c) => [`${name(b)}: ${c.text}`, c] as const));

describe.each(shCommands)('%s', (_n, c) => {
  test('runs as shown', async () => {
    const r = await gosim(c.argv, root, { CI: '1' });
    expect([64, 66, 70]).not.toContain(r.status);
    if (c.want) expect(`${r.stdout}${r.stderr}`).toContain(c.want);
  });
});
