import { compileToChecked, formatDiagnostic, MAX_SOURCE_BYTES } from '../src/index';
import { runGo } from './run-helpers';

// Expected texts are what go1.19.8 `go run x.go` printed for the same bytes.
const errs = (src: string | Uint8Array): string[] => compileToChecked(src, './x.go').diagnostics.map(formatDiagnostic);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const main = (stmt: (string | number[])[]): Uint8Array => bytes('package main\n\nfunc main() {\n\t', ...stmt, '\n}\n');

describe('source text', () => {
  it('invalid UTF-8 is "invalid UTF-8 encoding" at its byte, in a literal, a comment or code', () => {
    expect(errs(main(['x := "a', [0xff], 'b"\n\tprintln(x)']))).toEqual(['./x.go:4:9: invalid UTF-8 encoding']);
    expect(errs(main(['println(1) // ', [0xff]]))).toEqual(['./x.go:4:16: invalid UTF-8 encoding']);
    expect(errs(main([[0xff]]))).toEqual(['./x.go:4:2: invalid UTF-8 encoding']);
    // overlong encodings and surrogates are not UTF-8 either (one error a line, as go)
    expect(errs(main(['println("', [0xc0, 0xaf], '")']))).toEqual(['./x.go:4:11: invalid UTF-8 encoding']);
    expect(errs(main(['println("', [0xed, 0xa0, 0x80], '")']))).toEqual(['./x.go:4:11: invalid UTF-8 encoding']);
  });
  it('valid multi-byte UTF-8 is accepted and printed byte for byte', () => {
    const src = main(['println("h', [0xc3, 0xa9], ' ', [0xe2, 0x82, 0xac], ' ', [0xf0, 0x9f, 0x98, 0x80], '")']);
    expect(errs(src)).toEqual([]);
    expect(runGo(Buffer.from(src).toString('utf8'), 'x.go').raw).toBe('hé € 😀\n');
  });
  it('a leading byte order mark is accepted (and counts in the first line\'s columns); elsewhere it is an error', () => {
    expect(errs(bytes([0xef, 0xbb, 0xbf], 'package main\n\nfunc main() {\n\tprintln(1)\n}\n'))).toEqual([]);
    expect(errs(bytes([0xef, 0xbb, 0xbf], 'package main; x\n\nfunc main() {\n}\n'))).toEqual(['./x.go:1:18: syntax error: non-declaration statement outside function body']);
    expect(errs(main(['println(1)', [0xef, 0xbb, 0xbf]]))).toEqual(['./x.go:4:12: invalid BOM in the middle of the file']);
  });
  it('a NUL byte is "invalid NUL character"', () => {
    expect(errs(main(['println("a', [0], '")']))).toEqual(['./x.go:4:12: invalid NUL character']);
  });
  it('a source larger than the cap is a positioned error naming the cap, not an attempt to compile it', () => {
    const big = 'package main\n\nfunc main() {}\n' + ' '.repeat(MAX_SOURCE_BYTES);
    expect(errs(big)).toEqual([`./x.go:1:1: source file too large for gosim: ${MAX_SOURCE_BYTES + 29} bytes (at most ${MAX_SOURCE_BYTES}, 16 MiB)`]);
    expect(errs(Buffer.from(big))).toHaveLength(1);
  });
});
