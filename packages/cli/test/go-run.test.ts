// What `go run FILE.go` (go1.19.8) prints around the program's own run: the compiler's errors under the
// `# command-line-arguments` header with go's short paths, go's error limit, and go's checks of the file
// argument. Every expected text below is what real go1.19.8 printed for the same files and directories.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '@gosim/golang';
import { compilerErrors } from '../src/compiler-errors.js';
import { shortPath, showOutput } from '../src/go-file.js';
import { gosim, goFiles } from './helpers.js';

const bad = 'package main\nfunc main() { x := 1 }\n';
const unused = (n: number) => `package main\nfunc main() {\n${Array.from({ length: n }, (_, i) => `\ta${i + 1} := 1\n`).join('')}}\n`;
const files = goFiles({
  'bad.go': bad,
  'g12.go': unused(12),
  'g10.go': unused(10),
  'g9.go': unused(9),
  'escape.go': 'package main\n\nvar g *int\n\nfunc main() {\n\tx := 1\n\tg = &x\n\tprintln(*g)\n}\n',
  'p.go': 'package main\nfunc main() {\n\tpanic("x")\n}\n',
  'x.txt': 'hi\n',
  'ok.go': 'package main\nfunc main() {}\n',
});
writeFileSync(join(files.dir, 'utf8.go'), Buffer.from('package main\n\nfunc main() {\n\tprintln("a\xffb")\n}\n', 'latin1'));
const { dir } = files;
mkdirSync(join(dir, 'sub'));
mkdirSync(join(dir, 'x'));
mkdirSync(join(dir, 'other'));
mkdirSync(join(dir, 'dir.go'));
writeFileSync(join(dir, 'sub', 'bad.go'), bad);
writeFileSync(join(dir, 'x', 'bad.go'), bad);
symlinkSync('nowhere.go', join(dir, 'dang.go'));
afterAll(() => files.dispose());

const declared = (name: string) => `${name}:2:15: x declared but not used\n`;
const failed = (stderr: string) => ({ status: 2, stdout: '', stderr: `# command-line-arguments\n${stderr}` });

describe('compile errors print as go run prints them', () => {
  test('invalid UTF-8 in the file is the compiler\'s positioned error (the bytes reach the compiler undecoded)', async () => {
    expect(await gosim(['run', 'utf8.go'], dir)).toEqual(failed('./utf8.go:4:12: invalid UTF-8 encoding\n'));
  });
  test('a file in the working directory is ./FILE under the # command-line-arguments header', async () => {
    expect(await gosim(['run', 'bad.go'], dir)).toEqual(failed(declared('./bad.go')));
  });

  test('a file below it is sub/FILE (no ./), as go shows a shorter relative path', async () => {
    expect(await gosim(['run', 'sub/bad.go'], dir)).toEqual(failed(declared('sub/bad.go')));
    expect(await gosim(['run', 'sub/../bad.go'], dir)).toEqual(failed(declared('./bad.go')));
  });

  test('a file beside the working directory is ../FILE, whether named by an absolute or a relative path', async () => {
    const cwd = join(dir, 'other');
    expect(await gosim(['run', join(dir, 'bad.go')], cwd)).toEqual(failed(declared('../bad.go')));
    expect(await gosim(['run', '../x/bad.go'], cwd)).toEqual(failed(declared('../x/bad.go')));
    expect(await gosim(['run', '../sub/bad.go'], join(dir, 'sub'))).toEqual(failed(declared('./bad.go')));
  });

  test('the absolute path stays when the relative one would be longer', async () => {
    const deep = join(dir, 'other', ...Array.from({ length: Math.ceil(dir.length / 3) + 2 }, () => 'd'));
    mkdirSync(deep, { recursive: true });
    expect(await gosim(['run', join(dir, 'bad.go')], deep)).toEqual(failed(declared(join(dir, 'bad.go'))));
  });

  const tenLines = (file: string) => Array.from({ length: 10 }, (_, i) => `./${file}:${i + 3}:2: a${i + 1} declared but not used\n`).join('');
  test('go stops at the 10th error: 12 unused variables print 10 and `./g12.go:12:2: too many errors`', async () => {
    expect(await gosim(['run', 'g12.go'], dir)).toEqual(failed(`${tenLines('g12.go')}./g12.go:12:2: too many errors\n`));
  });

  test('exactly 10 errors also end with too many errors; 9 do not', async () => {
    expect(await gosim(['run', 'g10.go'], dir)).toEqual(failed(`${tenLines('g10.go')}./g10.go:12:2: too many errors\n`));
    const nine = Array.from({ length: 9 }, (_, i) => `./g9.go:${i + 3}:2: a${i + 1} declared but not used\n`).join('');
    expect(await gosim(['run', 'g9.go'], dir)).toEqual(failed(nine));
  });

  test('--json carries the same stderr text', async () => {
    const r = await gosim(['run', '--json', 'bad.go'], dir);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'bad.go', status: 2, compiled: false, stderr: `# command-line-arguments\n${declared('./bad.go')}` });
  });

  test('-m lines come under the header with the short path (go run -gcflags=-m prints ./escape.go:6:2: moved to heap: x)', async () => {
    const r = await gosim(['run', '-m', 'escape.go'], dir);
    expect(r.status).toBe(0);
    // go also prints `./escape.go:5:6: can inline main`; gosim makes no inlining decisions
    expect(r.stderr).toBe('# command-line-arguments\n./escape.go:6:2: moved to heap: x\n1\n');
  });

  test('a traceback names the file by its absolute path, as the binary go run builds does', async () => {
    const r = await gosim(['run', 'p.go'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`\nmain.main()\n\t${join(dir, 'p.go')}:3 +0x`);
  });
});

describe("go run's checks of its file argument: go's messages, status 1", () => {
  test('a missing file: stat FILE: no such file or directory, FILE as given', async () => {
    expect(await gosim(['run', 'nope.go'], dir)).toEqual({ status: 1, stdout: '', stderr: 'stat nope.go: no such file or directory\n' });
    expect(await gosim(['run', 'sub/nope.go'], dir)).toEqual({ status: 1, stdout: '', stderr: 'stat sub/nope.go: no such file or directory\n' });
    expect(await gosim(['run', join(dir, 'nope', 'nope.go')], dir)).toEqual({ status: 1, stdout: '', stderr: `stat ${join(dir, 'nope', 'nope.go')}: no such file or directory\n` });
  });

  test('a dangling symbolic link is missing too (stat follows it)', async () => {
    expect(await gosim(['run', 'dang.go'], dir)).toEqual({ status: 1, stdout: '', stderr: 'stat dang.go: no such file or directory\n' });
  });

  test('a directory named like a Go file: FILE is a directory, should be a Go file', async () => {
    expect(await gosim(['run', 'dir.go'], dir)).toEqual({ status: 1, stdout: '', stderr: 'dir.go is a directory, should be a Go file\n' });
  });

  test('no file: no go files listed (go says go: no go files listed), status 1', async () => {
    expect(await gosim(['run'], dir)).toEqual({ status: 1, stdout: '', stderr: 'gosim: no go files listed\n' });
  });

  test('a name not ending in .go is a package to go (status 1); gosim says it runs files only', async () => {
    for (const arg of ['x.txt', 'bad.go/', '.'])
      expect(await gosim(['run', arg], dir)).toEqual({ status: 1, stdout: '', stderr: `gosim: ${arg}: not a .go file; gosim runs one Go file (package main), not packages\n` });
  });

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  (root ? test.skip : test)('an unreadable file: open /ABS/FILE: permission denied (go: go: open …), status 1 [skipped as root: root reads it]', async () => {
    chmodSync(files.path('ok.go'), 0);
    try {
      expect(await gosim(['run', 'ok.go'], dir)).toEqual({ status: 1, stdout: '', stderr: `gosim: open ${files.path('ok.go')}: permission denied\n` });
    } finally {
      chmodSync(files.path('ok.go'), 0o644);
    }
  });
});

describe("the go command's output filter and gc's error list", () => {
  test('showOutput shortens the directory after a newline, a space and a tab (an "other declaration" line)', () => {
    const out = '/d/x.go:3:6: f redeclared in this block\n\t/d/x.go:2:6: other declaration of f\n';
    expect(showOutput(out, '/d/x.go', '/d')).toBe('# command-line-arguments\n./x.go:3:6: f redeclared in this block\n\t./x.go:2:6: other declaration of f\n');
    expect(shortPath('/d', '/d')).toBe('.');
    expect(shortPath('/d/sub', '/d')).toBe('sub');
  });

  const at = (line: number, col: number, message: string, kind: Diagnostic['kind'] = 'type'): Diagnostic => ({ kind, filename: 'f.go', pos: { line, col, offset: 0 }, message });
  test('errors print sorted by position; one syntax error per line; a repeated error on its line once', () => {
    expect(compilerErrors([
      at(5, 1, 'b'), at(2, 9, 'syntax error: one', 'syntax'), at(2, 12, 'syntax error: two', 'syntax'), at(3, 4, 'same'), at(3, 8, 'same'), at(3, 9, 'other'),
    ])).toEqual(['f.go:2:9: syntax error: one', 'f.go:3:4: same', 'f.go:3:9: other', 'f.go:5:1: b']);
  });

  test('too many errors takes the position of the 10th error reported, not the last one printed', () => {
    const reported = [at(20, 1, 'late'), ...Array.from({ length: 9 }, (_, i) => at(i + 1, 1, `e${i}`)), at(30, 1, 'dropped')];
    const l = compilerErrors(reported);
    expect(l).toHaveLength(11);
    expect(l.slice(-2)).toEqual(['f.go:20:1: late', 'f.go:9:1: too many errors']);
  });
});

describe('the package clause is read before compiling, as go/build does (status 1)', () => {
  const clause = goFiles({
    'empty.go': '',
    'nopkg.go': 'func main() {}\n',
    'pk.go': '// c\n\npackage\n',
    'pk2.go': '\n\n   package\n\n  ',
    'op.go': '  := 1',
    'lit.go': 'x := 1\n',
    'num.go': 'package 1\n',
    'str.go': '"str"\n',
    'foo.go': 'package foo\nfunc main() { x := 1 }\n',
    'bom.go': '\uFEFFpackage foo\n',
    'comment.go': '/* c */ package foo\n',
  });
  mkdirSync(join(clause.dir, 'sub'));
  writeFileSync(join(clause.dir, 'sub', 'empty.go'), '');
  afterAll(() => clause.dispose());
  const loadFails = (stderr: string) => ({ status: 1, stdout: '', stderr: `${stderr}\n` });

  test("no package clause: FILE:L:C: expected 'package', found X, FILE the short path without ./", async () => {
    expect(await gosim(['run', 'empty.go'], clause.dir)).toEqual(loadFails("empty.go:1:1: expected 'package', found 'EOF'"));
    expect(await gosim(['run', 'sub/empty.go'], clause.dir)).toEqual(loadFails("sub/empty.go:1:1: expected 'package', found 'EOF'"));
    expect(await gosim(['run', clause.path('empty.go')], join(clause.dir, 'sub'))).toEqual(loadFails("../empty.go:1:1: expected 'package', found 'EOF'"));
    expect(await gosim(['run', 'nopkg.go'], clause.dir)).toEqual(loadFails("nopkg.go:1:1: expected 'package', found 'func'"));
    expect(await gosim(['run', 'op.go'], clause.dir)).toEqual(loadFails("op.go:1:3: expected 'package', found ':='"));
    expect(await gosim(['run', 'lit.go'], clause.dir)).toEqual(loadFails("lit.go:1:1: expected 'package', found x"));
    expect(await gosim(['run', 'str.go'], clause.dir)).toEqual(loadFails('str.go:1:1: expected \'package\', found "str"'));
  });

  test("no package name: expected 'IDENT'; EOF after a final newline is on the last line (go/token)", async () => {
    expect(await gosim(['run', 'pk.go'], clause.dir)).toEqual(loadFails("pk.go:3:9: expected 'IDENT', found 'EOF'"));
    expect(await gosim(['run', 'pk2.go'], clause.dir)).toEqual(loadFails("pk2.go:5:3: expected 'IDENT', found 'EOF'"));
    expect(await gosim(['run', 'num.go'], clause.dir)).toEqual(loadFails("num.go:1:9: expected 'IDENT', found 1"));
  });

  test('a package other than main: package command-line-arguments is not a main package, before any compile error', async () => {
    for (const f of ['foo.go', 'bom.go', 'comment.go'])
      expect(await gosim(['run', f], clause.dir)).toEqual(loadFails('package command-line-arguments is not a main package'));
  });
});
