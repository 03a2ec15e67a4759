// The program's functions and types as the page needs them: names, PC ranges, frame sizes, PC → line tables
// and pointer maps as byte offsets.

import { setBits, type Program } from '@gosim/program';
import type { FuncMeta } from '../format.js';

export function funcMetas(prog: Program): FuncMeta[] {
  return prog.funcs.map((f) => {
    const lines: number[] = [];
    let last = -1;
    for (let pc = f.entry; pc < f.end; pc += 4) {
      const line = prog.line(pc);
      if (line !== last) lines.push(pc, line);
      last = line;
    }
    return {
      id: f.id, name: f.name, entry: f.entry, end: f.end, frameSize: f.frameSize, argSize: f.argSize, file: f.file, lines,
      argPtrs: setBits(f.argPtrs).filter((w) => w < f.argSize / 8).map((w) => 8 * w),
      localPtrs: setBits(f.localPtrs).filter((w) => w < f.frameSize / 8).map((w) => 8 * w),
      runtime: f.name.startsWith('runtime.'),
    };
  });
}

export const typeNames = (prog: Program): string[] => prog.types.map((t) => t.name);
