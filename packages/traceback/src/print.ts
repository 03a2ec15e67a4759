// Go-style printed tracebacks (GOTRACEBACK=single):
//   goroutine 1 [running]:
//   main.f(0x1, {0x2, 0x3})       (the parameters: args.ts)
//   	/tmp/x.go:12 +0x1c
//   created by main.main
//   	/tmp/x.go:20 +0x30

import { hexWord as hex } from '@gosim/memory';
import { printArgs } from './args.js';
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

export interface PrintOptions {
  /** Go's level 2 (a runtime throw): every frame, runtime ones too, each line ending in fp=, sp= and pc=. */
  readonly all?: boolean;
  /** The goroutine is parked: its pc is a return PC into the blocking call, so its line is pc-1's. */
  readonly parked?: boolean;
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
      out += `${printName(f.name)}(${printArgs(ctx.space, f.argInfo, frame.argp)})\n\t${f.file}:${ctx.prog.line(tracepc)}`;
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
