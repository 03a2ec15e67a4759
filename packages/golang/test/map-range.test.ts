// Range over maps (check/range-map.ts, lower/range-map.ts, runtime/src/map-iter.ts) and the map's words under
// the GC and stack copying. Go's iteration order is random: these check properties (each key once, deleted
// entries not visited, orders differ between loops), with the deterministic lines as go1.19.8 prints them.
import { runModule, type RunOptions } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

function run(src: string, opts: RunOptions = {}): { exit: number; lines: string[] } {
  const c = compile(src, 'x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, opts);
  return { exit: r.exitCode, lines: r.stderr.split('\n') };
}

const harsh: RunOptions = { stackPoisonCopy: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 5, gcEvery: 11 };

describe('range over a map', () => {
  const prog = "package main\n\nimport \"runtime\"\n\ntype node struct {\n\tv    int\n\tnext *node\n}\n\nfunc fill(m map[int]*node, n int) {\n\tfor i := 0; i < n; i++ {\n\t\tm[i] = &node{v: i}\n\t}\n}\n\nfunc deep(n int) int {\n\tvar pad [64]int\n\tif n == 0 {\n\t\treturn pad[0]\n\t}\n\treturn deep(n-1) + pad[1]\n}\n\nfunc main() {\n\tm := make(map[int]*node)\n\tfill(m, 2000)\n\truntime.GC()\n\tx := make([]*node, 0)\n\t_ = x\n\tsum := 0\n\tfor i := 0; i < 2000; i++ {\n\t\tsum += m[i].v\n\t}\n\tprintln(sum, len(m))\n\t// a stack map (does not escape) survives stack moves\n\ts := make(map[int]int)\n\ts[1000] = 1\n\tdeep(200)\n\ts[1000]++\n\tfor i := 0; i < 100; i++ {\n\t\ts[i%26] += i\n\t}\n\tdeep(400)\n\truntime.GC()\n\tprintln(s[1000], s[0], len(s))\n\t// deleting during iteration: deleted entries are not visited\n\td := map[int]int{}\n\tfor i := 0; i < 100; i++ {\n\t\td[i] = i\n\t}\n\tseen := 0\n\tfor k := range d {\n\t\tseen++\n\t\tdelete(d, k^1)\n\t}\n\tprintln(seen, len(d))\n\t// iteration visits each key once, also while growing\n\tg := map[int]int{0: 0}\n\tvisits := map[int]int{}\n\tfor k := range g {\n\t\tvisits[k]++\n\t\tif len(g) < 500 {\n\t\t\tfor j := 0; j < 50; j++ {\n\t\t\t\tg[len(g)] = 1\n\t\t\t}\n\t\t}\n\t}\n\tdup := 0\n\tfor _, c := range visits {\n\t\tif c > 1 {\n\t\t\tdup++\n\t\t}\n\t}\n\tprintln(len(g), dup)\n}\n";
  test.each([['default', {}], ['stacks moving, GC every few safe points, freed memory clobbered', harsh]] as [string, RunOptions][])(
    'objects reachable only from buckets survive GC; a stack hmap survives stack moves; iteration properties (%s)', (_, opts) => {
      const r = run(prog, opts);
      expect(r.exit).toBe(0);
      // go1.19.8: "1999000 2000", "2 156 27", "50 50"
      expect(r.lines.slice(0, 3)).toEqual(['1999000 2000', '2 156 27', '50 50']);
      // keys added while ranging (the map grows from 1 to hundreds of entries) may or may not be visited, none twice
      const [size, dup] = r.lines[3]!.split(' ').map(Number);
      expect(dup).toBe(0);
      expect(size).toBeGreaterThanOrEqual(51);
      expect(size).toBeLessThanOrEqual(551);
    });

  test('each loop starts at a random bucket and offset; every entry is visited once', () => {
    const src = "package main\n\nfunc main() {\n\tm := map[int]bool{}\n\tfor i := 0; i < 100; i++ {\n\t\tm[i] = true\n\t}\n\tdiffer := 0\n\tfor t := 0; t < 10; t++ {\n\t\tfirst, second := -1, -1\n\t\tfor k := range m {\n\t\t\tfirst = k\n\t\t\tbreak\n\t\t}\n\t\tfor k := range m {\n\t\t\tsecond = k\n\t\t\tbreak\n\t\t}\n\t\tif first != second {\n\t\t\tdiffer++\n\t\t}\n\t}\n\tprintln(differ > 0)\n\tsum := 0\n\tn := 0\n\tfor k, v := range m {\n\t\tif v {\n\t\t\tsum += k\n\t\t\tn++\n\t\t}\n\t}\n\tprintln(n, sum)\n}\n";
    for (const seed of [0, 1, 2]) expect(run(src, { seed }).lines.slice(0, 2)).toEqual(['true', '100 4950']);
  });
});
