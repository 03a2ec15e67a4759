// Go-style printed tracebacks:
//   goroutine 1 [running]:
//   main.f(0x1, 0x2)
//   	/tmp/x.go:12 +0x1c
//   created by main.main
//   	/tmp/x.go:20 +0x30

import { hexWord as hex } from '@gosim/memory';
import type { TracebackContext, WalkStart } from './context.js';
import { gentraceback } from './gentraceback.js';
import type { TracebackPolicy } from './policy.js';


/** The name Go prints for a frame: runtime.gopanic shows as "panic". */
export const printName = (name: string): string => (name === 'runtime.gopanic' ? 'panic' : name);

/** Prints frames of g (at most 100, then Go's "...additional frames elided...") with up to 10 argument words each. */
export function printTraceback(ctx: TracebackContext, policy: TracebackPolicy, g: WalkStart): string {
  const s = ctx.space;
  let out = '';
  let top = true;
  let n = 0;
  gentraceback(
    ctx,
    policy,
    g,
    (frame) => {
      const f = frame.fn!;
      const words: string[] = [];
      const nw = Math.min(frame.arglen / 8, 10);
      for (let i = 0; i < nw; i++) {
        const w = s.i32[(frame.argp >>> 2) + 2 * i + 1]! * 4294967296 + (s.i32[(frame.argp >>> 2) + 2 * i]! >>> 0);
        words.push(w < 0 ? '0x' + BigInt.asUintN(64, BigInt(w)).toString(16) : hex(w));
      }
      if (frame.arglen / 8 > 10) words.push('...');
      if (++n > 100) {
        out += '...additional frames elided...\n';
        return false;
      }
      const tracepc = top ? frame.pc : frame.pc - 1;
      out += `${printName(f.name)}(${words.join(', ')})\n\t${f.file}:${ctx.prog.line(tracepc)} +${hex(frame.pc - f.entry)}\n`;
      top = false;
      return true;
    },
    101,
  );
  return out;
}

/** "created by F\n\tfile:line +0x..": the go statement that started a goroutine. */
export function printCreatedBy(ctx: TracebackContext, gopc: number): string {
  const f = gopc ? ctx.prog.findfunc(gopc - 1) : undefined;
  if (!f) return '';
  return `created by ${f.name}\n\t${f.file}:${ctx.prog.line(gopc - 1)} +${hex(gopc - f.entry)}\n`;
}
