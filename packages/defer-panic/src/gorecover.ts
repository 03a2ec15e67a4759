// recover(): succeeds only in the function the defer statement named, called directly by the panic's
// reflectcall, i.e. when the caller's argp equals the running panic's argp.

import type { AddressSpace } from '@gosim/memory';
import type { G } from '@gosim/stack';
import { Panic } from './layout.js';

/** Returns the panic's address (its arg is the recovered value) or 0 for recover() == nil. */
export function gorecover(s: AddressSpace, g: G, argp: number): number {
  const p = g._panic;
  if (p === 0 || s.load8(p + Panic.recovered) || s.load8(p + Panic.goexit)) return 0;
  if (s.load64(p + Panic.argp) !== argp) return 0;
  s.store8(p + Panic.recovered, 1);
  return p;
}
