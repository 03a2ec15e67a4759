// Maps (check/map.ts, lower/map.ts, runtime/src/map*.ts): programs whose expected output is go1.19.8's, written
// here as literals. Go's iteration order is random, so range tests check properties, not an order.
import { runModule, type RunOptions } from '@gosim/runtime';
import { compile, formatDiagnostic } from '../src/index';

function run(src: string, opts: RunOptions = {}): { exit: number; out: string } {
  const c = compile(src, 'x.go');
  if (!c.module) throw new Error(c.diagnostics.map(formatDiagnostic).join('\n'));
  const r = runModule(c.module, opts);
  return { exit: r.exitCode, out: r.stderr };
}

/** Debug modes that move stacks, collect and poison often: a map's words must survive all of them. */
const harsh: RunOptions = { stackPoisonCopy: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 7, gcEvery: 13 };

describe('maps give go1.19.8 output', () => {
  const basics = "package main\n\ntype P struct {\n\tx, y int\n}\n\ntype K struct {\n\ta int8\n\tb int64\n\ts string\n}\n\nfunc main() {\n\tm := map[string]P{\"a\": {1, 2}, \"b\": {3, 4}}\n\tprintln(m[\"a\"].x, m[\"b\"].y, m[\"c\"].x, len(m))\n\tm[\"c\"] = P{5, 6}\n\tp, ok := m[\"c\"]\n\tprintln(p.x, p.y, ok)\n\tdelete(m, \"a\")\n\tdelete(m, \"zz\")\n\t_, ok = m[\"a\"]\n\tprintln(ok, len(m))\n\tmm := map[int]map[int]int{}\n\tfor i := 0; i < 5; i++ {\n\t\tmm[i] = map[int]int{}\n\t\tfor j := 0; j < i; j++ {\n\t\t\tmm[i][j] = i * j\n\t\t}\n\t}\n\tprintln(len(mm[4]), mm[4][3], mm[9][1])\n\tkm := map[K]int{}\n\tkm[K{1, 2, \"x\"}] = 7\n\tkm[K{1, 2, \"x\"}] += 1\n\tprintln(km[K{1, 2, \"x\"}], len(km))\n\tvar iface interface{} = km\n\t_, isMap := iface.(map[K]int)\n\tprintln(isMap)\n\tc := map[int32]int16{}\n\tc[-5] = -7\n\tc[-5]--\n\tprintln(c[-5])\n\tbm := map[[3]int]bool{}\n\tbm[[3]int{1, 2, 3}] = true\n\tprintln(bm[[3]int{1, 2, 3}], bm[[3]int{1, 2, 4}])\n\tbig := map[int][40]int{}\n\tvar arr [40]int\n\tarr[39] = 9\n\tbig[1] = arr\n\tprintln(big[1][39], big[2][39])\n\tvar nm map[int]int\n\tdelete(nm, 1)\n\tfor k := range nm {\n\t\tprintln(k)\n\t}\n\tprintln(len(nm), nm == nil, m != nil)\n}\n";
  const basicsOut = "1 4 0 2\n5 6 true\nfalse 2\n4 12 0\n8 1\ntrue\n-8\ntrue false\n9 0\n0 true true\n";
  test('literals with elided types, struct / array / int32 keys, maps of maps, comma-ok, delete, op-assign, nil maps', () => {
    expect(run(basics)).toEqual({ exit: 0, out: basicsOut });
  });

  test('the same program with stacks moving and the GC running every few safe points', () => {
    expect(run(basics, harsh)).toEqual({ exit: 0, out: basicsOut });
  });

  const ops = "package main\n\nimport \"runtime\"\n\ntype T struct {\n\ta int\n\ts string\n}\n\nfunc main() {\n\tm := make(map[int]int)\n\tfor i := 0; i < 1000; i++ {\n\t\tm[i] = i * i\n\t}\n\tsum := 0\n\tfor i := 0; i < 1000; i++ {\n\t\tsum += m[i]\n\t}\n\tprintln(len(m), sum)\n\tfor i := 0; i < 1000; i += 2 {\n\t\tdelete(m, i)\n\t}\n\tprintln(len(m), m[3], m[4])\n\tv, ok := m[5]\n\tprintln(v, ok)\n\tv, ok = m[6]\n\tprintln(v, ok)\n\tn := map[string]int{\"a\": 1, \"b\": 2}\n\tn[\"c\"] += 5\n\tn[\"a\"]++\n\tprintln(n[\"a\"], n[\"b\"], n[\"c\"], len(n))\n\te := map[T]string{{1, \"x\"}: \"one\", {2, \"y\"}: \"two\"}\n\tprintln(e[T{1, \"x\"}], e[T{2, \"y\"}], e[T{2, \"x\"}] == \"\")\n\tcnt, ks := 0, 0\n\tfor k, v := range m {\n\t\tcnt++\n\t\tks += k\n\t\t_ = v\n\t}\n\tprintln(cnt, ks)\n\tvar i map[interface{}]int = map[interface{}]int{}\n\ti[1] = 1\n\ti[\"x\"] = 2\n\ti[T{1, \"a\"}] = 3\n\tprintln(i[1], i[\"x\"], i[T{1, \"a\"}], len(i))\n\tvar nm map[string]int\n\tprintln(nm[\"x\"], len(nm), nm == nil)\n\tdefer func() { println(recover().(runtime.Error).Error()) }()\n\tvar sl []int\n\ti[sl] = 4\n}\n";
  test('growth to 1000 entries, deleting half, interface keys, and hashing an unhashable dynamic type panics', () => {
    expect(run(ops)).toEqual({ exit: 0, out: "1000 332833500\n500 9 0\n25 true\n0 false\n2 2 5 3\none two true\n500 250000\n1 2 3 3\n0 0 true\nruntime error: hash of unhashable type []int\n" });
  });

  const more = "package main\n\ntype M map[string]int\n\nvar g = map[int]string{1: \"one\", 2: \"two\"}\nvar h M\n\ntype S struct {\n\tm  map[int]int\n\tid int\n}\n\nfunc add(m M, k string) { m[k]++ }\n\nfunc main() {\n\th = M{}\n\tadd(h, \"x\")\n\tadd(h, \"x\")\n\tprintln(h[\"x\"], g[2], len(g))\n\ts := S{m: map[int]int{}}\n\ts.m[1] = 5\n\tps := &s\n\tps.m[2] = ps.m[1] * 2\n\tprintln(len(s.m), s.m[2])\n\tarr := [2]map[int]bool{{1: true}, {}}\n\tarr[1][3] = true\n\tprintln(len(arr[0]), arr[1][3])\n\tf := map[string]func(int) int{\"dbl\": func(x int) int { return 2 * x }}\n\tprintln(f[\"dbl\"](21))\n\tcl := map[int]int{}\n\tinc := func(k int) { cl[k] += 10 }\n\tinc(1)\n\tinc(1)\n\tprintln(cl[1])\n\tdone := make(chan bool)\n\tshared := map[int]int{}\n\tgo func() {\n\t\tfor i := 0; i < 100; i++ {\n\t\t\tshared[i] = i\n\t\t}\n\t\tdone <- true\n\t}()\n\t<-done\n\tprintln(len(shared))\n\tvar e interface{} = shared\n\tif mm, ok := e.(map[int]int); ok {\n\t\tprintln(mm[99])\n\t}\n\tiv := map[string]interface{}{\"a\": 1, \"b\": \"s\", \"c\": nil}\n\tprintln(iv[\"a\"].(int), iv[\"b\"].(string), iv[\"c\"] == nil, iv[\"d\"] == nil)\n\tpm := map[*S]int{ps: 3}\n\tprintln(pm[ps], pm[&S{}])\n\tcm := map[chan bool]int{done: 1}\n\tprintln(cm[done])\n\tx, y := map[int]int{1: 1}, 2\n\tx[y], y = y, 3\n\tprintln(x[2], y)\n\tvar k, v int\n\tfor k, v = range map[int]int{7: 8} {\n\t}\n\tprintln(k, v)\n\tbm := map[bool]string{true: \"t\", false: \"f\"}\n\tprintln(bm[1 > 0], bm[1 < 0])\n\tu8 := map[uint8]uint16{255: 65535}\n\tu8[255]++\n\tprintln(u8[255])\n\tstr := map[string]string{}\n\tstr[\"a\"] += \"x\"\n\tstr[\"a\"] += \"y\"\n\tprintln(str[\"a\"])\n}\n";
  test('named map types, globals, struct fields, arrays of maps, closures, goroutines, interface values, tuple assignment, range with =', () => {
    expect(run(more)).toEqual({ exit: 0, out: "2 two 2\n2 10\n1 true\n42\n20\n100\n99\n1 s true true\n3 0\n1\n2 3\n7 8\nt f\n0\nxy\n" });
    expect(run(more, harsh)).toEqual({ exit: 0, out: "2 two 2\n2 10\n1 true\n42\n20\n100\n99\n1 s true true\n3 0\n1\n2 3\n7 8\nt f\n0\nxy\n" });
  });

  test('assignment to an entry of a nil map panics as go does', () => {
    const r = run("package main\n\nfunc main() {\n\tvar m map[string]int\n\tprintln(m[\"a\"])\n\tm[\"a\"]++\n}\n");
    expect(r.exit).toBe(2);
    expect(r.out.split('\n').slice(0, 5).join('\n')).toBe('0\npanic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()');
  });

  test('interfaces holding maps, funcs or structs with slices panic when compared; structs compare by field', () => {
    expect(run("package main\n\nfunc cmp(x interface{}) bool { return x == x }\n\nfunc try(x interface{}) {\n\tdefer func() {\n\t\tr := recover()\n\t\tprintln(r != nil)\n\t}()\n\tprintln(cmp(x))\n}\n\ntype S struct {\n\ts []int\n}\n\nfunc main() {\n\ttry(1)\n\tvar m map[int]int\n\ttry(m)\n\ttry(S{})\n\ta := struct{ s string }{\"a\" + \"b\"}\n\tvar i, j interface{} = a, struct{ s string }{\"ab\"}\n\tprintln(i == j)\n}\n")).toEqual({ exit: 0, out: "true\nfalse\ntrue\ntrue\ntrue\n" });
  });
});

describe('map escape analysis matches go build -gcflags=-m -l', () => {
  const src = "package main\n\nvar sink map[int]*int\n\nfunc put(m map[int]*int, k int, p *int) {\n\tm[k] = p\n}\n\nfunc get(m map[string]int, k string) int {\n\treturn m[k]\n}\n\nfunc keys(m map[*int]bool) int {\n\tn := 0\n\tfor k := range m {\n\t\tif k != nil {\n\t\t\tn++\n\t\t}\n\t}\n\treturn n\n}\n\nfunc main() {\n\tlocal := make(map[int]*int)\n\tx := 1\n\tput(local, 1, &x)\n\ty := 2\n\tlocal[2] = &y\n\tlit := map[string]int{\"a\": 1}\n\tprintln(get(lit, \"a\"), len(local))\n\tsink = make(map[int]*int, 4)\n\tprintln(keys(map[*int]bool{}), len(sink))\n}\n";
  test('make and literals that do not escape stay on the stack; keys and values stored in a map leak', () => {
    const c = compile(src, './e.go');
    expect(c.escapes).toEqual(["./e.go:5:10: m does not escape", "./e.go:5:33: leaking param: p", "./e.go:9:10: m does not escape", "./e.go:9:28: k does not escape", "./e.go:13:11: m does not escape", "./e.go:25:2: moved to heap: x", "./e.go:27:2: moved to heap: y", "./e.go:24:15: make(map[int]*int) does not escape", "./e.go:29:23: map[string]int{...} does not escape", "./e.go:31:13: make(map[int]*int, 4) escapes to heap", "./e.go:32:28: map[*int]bool{} does not escape"]);
    expect(run(src)).toEqual({ exit: 0, out: "1 2\n0 0\n" });
  });
});

describe('map errors are worded and positioned like go build', () => {
  const errs = (body: string): string[] => {
    const c = compile(`package main\n\ntype P struct{ x int }\n\nfunc main() {\n${body}}\n`, 'x.go');
    return c.diagnostics.map(formatDiagnostic);
  };
  test('a map index expression is assignable but not addressable, nor are its fields', () => {
    expect(errs('\tm := map[int]P{}\n\tm[1].x = 2\n')).toEqual(['x.go:7:2: cannot assign to struct field m[1].x in map']);
    expect(errs('\tm := map[int]P{}\n\tp := &m[1]\n\t_ = p\n')).toEqual(['x.go:7:7: invalid operation: cannot take address of m[1] (map index expression of type P)']);
  });
  test('keys must be comparable; literal keys must be present and distinct', () => {
    expect(errs('\tvar m map[[]int]int\n\t_ = m\n')).toEqual(['x.go:6:12: invalid map key type []int']);
    expect(errs('\tm := map[int]int{1: 1, 1: 2}\n\t_ = m\n')).toEqual(['x.go:6:25: duplicate key 1 in map literal']);
    expect(errs('\tm := map[int]int{1}\n\t_ = m\n')).toEqual(['x.go:6:19: missing key in map literal']);
  });
});

// Maps with 8-byte keys take Go's map_fast64.go operations (runtime/src/map-fast64.ts), and buckets without pointers
// are noscan, their overflow buckets kept alive by hmap.extra and the iterator.
describe('8-byte keys (mapaccess1_fast64, mapassign_fast64, mapdelete_fast64, evacuate_fast64)', () => {
  const src = "package main\n\ntype T struct{ n int }\n\nfunc main() {\n\tm := map[int]int{}\n\tfor i := 0; i < 5000; i++ {\n\t\tm[i*31] = i\n\t}\n\t// delete during range: a key deleted before the loop reaches it is not returned\n\tgone := map[int]bool{}\n\tseen, bad := 0, 0\n\tfor k, v := range m {\n\t\tseen++\n\t\tif gone[k] || v != k/31 {\n\t\t\tbad++\n\t\t}\n\t\tif _, ok := m[k+31]; ok && k+31 < 5000*31 {\n\t\t\tdelete(m, k+31)\n\t\t\tgone[k+31] = true\n\t\t}\n\t}\n\tt := 0\n\tfor k, v := range m {\n\t\tt += k - v*31\n\t}\n\tprintln(bad, seen >= len(m) && seen <= 5000, len(m)+len(gone) == 5000, t)\n\t// growth while ranging: the loop ends, new keys may or may not be seen\n\tg := map[int64]int64{}\n\tfor i := int64(0); i < 20; i++ {\n\t\tg[-i] = i * i\n\t}\n\tn := 0\n\tfor k := range g {\n\t\tif n < 100 {\n\t\t\tg[k-1000] = 1\n\t\t}\n\t\tn++\n\t}\n\tprintln(len(g) >= 40, n >= 20)\n\tb := map[uint64]bool{}\n\tfor i := uint64(0); i < 300; i++ {\n\t\tb[i<<40|i] = i%3 == 0\n\t}\n\tc := 0\n\tfor i := uint64(0); i < 300; i++ {\n\t\tif v, ok := b[i<<40|i]; ok && v {\n\t\t\tc++\n\t\t}\n\t\tif _, ok := b[i<<40]; ok && i != 0 {\n\t\t\tc += 1000\n\t\t}\n\t}\n\tprintln(c, len(b))\n\ta := map[int][3]int{}\n\tfor i := 0; i < 100; i++ {\n\t\ta[i] = [3]int{i, i * 2, i * 3}\n\t}\n\tfor i := 0; i < 100; i += 2 {\n\t\tdelete(a, i)\n\t}\n\tprintln(len(a), a[51][2], a[50][1])\n\te := map[int]struct{}{}\n\tfor i := 0; i < 100; i++ {\n\t\te[i%10] = struct{}{}\n\t}\n\t_, ok := e[3]\n\tprintln(len(e), ok)\n\tp := map[*T]int{}\n\tts := make([]*T, 50)\n\tfor i := range ts {\n\t\tts[i] = &T{i}\n\t\tp[ts[i]] = i\n\t}\n\ts := 0\n\tfor k, v := range p {\n\t\ts += k.n * v\n\t}\n\tprintln(s, p[&T{1}], p[ts[7]])\n\t// a range while the map grows twice over: every entry present at the start is returned exactly once\n\tr := map[int]int{}\n\tfor i := 0; i < 1000; i++ {\n\t\tr[i] = i\n\t}\n\tonce, added := map[int]int{}, 0\n\tfor k := range r {\n\t\tif k < 1000 {\n\t\t\tonce[k]++\n\t\t}\n\t\tfor j := 0; j < 4 && added < 6000; j++ {\n\t\t\tr[100000+added] = added\n\t\t\tadded++\n\t\t}\n\t}\n\texact := len(once) == 1000\n\tfor _, c := range once {\n\t\texact = exact && c == 1\n\t}\n\tprintln(exact, len(r))\n\tfor i := 0; i < 5000; i++ {\n\t\tdelete(m, i*31)\n\t}\n\tm[1] = 1\n\tprintln(len(m), m[1])\n}\n";
  const out = "0 true true 0\ntrue true\n100 300\n50 153 0\n10 true\n40425 0 7\ntrue 7000\n1 1\n";
  test('growth, delete and insert during range (a range over a map growing twice returns each entry once), int64 / uint64 / pointer keys, 1-, 0- and 24-byte elements', () => {
    expect(run(src)).toEqual({ exit: 0, out });
  });
  test('the same with stacks moving and the GC running every few safe points', () => {
    expect(run(src, harsh)).toEqual({ exit: 0, out });
  });
  test('the interpreter alone gives the same', () => {
    expect(run(src, { tier: 'interp' })).toEqual({ exit: 0, out });
  });
});
