// A load or store of a zero-size value through a nil pointer touches no memory, yet Go nil-checks it.
import { runGo } from './run-helpers';

const nilPanic = 'panic: runtime error: invalid memory address or nil pointer dereference\n' +
  '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=';

describe('zero-size values through nil pointers', () => {
  it('*p == *q with nil pointers to struct{} panics with the nil dereference', () => {
    const r = runGo('package main\n\nfunc main() {\n\tvar p, q *struct{}\n\tprintln(*p == *q)\n}\n', 'z.go');
    expect(r.raw.startsWith(nilPanic)).toBe(true);
    expect(r.raw).toMatch(/\nmain\.main\(\)\n\tz\.go:5 /);
    expect(r.exit).toBe(2);
  });

  it('loading *p of a [0]int, a struct{} field of a nil *S, and storing through a nil *struct{} each panic', () => {
    const src = `package main

type E struct{}

type S struct {
	a int
	z E
}

func try(f func()) {
	defer func() { println(recover() != nil) }()
	f()
	println("no panic")
}

func main() {
	try(func() { var p *[0]int; x := *p; _ = x })
	try(func() { var s *S; x := s.z; _ = x })
	try(func() { var e *E; *e = E{} })
	try(func() { e := &E{}; x := *e; *e = x })
}
`;
    const r = runGo(src, 'zs.go');
    // go1.19.8
    expect(r.raw).toBe('true\ntrue\ntrue\nno panic\nfalse\n');
  });
});
