// The compile tier's frame cache: inside straight-line code, frame values live in JS locals instead of being
// read and written through the typed arrays at every instruction. A word at sp+off (off a multiple of 8) is held
// as int32 halves (l<off>, h<off>) or as a float64 (d<off>); a byte flag at sp+off as b<off>. A value may also be
// a literal (an IMM's constant). An entry is clean (memory holds the same bytes) or dirty (memory is behind).
//
// Invariant: at every point where anything else can read the frame — a jump, a resume point, a call, a return, a
// safe point, a deopt, an instruction the cache does not model — every dirty entry has been written back (flush),
// so memory there is byte for byte what the interpreter leaves. Between such points a word written twice is stored
// once and a word read twice is loaded once.

type WordEntry = { kind: 'i'; dirty: boolean; lo: string; hi: string } | { kind: 'f'; dirty: boolean; v: string };
type ByteEntry = { kind: 'b'; dirty: boolean; v: string };
type Entry = WordEntry | ByteEntry;

const W = (off: number): string => `((sp + ${off}) >>> 2)`;
const F = (off: number): string => `((sp + ${off}) >>> 3)`;

export class FrameCache {
  private readonly words = new Map<number, WordEntry>();
  private readonly bytes = new Map<number, ByteEntry>();
  /** Every local any entry used: the function declares them. */
  readonly locals = new Set<string>();
  constructor(private readonly out: string[]) {}

  /** True when an 8-byte value at sp+off can be cached (else the caller emits the memory form after clear()). */
  static word(off: number): boolean {
    return off % 8 === 0 && off >= 0;
  }

  private local(name: string): string {
    this.locals.add(name);
    return name;
  }

  private static storeCode(off: number, e: Entry, word: boolean): string {
    if (!e.dirty) return '';
    if (e.kind === 'b' || !word) return `u8[sp + ${off}] = ${(e as ByteEntry).v};`;
    if (e.kind === 'f') return `f64[${F(off)}] = ${e.v};`;
    return `{ const w = ${W(off)}; i32[w] = ${e.lo}; i32[w + 1] = ${e.hi}; }`;
  }

  private store(off: number, e: Entry, word: boolean): void {
    const code = FrameCache.storeCode(off, e, word);
    if (code !== '') this.out.push(code);
    e.dirty = false;
  }

  /** The code that writes every dirty entry back, for a branch that leaves (the entries stay dirty here). */
  spill(): string {
    let code = '';
    for (const [off, e] of this.words) code += FrameCache.storeCode(off, e, true);
    for (const [off, e] of this.bytes) code += FrameCache.storeCode(off, e, false);
    return code;
  }

  /** Writes every dirty entry back; the entries stay, clean. */
  flush(): void {
    for (const [off, e] of this.words) this.store(off, e, true);
    for (const [off, e] of this.bytes) this.store(off, e, false);
  }

  /** Forgets every entry without writing (code after a jump or return, reached only through a resume point). */
  forget(): void {
    this.words.clear();
    this.bytes.clear();
  }

  /** How the word at off is held now ('i' halves, 'f' float64), if it is. */
  kindOf(off: number): 'i' | 'f' | undefined {
    return this.words.get(off)?.kind;
  }

  /** flush(), then forgets every entry (memory may change behind the cache). */
  clear(): void {
    this.flush();
    this.words.clear();
    this.bytes.clear();
  }

  /** Byte entries inside the word at off: written back (keep) or dropped unwritten (the word is overwritten). */
  private bytesIn(off: number, keep: boolean): void {
    for (let k = off; k < off + 8; k++) {
      const e = this.bytes.get(k);
      if (e === undefined) continue;
      if (keep) this.store(k, e, false);
      this.bytes.delete(k);
    }
  }

  /** The int64 at sp+off as [lo, hi] int32 expressions. */
  readI(off: number): [string, string] {
    const e = this.words.get(off);
    if (e?.kind === 'i') return [e.lo, e.hi];
    if (e) this.store(off, e, true);
    this.bytesIn(off, true);
    const lo = this.local(`l${off}`);
    const hi = this.local(`h${off}`);
    this.out.push(`{ const w = ${W(off)}; ${lo} = i32[w]; ${hi} = i32[w + 1]; }`);
    this.words.set(off, { kind: 'i', dirty: false, lo, hi });
    return [lo, hi];
  }

  /** The float64 at sp+off as an expression. */
  readF(off: number): string {
    const e = this.words.get(off);
    if (e?.kind === 'f') return e.v;
    if (e) this.store(off, e, true);
    this.bytesIn(off, true);
    const v = this.local(`d${off}`);
    this.out.push(`${v} = f64[${F(off)}];`);
    this.words.set(off, { kind: 'f', dirty: false, v });
    return v;
  }

  /** The byte at sp+off as an expression. */
  readB(off: number): string {
    const e = this.bytes.get(off);
    if (e) return e.v;
    const w = this.words.get(off & ~7);
    if (w) this.store(off & ~7, w, true);
    const v = this.local(`b${off}`);
    this.out.push(`${v} = u8[sp + ${off}];`);
    this.bytes.set(off, { kind: 'b', dirty: false, v });
    return v;
  }

  /**
   * The int64 at sp+off becomes [lo, hi]: int32 expressions (normalized: `| 0` where arithmetic can leave the
   * range), evaluated after `pre` and before any local is assigned.
   */
  writeI(off: number, lo: string, hi: string, pre = ''): void {
    this.bytesIn(off, false);
    if (pre === '' && isLiteral(lo) && isLiteral(hi)) {
      this.words.set(off, { kind: 'i', dirty: true, lo, hi });
      return;
    }
    const l = this.local(`l${off}`);
    const h = this.local(`h${off}`);
    this.out.push(`{ ${pre} const tl = ${lo}, th = ${hi}; ${l} = tl; ${h} = th; }`);
    this.words.set(off, { kind: 'i', dirty: true, lo: l, hi: h });
  }

  /** The float64 at sp+off becomes v. */
  writeF(off: number, v: string): void {
    this.bytesIn(off, false);
    const d = this.local(`d${off}`);
    this.out.push(`${d} = ${v};`);
    this.words.set(off, { kind: 'f', dirty: true, v: d });
  }

  /** The byte at sp+off becomes v (0..255). */
  writeB(off: number, v: string): void {
    const w = this.words.get(off & ~7);
    if (w) {
      this.store(off & ~7, w, true);
      this.words.delete(off & ~7);
    }
    if (isLiteral(v)) {
      this.bytes.set(off, { kind: 'b', dirty: true, v });
      return;
    }
    const b = this.local(`b${off}`);
    this.out.push(`${b} = ${v};`);
    this.bytes.set(off, { kind: 'b', dirty: true, v: b });
  }

  /** Forgets the word at off and the bytes in it without writing them (memory was just written there). */
  drop(off: number): void {
    this.words.delete(off);
    this.bytesIn(off, false);
  }
}

function isLiteral(s: string): boolean {
  return /^-?\d+$/.test(s);
}
