// Maps: literals, make with and without a size hint, nil maps, insertion past several growths, index, comma-ok,
// op-assignment through an index, delete (also of every other key during a range), len, maps passed by reference
// and maps of slices. Keys of int, string, array, struct, interface{} (int, myint and string dynamic types) and
// float64 (NaN keys never match; -0 and +0 are one key). Go's iteration order is random, so every range folds the
// entries into an order-independent sum or xor, or collects key digests and sorts them by hand. A scenario may
// end in `assignment to entry in nil map` or `hash of unhashable type`.
import { Builder, quote } from './builder.js';

interface Key {
  readonly type: string;
  readonly decls: string[];
  readonly mk: string[];
  readonly dig: string[];
}

function keys(name: string): Key[] {
  const w = `${name}words`;
  return [
    { type: 'int', decls: [], mk: ['return i*3 - 7'], dig: ['return k'] },
    { type: 'int8', decls: [], mk: ['return int8(i * 37)'], dig: ['return int(k)'] },
    { type: 'string', decls: [], mk: [`return ${w}[i%6] + ${w}[(i/6)%6]`], dig: ['h := len(k)', 'for j := 0; j < len(k); j++ {', '\th = h*5 + int(k[j])', '}', 'return h % 100000'] },
    { type: '[2]int', decls: [], mk: ['return [2]int{i % 3, i / 3}'], dig: ['return k[0]*10 + k[1]'] },
    { type: `${name}K`, decls: [`type ${name}K struct {`, '\ta int', '\ts string', '\tb bool', '}'], mk: [`return ${name}K{i % 4, ${w}[i%6], i%5 == 0}`],
      dig: ['d := k.a*100 + len(k.s)', 'if k.b {', '\td = -d', '}', 'return d'] },
    { type: 'interface{}', decls: [], mk: ['switch i % 3 {', 'case 0:', '\treturn i', 'case 1:', '\treturn myint(i)', '}', `return ${w}[i%6]`],
      dig: ['switch v := k.(type) {', 'case int:', '\treturn v', 'case myint:', '\treturn 1000 + int(v)', 'case string:', '\treturn 2000 + len(v)', '}', 'return -1'] },
    { type: 'float64', decls: [], mk: ['z := float64(i - i)', 'if i%7 == 5 {', '\treturn z / z', '}', 'if i%7 == 6 {', '\treturn -z', '}', 'return float64(i) / 2'],
      dig: ['if k != k {', '\treturn 999', '}', 'return int(k * 2)'] },
  ];
}

interface Val {
  readonly type: string;
  readonly mk: (i: string) => string;
  readonly dig: string;
}

const vals: readonly Val[] = [
  { type: 'int', mk: (i) => `${i} * ${i}`, dig: 'v' },
  { type: 'string', mk: (i) => `"vv"[${i}%2:]`, dig: 'len(v)' },
  { type: '[]int', mk: (i) => `[]int{${i}, ${i} + 1}`, dig: 'len(v)*10 + cap(v)%3' },
  { type: '*int', mk: (i) => `&[]int{${i}}[0]`, dig: '*v' },
];

/** Operations on one map type; main calls the function under protect. */
export function mapScenario(b: Builder, name: string): void {
  const r = b.rng;
  const key = r.pick(keys(name));
  const val = r.pick(vals);
  const m = `map[${key.type}]${val.type}`;
  const t = (l: string): string => quote(`${name} ${l}`);
  const [kf, kd, vd, sum] = [`${name}key`, `${name}kd`, `${name}vd`, `${name}sum`];
  if (key.decls.length > 0) b.decl(key.decls);
  b.decl([`var ${name}words = [6]string{"a", "bb", "", "ccc", "dé", "世"}`]);
  b.decl([`func ${kf}(i int) ${key.type} {`, ...key.mk.map((l) => `\t${l}`), '}']);
  b.decl([`func ${kd}(k ${key.type}) int {`, ...key.dig.map((l) => `\t${l}`), '}']);
  b.decl([`func ${vd}(v ${val.type}) int {`, ...(val.type.startsWith('[') || val.type.startsWith('*') ? ['\tif v == nil {', '\t\treturn -5', '\t}'] : []), `\treturn ${val.dig}`, '}']);
  // an order-independent digest of the whole map
  b.decl([`func ${sum}(m ${m}) (int, int, int) {`, '\ts, x := 0, 0', '\tfor k, v := range m {', `\t\ts += ${kd}(k)*31 + ${vd}(v)`, `\t\tx ^= ${kd}(k)<<3 + ${vd}(v)`, '\t}', '\treturn len(m), s, x', '}']);
  const body = [`k := sink - sink + ${r.range(0, 5)}`, '_ = k'];
  const lit = Array.from({ length: r.range(0, 4) }, (_, j) => `${kf}(${j * 5 + 1}): ${val.mk(String(j))}`);
  const start = r.int(4);
  if (start === 0) body.push(`m := ${m}{${lit.join(', ')}}`);
  else if (start === 1) body.push(`m := make(${m}, ${r.pick(['0', 'k', '8', '100', 'k*50'])})`);
  else if (start === 2) body.push(`m := make(${m})`);
  else body.push(`var m ${m}`, `println(${t('nil')}, m == nil, len(m), ${vd}(m[${kf}(k)]))`, `m = ${m}{}`);
  const n = r.range(2, 7);
  for (let i = 0; i < n; i++) {
    switch (r.int(10)) {
      case 0:
      case 1: {
        const count = r.pick([3, 9, 30, 100, 300]);
        body.push(`for i := 0; i < ${count}; i++ {`, `\tm[${kf}(i+k)] = ${val.mk('i')}`, '}');
        break;
      }
      case 2:
        body.push(`for i := 0; i < ${r.range(3, 12)}; i++ {`, `\tv, ok := m[${kf}(i)]`, `\tprintln(${t(`get${i}`)}, i, ${vd}(v), ok, ${vd}(m[${kf}(i)]))`, '}');
        break;
      case 3:
        body.push(`for i := 0; i < ${r.range(2, 40)}; i += ${r.range(1, 3)} {`, `\tdelete(m, ${kf}(i))`, '}', `delete(m, ${kf}(-1))`);
        break;
      case 4:
        body.push(`for kk := range m {`, `\tif ${kd}(kk)%${r.range(2, 3)} == 0 {`, '\t\tdelete(m, kk)', '\t}', '}');
        break;
      case 5:
        if (val.type === 'int') body.push(`for i := 0; i < ${r.range(2, 9)}; i++ {`, `\tm[${kf}(i%3)] += i`, `\tm[${kf}(i%4)]++`, '}');
        else if (val.type === '[]int') body.push(`for i := 0; i < ${r.range(2, 9)}; i++ {`, `\tm[${kf}(i%3)] = append(m[${kf}(i%3)], i)`, '}');
        // m[NaN] = v adds an entry, which a range may or may not produce: NaN keys are left alone
        else if (key.type === 'float64') body.push(`for kk, v := range m {`, '\tif kk == kk {', `\t\tm[kk] = ${val.type === 'string' ? 'v + "!"' : 'v'}`, '\t}', '}');
        else body.push(`for kk, v := range m {`, `\tm[kk] = ${val.type === 'string' ? 'v + "!"' : 'v'}`, '}');
        break;
      case 6: {
        const ks = `ks${i}`;
        body.push(`var ${ks} []int`, 'for kk := range m {', `\t${ks} = append(${ks}, ${kd}(kk))`, '}',
          `for a := 1; a < len(${ks}); a++ {`, `\tfor c := a; c > 0 && ${ks}[c] < ${ks}[c-1]; c-- {`, `\t\t${ks}[c], ${ks}[c-1] = ${ks}[c-1], ${ks}[c]`, '\t}', '}',
          `for j := 0; j < len(${ks}) && j < 12; j++ {`, `\tprintln(${t(`key${i}`)}, j, ${ks}[j])`, '}');
        break;
      }
      case 7:
        body.push(`func(mm ${m}) {`, `\tmm[${kf}(k+${r.range(0, 9)})] = ${val.mk('7')}`, `\tdelete(mm, ${kf}(k))`, '}(m)');
        break;
      case 8:
        body.push(`ch${i} := make(chan ${m}, 1)`, `done${i} := make(chan int)`, 'go func() {', `\tmm := <-ch${i}`, `\tfor i := 0; i < ${r.pick([5, 50])}; i++ {`, `\t\tmm[${kf}(i*2)] = ${val.mk('i')}`, '\t}',
          `\tdone${i} <- len(mm)`, '}()', `ch${i} <- m`, `println(${t(`goroutine${i}`)}, <-done${i})`);
        break;
      default:
        body.push('runtime.GC()');
    }
    body.push(`n${i}, s${i}, x${i} := ${sum}(m)`, `println(${t(`sum${i}`)}, n${i}, s${i}, x${i})`);
  }
  if (r.chance(0.3)) {
    if (key.type === 'interface{}' && r.chance(0.5)) body.push(`m[[]int{k}] = ${val.mk('1')}`);
    else body.push(`var nm ${m}`, `println(${t('nil read')}, len(nm), ${vd}(nm[${kf}(k)]))`, `nm[${kf}(k)] = ${val.mk('2')}`);
    body.push(`println(${t('unreachable')})`);
  }
  b.scenario(name, body);
}
