/**
 * One function being lowered: its instructions with symbolic frame operands (named slots whose offsets are
 * only known once every local and temporary is declared), labels, temporaries with statement-scoped reuse,
 * and the final translation into a `FunctionBuilder` of `@gosim/program`.
 */
import { Module, Op, align8, type ArgShape, type ArgSlotSpec, type FunctionBuilder, type Label as BLabel } from '@gosim/program';

export type SlotKind = 'var' | 'tmp' | 'perm' | 'arg' | 'heapref' | 'ctx';

export interface Slot {
  readonly name: string;
  readonly size: number;
  readonly ptr: readonly number[];
  readonly kind: SlotKind;
  /** A parameter's shape in tracebacks. */
  readonly shape?: ArgShape;
}

/** A frame operand: byte `o` of a slot, or of the outgoing argument area (`s` null). */
export interface Loc {
  readonly s: Slot | null;
  readonly o: number;
}

export class Lbl {
  private static n = 0;
  readonly id = Lbl.n++;
}

export type Opnd = number | Loc | Lbl;

interface Ins {
  op: number;
  a: Opnd;
  b: Opnd;
  c: Opnd;
  line: number;
}

export const at = (l: Loc, plus: number): Loc => ({ s: l.s, o: l.o + plus });
export const out = (off: number): Loc => ({ s: null, o: off });

const poolKey = (size: number, ptr: readonly number[]): string => `${align8(size)}|${ptr.join(',')}`;

export class FrameCode {
  private readonly ins: (Ins | Lbl)[] = [];
  readonly args: Slot[] = [];
  readonly results: Slot[] = [];
  readonly locals: Slot[] = [];
  maxOut = 0;
  line = 0;
  /** Sets the builder's funcdata from the final slot offsets, just before the function is defined (defer-open.ts). */
  funcdata: ((b: FunctionBuilder, slotOf: (l: Loc) => number) => void) | undefined;
  private readonly live: Slot[] = [];
  private readonly pool = new Map<string, Slot[]>();
  private n = 0;

  constructor(readonly name: string, readonly file: string) {}

  emit(op: number, a: Opnd = 0, b: Opnd = 0, c: Opnd = 0): void {
    this.ins.push({ op, a, b, c, line: this.line });
  }

  label(): Lbl {
    return new Lbl();
  }

  bind(l: Lbl): void {
    this.ins.push(l);
  }

  jmp(l: Lbl): void {
    this.emit(Op.JMP, l);
  }

  /** The last instruction's opcode (-1 at a label or the start). */
  lastOp(): number {
    const x = this.ins[this.ins.length - 1];
    return x === undefined || x instanceof Lbl ? -1 : x.op;
  }

  useOut(bytes: number): void {
    if (bytes > this.maxOut) this.maxOut = align8(bytes);
  }

  private slot(kind: SlotKind, size: number, ptr: readonly number[], hint = ''): Slot {
    const s: Slot = { name: `${kind}${this.n++}${hint ? '.' + hint : ''}`, size, ptr, kind };
    return s;
  }

  arg(size: number, ptr: readonly number[], hint: string, shape: ArgShape): Loc {
    const s = { ...this.slot('arg', size, ptr, hint), shape };
    this.args.push(s);
    return { s, o: 0 };
  }

  result(size: number, ptr: readonly number[], hint: string): Loc {
    const s = this.slot('arg', size, ptr, hint);
    this.results.push(s);
    return { s, o: 0 };
  }

  /** A dedicated local (variables, stack-allocated objects, the closure context). */
  local(kind: SlotKind, size: number, ptr: readonly number[], hint = ''): Loc {
    const s = this.slot(kind, size, ptr, hint);
    this.locals.push(s);
    return { s, o: 0 };
  }

  /** A temporary, reusable after the enclosing statement scope ends. */
  tmp(size: number, ptr: readonly number[]): Loc {
    const key = poolKey(size, ptr);
    const free = this.pool.get(key);
    let s = free?.pop();
    if (!s) {
      s = this.slot('tmp', align8(Math.max(size, 1)), ptr);
      this.locals.push(s);
    }
    this.live.push(s);
    return { s, o: 0 };
  }

  mark(): number {
    return this.live.length;
  }

  release(m: number): void {
    while (this.live.length > m) {
      const s = this.live.pop()!;
      const key = poolKey(s.size, s.ptr);
      let free = this.pool.get(key);
      if (!free) this.pool.set(key, (free = []));
      free.push(s);
    }
  }

  /** Builds the function into the module. */
  finish(m: Module): void {
    const spec = (s: Slot): ArgSlotSpec => ({ name: s.name, size: s.size, ptr: [...s.ptr], shape: s.shape });
    const b = m.func(this.name, {
      args: this.args.map(spec),
      results: this.results.map(spec),
      locals: this.locals.map(spec),
      outgoing: this.maxOut,
      file: this.file,
    });
    const labels = new Map<Lbl, BLabel>();
    const lab = (l: Lbl): BLabel => {
      let x = labels.get(l);
      if (!x) labels.set(l, (x = b.label()));
      return x;
    };
    const res = (x: Opnd): number => {
      if (typeof x === 'number') return x;
      if (x instanceof Lbl) throw new Error('label used as an operand');
      return x.s === null ? b.out(x.o) : b.slot(x.s.name, x.o);
    };
    for (const i of this.ins) {
      if (i instanceof Lbl) {
        b.bind(lab(i));
        continue;
      }
      b.line = i.line;
      if (i.op === Op.JMP || i.op === Op.JRET) b.jump(i.op, lab(i.a as Lbl));
      else if (i.op === Op.JZ || i.op === Op.JNZ) b.jump(i.op, lab(i.b as Lbl), res(i.a));
      else b.emit(i.op, res(i.a), res(i.b), res(i.c));
    }
    this.funcdata?.(b, (l) => res(l));
    b.end();
  }
}
