// Package os's runtime functions (program/src/isa/rt-os.ts): the program's arguments and environment (the run's
// `args` and `env` options, as Go's argslice and envs), exit (the status the kernel keeps: code & 0xff; deferred
// calls do not run), write to the run's stdout (fd 1) and stderr (fd 2) sinks, and sigpipe. Bytes go to the sinks
// as text through a streaming UTF-8 decoder per descriptor, so a character split across writes arrives whole; a
// sink's negated errno is write's result.

import { typeDesc } from '@gosim/memory';
import { ChanResult } from './chan.js';
import type { Machine } from './machine.js';
import type { RtImpls } from './rtfuncs.js';

/** os.Args when the run gives none: a fixed name, so every run of a program sees the same arguments. */
export const DefaultArgs: readonly string[] = ['/tmp/gosim-exe'];
/** EBADF, returned negated by write as the system call does. */
const EBADF = 9;
/** The status a shell reports for a process killed by SIGPIPE (128 + 13): a Go binary gets no exit code then. */
const SigpipeStatus = 141;

/** A new []string of these values, written to the slice header at `at`. */
function newStringSlice(m: Machine, at: number, vals: readonly string[]): void {
  const s = m.space;
  const enc = new TextEncoder();
  const n = vals.length;
  let arr = 0;
  if (n > 0) {
    const words: number[] = [];
    for (let i = 0; i < n; i++) words.push(2 * i);
    arr = m.heap.alloc(16 * n, m.heap.registerType(typeDesc(`[${n}]string`, 16 * n, words)));
    // the array is reachable only from here until the header is written: no allocation may collect it first
    vals.forEach((v, i) => {
      const b = enc.encode(v);
      const p = b.length > 0 ? m.allocBytes(b.length) : 0;
      if (p !== 0) s.u8.set(b, p);
      s.store64(arr + 16 * i, p);
      s.store64(arr + 16 * i + 8, b.length);
    });
  }
  s.store64(at, arr);
  s.store64(at + 8, n);
  s.store64(at + 16, n);
}

const decoders = new WeakMap<Machine, InstanceType<typeof TextDecoder>[]>();

function write(m: Machine, fd: number, p: number, n: number): number {
  if (fd !== 1 && fd !== 2) return -EBADF;
  let d = decoders.get(m);
  if (!d) decoders.set(m, (d = [new TextDecoder(), new TextDecoder(), new TextDecoder()]));
  const text = d[fd]!.decode(m.space.u8.slice(p, p + n), { stream: true });
  const r = text.length > 0 ? (fd === 1 ? m.printOut(text) : m.print(text)) : undefined;
  return typeof r === 'number' && r < 0 ? r : n;
}

export const osImpls: RtImpls = {
  'os.runtime_args': (m, _g, a) => (newStringSlice(m, a.at('args'), m.opts.args ?? DefaultArgs), ChanResult.Done),
  'os.runtime_envs': (m, _g, a) => (newStringSlice(m, a.at('envs'), m.opts.env ?? []), ChanResult.Done),
  'os.runtime_exit': (m, _g, a) => m.exit(Number(BigInt.asUintN(8, m.space.load64Big(a.at('code'))))),
  'os.sigpipe': (m) => m.exit(SigpipeStatus),
  'os.runtime_write': (m, _g, a) => {
    const s = m.space;
    const b = a.at('b');
    const n = s.load64(b + 8);
    if (n > 0) s.checkRange(s.load64(b), n, false);
    s.store64(a.at('n'), write(m, s.load64(a.at('fd')), s.load64(b), n));
    return ChanResult.Done;
  },
};
