// An unlinked program: functions declared by name (so calls can be emitted before bodies exist), their
// bodies, types, constants and the data segment. `link` turns it into a Program.

import { encodeArgInfo, scalarShape, wordsShape, type ArgShape } from './arginfo.js';
import { Op } from './isa.js';
import { layoutSlots, align8, type SlotSpec } from './layout.js';
import type { ProgramType } from './types.js';
import type { Codegen, OpenDeferInfo } from './isa/defer.js';

export interface FuncBody {
  readonly name: string;
  readonly argSize: number;
  readonly frameSize: number;
  readonly argPtrWords: readonly number[];
  readonly localPtrWords: readonly number[];
  /** The parameters as tracebacks print them (arginfo.ts); empty without parameters. */
  readonly argInfo: readonly number[];
  readonly nosplit: boolean;
  readonly file: string;
  /** 4 int32 per instruction; jump targets are indexes relative to the function's first instruction. */
  readonly code: readonly number[];
  /** Source line per instruction (0: none). */
  readonly lines: readonly number[];
  /** Go 1.14's open-coded defer funcdata (absent: the function has none). */
  readonly openDefer?: OpenDeferInfo;
}

/** A Module's contents as plain data (Module.toData). */
export interface ModuleData {
  readonly funcNames: readonly string[];
  readonly bodies: readonly (FuncBody | undefined)[];
  readonly types: readonly ProgramType[];
  readonly typeIds: readonly (readonly [string, number])[];
  readonly consts: readonly bigint[];
  readonly data: Uint8Array;
  readonly dataPtrWords: readonly number[];
  readonly dataRelocs: readonly number[];
  readonly funcvalAt: readonly (readonly [number, number])[];
  readonly strings: readonly (readonly [string, number])[];
  readonly entryName: string;
  readonly inits: readonly string[];
  readonly codegen: Codegen;
}

export class Module {
  readonly funcIds = new Map<string, number>();
  readonly funcNames: string[] = [];
  readonly bodies: (FuncBody | undefined)[] = [];
  readonly types: ProgramType[] = [];
  readonly typeIds = new Map<string, number>();
  readonly consts: bigint[] = [];
  /** Data segment image: globals (zeroed), string bytes and static funcvals, as added; grown by doubling. */
  private image = new Uint8Array(64);
  private dataSize = 0;
  readonly dataPtrWords: number[] = [];
  /** Data offsets of words that hold a data offset, which the loader turns into an address (Module.dataAddr). */
  readonly dataRelocs: number[] = [];
  /** Function whose entry PC a data word holds (a static funcval, an itab's method), patched at link time. */
  private readonly pcWords = new Map<number, number>();
  /** The first such word of each function (funcval's answer), kept with pcWords by pcWord. */
  private readonly firstPcWord = new Map<number, number>();
  readonly strings = new Map<string, number>();
  entryName = 'main.main';
  /**
   * The packages' initialisers runtime.main calls before the entry, in order (each package's variable
   * initializer `P.init`, then its `func init`s `P.init.0`, ...; imported packages first). When empty, main's
   * (`main.init`, `main.init.N`) are found by name.
   */
  readonly inits: string[] = [];
  /** The compile options the lowering used (a program runs only under a deferpanic piece asking the same). */
  codegen: Codegen = {};

  /** Data offset → function whose entry PC the word holds (added by pcWord). */
  get funcvalAt(): ReadonlyMap<number, number> {
    return this.pcWords;
  }

  /** An independent copy (bodies are immutable and shared), so several runtimes can extend one module. */
  clone(): Module {
    return Module.fromData(this.toData());
  }

  /** The module as plain data (structured-clone safe: v8.serialize, postMessage); Module.fromData restores it. */
  toData(): ModuleData {
    return {
      funcNames: this.funcNames, bodies: this.bodies, types: this.types, typeIds: [...this.typeIds], consts: this.consts,
      data: this.image.slice(0, this.dataSize), dataPtrWords: this.dataPtrWords, dataRelocs: this.dataRelocs, funcvalAt: [...this.funcvalAt], strings: [...this.strings],
      entryName: this.entryName, inits: this.inits, codegen: this.codegen,
    };
  }

  static fromData(d: ModuleData): Module {
    const m = new Module();
    d.funcNames.forEach((name, id) => m.funcIds.set(name, id));
    m.funcNames.push(...d.funcNames);
    m.bodies.push(...d.bodies);
    m.types.push(...d.types);
    for (const [k, v] of d.typeIds) m.typeIds.set(k, v);
    m.consts.push(...d.consts);
    m.image = d.data.slice();
    m.dataSize = d.data.length;
    m.dataPtrWords.push(...d.dataPtrWords);
    m.dataRelocs.push(...d.dataRelocs);
    for (const [k, v] of d.funcvalAt) m.pcWord(k, v);
    for (const [k, v] of d.strings) m.strings.set(k, v);
    m.entryName = d.entryName;
    m.inits.push(...d.inits);
    m.codegen = d.codegen;
    return m;
  }

  /** The id of a function by name, declaring it if new. */
  declare(name: string): number {
    let id = this.funcIds.get(name);
    if (id === undefined) {
      id = this.funcNames.length;
      this.funcIds.set(name, id);
      this.funcNames.push(name);
      this.bodies.push(undefined);
    }
    return id;
  }

  define(body: FuncBody): number {
    const id = this.declare(body.name);
    if (this.bodies[id]) throw new Error(`function ${body.name} defined twice`);
    this.bodies[id] = body;
    return id;
  }

  /** Registers a type by key (its name unless distinct types share one: Go's local types); the same key, the same id. */
  type(t: ProgramType, key = t.name): number {
    const have = this.typeIds.get(key);
    if (have !== undefined) return have;
    const id = this.types.length;
    this.types.push(t);
    this.typeIds.set(key, id);
    return id;
  }

  constant(v: bigint): number {
    const i = this.consts.indexOf(v);
    if (i >= 0) return i;
    this.consts.push(v);
    return this.consts.length - 1;
  }

  /** The data segment's bytes so far (a view: writes go to the image). */
  get data(): Uint8Array {
    return this.image.subarray(0, this.dataSize);
  }

  /** Reserves `size` zeroed bytes of globals; returns the data offset. */
  global(size: number, ptrWords: readonly number[] = []): number {
    const off = align8(this.dataSize);
    const end = off + align8(size);
    if (end > this.image.length) {
      const grown = new Uint8Array(Math.max(end, 2 * this.image.length));
      grown.set(this.image.subarray(0, this.dataSize));
      this.image = grown;
    }
    this.dataSize = end;
    for (const w of ptrWords) this.dataPtrWords.push(off / 8 + w);
    return off;
  }

  /** The data offset of a string's bytes (UTF-8), shared between equal literals. */
  string(s: string): number {
    const have = this.strings.get(s);
    if (have !== undefined) return have;
    const bytes = new TextEncoder().encode(s);
    const off = this.global(Math.max(bytes.length, 1));
    bytes.forEach((b, i) => (this.data[off + i] = b));
    this.strings.set(s, off);
    return off;
  }

  /** The data offset of a function's static funcval {entry PC} (Go's "f·f" symbol). */
  funcval(name: string): number {
    const id = this.declare(name);
    return this.firstPcWord.get(id) ?? this.pcWord(this.global(8), id);
  }

  /** Makes the data word at off hold the address of data offset target (the loader adds the segment's base). */
  dataAddr(off: number, target: number): void {
    new DataView(this.image.buffer, this.image.byteOffset).setBigUint64(off, BigInt(target), true);
    this.dataRelocs.push(off);
  }

  /** Makes the data word at off hold function id's entry PC (patched at link time); returns off. */
  pcWord(off: number, id: number): number {
    this.pcWords.set(off, id);
    if (!this.firstPcWord.has(id)) this.firstPcWord.set(id, off);
    return off;
  }

  /** Starts a function with named slots; see FunctionBuilder. */
  func(name: string, spec: FrameSpec): FunctionBuilder {
    return new FunctionBuilder(this, name, spec);
  }
}

/** A parameter slot; `shape` says how tracebacks print it (default: a scalar, or an aggregate of words if wider). */
export interface ArgSlotSpec extends SlotSpec {
  readonly shape?: ArgShape;
}

const defaultShape = (size: number): ArgShape => (size <= 8 && size > 0 ? scalarShape(size) : wordsShape(align8(size) / 8));

export interface FrameSpec {
  readonly args?: readonly ArgSlotSpec[];
  readonly results?: readonly SlotSpec[];
  readonly locals?: readonly SlotSpec[];
  /** Bytes of outgoing argument area at the bottom of the frame (the largest call's argSize). */
  readonly outgoing?: number;
  readonly nosplit?: boolean;
  readonly file?: string;
}

export class Label {
  at = -1;
  readonly uses: number[] = [];
}

/** Writes one function's code with named slots and labels. */
export class FunctionBuilder {
  readonly code: number[] = [];
  readonly lines: number[] = [];
  readonly frameSize: number;
  readonly argSize: number;
  private readonly slots = new Map<string, number>();
  private readonly labels: Label[] = [];
  private readonly argPtrWords: number[];
  private readonly localPtrWords: number[];
  private readonly argInfo: number[];
  line = 0;
  /** Funcdata: the function's open-coded defers (set before end()). */
  openDefer: OpenDeferInfo | undefined;

  constructor(readonly module: Module, readonly name: string, readonly spec: FrameSpec) {
    const outgoing = align8(spec.outgoing ?? 0);
    const locals = layoutSlots(spec.locals ?? [], outgoing);
    const args = layoutSlots([...(spec.args ?? []), ...(spec.results ?? [])]);
    this.frameSize = locals.size;
    this.argSize = args.size;
    this.localPtrWords = locals.ptrWords;
    this.argPtrWords = args.ptrWords;
    this.argInfo = encodeArgInfo(
      (spec.args ?? []).map((s) => ({ off: args.offsets.get(s.name)!, shape: s.shape ?? defaultShape(s.size) })),
    );
    for (const [n, off] of locals.offsets) this.slots.set(n, off);
    for (const [n, off] of args.offsets) this.slots.set(n, this.frameSize + 8 + off);
    module.declare(name);
  }

  /** The frame-slot operand of a named argument, result or local (plus a byte offset within it). */
  slot(name: string, plus = 0): number {
    const off = this.slots.get(name);
    if (off === undefined) throw new Error(`${this.name}: no slot named ${name}`);
    return off + plus;
  }

  /** The frame-slot operand of byte `off` of the outgoing argument area. */
  out(off = 0): number {
    return off;
  }

  emit(op: number, a = 0, b = 0, c = 0): this {
    this.code.push(op, a, b, c);
    this.lines.push(this.line);
    return this;
  }

  label(): Label {
    const l = new Label();
    this.labels.push(l);
    return l;
  }

  bind(l: Label): this {
    l.at = this.code.length / 4;
    return this;
  }

  /** A jump-shaped instruction to a label: JMP/JRET use operand a, JZ/JNZ operand b. */
  jump(op: number, l: Label, cond = 0): this {
    const operandIndex = op === Op.JMP || op === Op.JRET ? 1 : 2;
    l.uses.push(this.code.length + operandIndex);
    return op === Op.JMP || op === Op.JRET ? this.emit(op, 0) : this.emit(op, cond, 0);
  }

  call(name: string): this {
    return this.emit(Op.CALL, this.module.declare(name));
  }

  /** Finishes the function and adds it to the module. */
  end(): number {
    for (const l of this.labels) {
      if (l.uses.length && l.at < 0) throw new Error(`${this.name}: label used but never bound`);
      for (const u of l.uses) this.code[u] = l.at;
    }
    return this.module.define({
      name: this.name,
      argSize: this.argSize,
      frameSize: this.frameSize,
      argPtrWords: this.argPtrWords,
      localPtrWords: this.localPtrWords,
      argInfo: this.argInfo,
      nosplit: this.spec.nosplit ?? false,
      file: this.spec.file ?? '',
      code: this.code,
      lines: this.lines,
      ...(this.openDefer ? { openDefer: this.openDefer } : {}),
    });
  }
}
