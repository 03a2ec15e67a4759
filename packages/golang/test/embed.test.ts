// Embedded fields: field and method promotion through values and pointers, shadowing by depth, embedded
// interfaces, promoted methods in method sets, ambiguous selectors. Outputs are go1.19.8's.
import { errors } from './helpers';
import { runGo } from './run-helpers';

const embedded = "package main\n\ntype Base struct{ id int }\n\nfunc (b Base) ID() int       { return b.id }\nfunc (b *Base) SetID(i int)  { b.id = i }\nfunc (b Base) Who() string   { return \"base\" }\n\ntype Mid struct {\n\tBase\n\tname string\n}\n\nfunc (m Mid) Who() string { return \"mid \" + m.name }\n\ntype Top struct {\n\t*Mid\n\textra int\n}\n\ntype Logger interface{ Log() string }\n\ntype L struct{ tag string }\n\nfunc (l L) Log() string { return \"log:\" + l.tag }\n\ntype Service struct {\n\tLogger\n\tn int\n}\n\ntype IDer interface {\n\tID() int\n\tSetID(int)\n}\n\ntype Who interface{ Who() string }\n\nfunc main() {\n\tm := Mid{Base{1}, \"m\"}\n\tprintln(m.id, m.ID(), m.Who(), m.Base.Who())\n\tm.SetID(7)\n\tprintln(m.id, m.Base.id)\n\tt := Top{&m, 3}\n\tt.SetID(9)\n\tprintln(t.id, m.id, t.ID(), t.Who(), t.extra)\n\tvar ider IDer = &m\n\tider.SetID(11)\n\tprintln(ider.ID(), m.ID())\n\tider = t\n\tider.SetID(12)\n\tprintln(ider.ID(), m.id)\n\tvar w Who = m\n\tprintln(w.Who())\n\tw = t\n\tprintln(w.Who())\n\ts := Service{L{\"x\"}, 2}\n\tprintln(s.Log())\n\tvar lg Logger = s\n\tprintln(lg.Log())\n\tf := t.ID\n\tg := Top.Who\n\th := (*Mid).SetID\n\th(&m, 20)\n\tprintln(f(), g(t), m.id)\n\tdefer func() {\n\t\tprintln(recover().(error).Error())\n\t}()\n\tvar t2 Top\n\tprintln(t2.extra)\n\tprintln(t2.ID())\n}\n";

describe('embedded fields', () => {
  it('promotes fields and methods (the shallowest wins), through embedded pointers, into method sets and method values', () => {
    const r = runGo(embedded, '/tmp/x.go');
    expect({ exit: r.exit, out: r.stdout + r.raw }).toEqual({
      exit: 0,
      out: '1 1 mid m base\n7 7\n9 9 9 mid m 3\n11 11\n12 12\nmid m\nmid m\nlog:x\nlog:x\n12 mid m 20\n0\nruntime error: invalid memory address or nil pointer dereference\n',
    });
  });
  it('two fields at the same depth: an ambiguous selector, as go reports it', () => {
    const src = 'package main\n\ntype A struct{ x int }\ntype B struct{ x int }\ntype C struct {\n\tA\n\tB\n}\n\nfunc main() {\n\tvar c C\n\tprintln(c.x)\n}\n';
    expect(errors(src)).toEqual(['x.go:12:12: ambiguous selector c.x']);
  });
  it('a pointer method is not in the value type\'s method set; a missing method is named', () => {
    const ptr = 'package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc (t *T) M() {}\n\nfunc main() {\n\tvar i I = T{}\n\t_ = i\n}\n';
    expect(errors(ptr)).toEqual(['x.go:9:12: cannot use T{} (value of type T) as type I in variable declaration:\n\tT does not implement I (M method has pointer receiver)']);
    const miss = 'package main\n\ntype I interface{ M(); N() }\ntype T struct{}\n\nfunc (t T) M() {}\n\nfunc main() {\n\tvar t T\n\tvar i I = t\n\t_ = i\n}\n';
    expect(errors(miss)).toEqual(['x.go:10:12: cannot use t (variable of type T) as type I in variable declaration:\n\tT does not implement I (missing N method)']);
  });
});
