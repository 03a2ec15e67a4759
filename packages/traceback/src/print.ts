// Go-style printed tracebacks (GOTRACEBACK=single):
//   goroutine 1 [running]:
//   main.f(0x1, 0x2)
//   	/tmp/x.go:12 +0x1c
//   created by main.main
//   	/tmp/x.go:20 +0x30

import { hexWord as hex } from '@gosim/memory';
import type { FuncInfo } from '@gosim/program';
import type { TracebackContext, WalkStart } from './context.js';
import { gentraceback } from './gentraceback.js';
import type { TracebackPolicy } from './policy.js';

/** The name Go prints for a frame: runtime.gopanic shows as "panic". */
export const printName = (name: string): string => (name === 'runtime.gopanic' ? 'panic' : name);

/**
 * Go's showframe at the default level: user functions and exported runtime ones (runtime.Goexit), plus
 * runtime.gopanic once some frame was printed (a panic raised while a deferred call runs). The runtime's
 * internals (runtime.main, sigpanic, panicdivide, callNN, the innermost gopanic) are hidden.
 */
export function showframe(name: string, firstFrame: boolean): boolean {
  if (name === 'runtime.gopanic') return !firstFrame;
  return !name.startsWith('runtime.') || /^runtime\.[A-Z]/.test(name);
}

/**
 * Byte sizes of the parameters of the runtime functions a traceback can show, where one is wider than a
 * word: Go prints such an argument as one {w0, w1} group (gopanic(e any): `panic({0x…, 0x…})`).
 */
const runtimeParams: Readonly<Record<string, readonly number[]>> = { 'runtime.gopanic': [16] };

export interface PrintOptions {
  /** Go's level 2 (a runtime throw): every frame, runtime ones too, each line ending in fp=, sp= and pc=. */
  readonly all?: boolean;
  /** The goroutine is parked: its pc is a return PC into the blocking call, so its line is pc-1's. */
  readonly parked?: boolean;
}

/** The argument words at argp, grouped as Go prints them (at most 10 words, then "..."). */
function printArgs(ctx: TracebackContext, f: FuncInfo, argp: number, arglen: number): string {
  const s = ctx.space;
  const word = (i: number): string => {
    const w = s.i32[(argp >>> 2) + 2 * i + 1]! * 4294967296 + (s.i32[(argp >>> 2) + 2 * i]! >>> 0);
    return w < 0 ? '0x' + BigInt.asUintN(64, BigInt(w)).toString(16) : hex(w);
  };
  const nw = Math.min(arglen / 8, 10);
  const sizes = runtimeParams[f.name];
  const parts: string[] = [];
  if (sizes) {
    let w = 0;
    for (const size of sizes) {
      const n = size / 8;
      const ws: string[] = [];
      for (let i = 0; i < n && w < nw; i++) ws.push(word(w++));
      parts.push(n > 1 ? `{${ws.join(', ')}}` : ws.join(''));
    }
  } else {
    for (let i = 0; i < nw; i++) parts.push(word(i));
  }
  if (arglen / 8 > 10) parts.push('...');
  return parts.join(', ');
}

/** Prints the frames of g that Go shows (after at most 100 frames, Go's "...additional frames elided..."). */
export function printTraceback(ctx: TracebackContext, policy: TracebackPolicy, g: WalkStart, opts: PrintOptions = {}): string {
  let out = '';
  let top = true;
  let n = 0;
  let nprint = 0;
  let bottom = { pc: 0, sp: 0 }; // where the frame below the last one returns to (runtime.goexit)
  gentraceback(
    ctx,
    policy,
    g,
    (frame) => {
      const f = frame.fn!;
      bottom = { pc: frame.lr, sp: frame.fp };
      if (++n > 100) {
        out += '...additional frames elided...\n';
        return false;
      }
      // the frame executing now (not parked) shows its pc's line; callers the line of their CALL (pc-1)
      const tracepc = top && !opts.parked ? frame.pc : frame.pc - 1;
      top = false;
      if (!opts.all && !showframe(f.name, nprint === 0)) return true;
      nprint++;
      out += `${printName(f.name)}(${printArgs(ctx, f, frame.argp, frame.arglen)})\n\t${f.file}:${ctx.prog.line(tracepc)}`;
      if (frame.pc > f.entry) out += ` +${hex(frame.pc - f.entry)}`;
      if (opts.all) out += ` fp=${hex(frame.fp)} sp=${hex(frame.sp)} pc=${hex(frame.pc)}`;
      out += '\n';
      return true;
    },
    101,
  );
  // level 2 also shows the goroutine's bottom frame, runtime.goexit, which the walk stops at
  const ge = opts.all && n <= 100 ? ctx.prog.findfunc(bottom.pc - 1) : undefined;
  if (ge && ge.id === ctx.goexitId) {
    out += `${ge.name}()\n\t${ge.file}:${ctx.prog.line(bottom.pc - 1)} +${hex(bottom.pc - ge.entry)}`;
    out += ` fp=${hex(bottom.sp + 8)} sp=${hex(bottom.sp)} pc=${hex(bottom.pc)}\n`;
  }
  return out;
}

/** "created by F\n\tfile:line +0x..": the go statement that started a goroutine. */
export function printCreatedBy(ctx: TracebackContext, gopc: number): string {
  const f = gopc ? ctx.prog.findfunc(gopc - 1) : undefined;
  if (!f) return '';
  return `created by ${f.name}\n\t${f.file}:${ctx.prog.line(gopc - 1)} +${hex(gopc - f.entry)}\n`;
}
