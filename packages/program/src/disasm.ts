// A readable listing of a function's code, for tests, errors and the README.

import { opNames, opShape } from './isa.js';
import type { Program } from './program.js';

export function disassemble(p: Program, name: string): string {
  const f = p.func(name);
  if (!f) return `no function ${name}`;
  const out = [`${f.name} args=${f.argSize} frame=${f.frameSize}${f.nosplit ? ' nosplit' : ''}`];
  for (let i = f.entryIndex; i < f.endIndex; i++) {
    const op = p.code[4 * i]!;
    const shape = opShape[op] ?? '???';
    const ops: string[] = [];
    for (let k = 0; k < 3; k++) {
      const v = p.code[4 * i + 1 + k]!;
      const kind = shape[k];
      if (kind === '-') continue;
      if (kind === 'S' || (kind === 's' && v >= 0)) ops.push(`${v}(SP)`);
      else if (kind === 'T') ops.push(`+${v - f.entryIndex}`);
      else if (kind === 'F') ops.push(p.funcs[v]?.name ?? `f${v}`);
      else if (kind === 'Y') ops.push(p.types[v]?.name ?? `t${v}`);
      else ops.push(String(v));
    }
    out.push(`  ${String(i - f.entryIndex).padStart(4)}  ${(opNames[op] ?? '?').padEnd(12)} ${ops.join(', ')}`);
  }
  return out.join('\n');
}
