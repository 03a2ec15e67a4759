// Maps with 8-byte keys take Go's map_fast64.go operations (runtime/src/map-fast64.ts): programs whose expected
// output is go1.19.8's, written here as literals; range order is random, so ranges check properties only.
import { runModule, type RunOptions } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

function run(src: string, opts: RunOptions = {}): { exit: number; out: string } {
  const c = compile(src, 'x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, opts);
  return { exit: r.exitCode, out: r.stderr };
}

const harsh: RunOptions = { stackPoisonCopy: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 7, gcEvery: 13 };

describe('8-byte keys (mapaccess1_fast64, mapassign_fast64, mapdelete_fast64, evacuate_fast64)', () => {
  const src = "package main\n\ntype T struct{ n int }\n\nfunc main() {\n\tm := map[int]int{}\n\tfor i := 0; i < 5000; i++ {\n\t\tm[i*31] = i\n\t}\n\t// delete during range: a key deleted before the loop reaches it is not returned\n\tgone := map[int]bool{}\n\tseen, bad := 0, 0\n\tfor k, v := range m {\n\t\tseen++\n\t\tif gone[k] || v != k/31 {\n\t\t\tbad++\n\t\t}\n\t\tif _, ok := m[k+31]; ok && k+31 < 5000*31 {\n\t\t\tdelete(m, k+31)\n\t\t\tgone[k+31] = true\n\t\t}\n\t}\n\tt := 0\n\tfor k, v := range m {\n\t\tt += k - v*31\n\t}\n\tprintln(bad, seen >= len(m) && seen <= 5000, len(m)+len(gone) == 5000, t)\n\t// growth while ranging: the loop ends, new keys may or may not be seen\n\tg := map[int64]int64{}\n\tfor i := int64(0); i < 20; i++ {\n\t\tg[-i] = i * i\n\t}\n\tn := 0\n\tfor k := range g {\n\t\tif n < 100 {\n\t\t\tg[k-1000] = 1\n\t\t}\n\t\tn++\n\t}\n\tprintln(len(g) >= 40, n >= 20)\n\tb := map[uint64]bool{}\n\tfor i := uint64(0); i < 300; i++ {\n\t\tb[i<<40|i] = i%3 == 0\n\t}\n\tc := 0\n\tfor i := uint64(0); i < 300; i++ {\n\t\tif v, ok := b[i<<40|i]; ok && v {\n\t\t\tc++\n\t\t}\n\t\tif _, ok := b[i<<40]; ok && i != 0 {\n\t\t\tc += 1000\n\t\t}\n\t}\n\tprintln(c, len(b))\n\ta := map[int][3]int{}\n\tfor i := 0; i < 100; i++ {\n\t\ta[i] = [3]int{i, i * 2, i * 3}\n\t}\n\tfor i := 0; i < 100; i += 2 {\n\t\tdelete(a, i)\n\t}\n\tprintln(len(a), a[51][2], a[50][1])\n\te := map[int]struct{}{}\n\tfor i := 0; i < 100; i++ {\n\t\te[i%10] = struct{}{}\n\t}\n\t_, ok := e[3]\n\tprintln(len(e), ok)\n\tp := map[*T]int{}\n\tts := make([]*T, 50)\n\tfor i := range ts {\n\t\tts[i] = &T{i}\n\t\tp[ts[i]] = i\n\t}\n\ts := 0\n\tfor k, v := range p {\n\t\ts += k.n * v\n\t}\n\tprintln(s, p[&T{1}], p[ts[7]])\n\tfor i := 0; i < 5000; i++ {\n\t\tdelete(m, i*31)\n\t}\n\tm[1] = 1\n\tprintln(len(m), m[1])\n}\n";
  const out = "0 true true 0\ntrue true\n100 300\n50 153 0\n10 true\n40425 0 7\n1 1\n";
  test('growth, delete and insert during range, int64 / uint64 / pointer keys, 1-, 0- and 24-byte elements', () => {
    expect(run(src)).toEqual({ exit: 0, out });
  });
  test('the same with stacks moving and the GC running every few safe points', () => {
    expect(run(src, harsh)).toEqual({ exit: 0, out });
  });
  test('the interpreter alone gives the same', () => {
    expect(run(src, { tier: 'interp' })).toEqual({ exit: 0, out });
  });
});
