// Runtime functions of package os (Go 1.19: os.runtime_args, syscall.runtime_envs and syscall.Exit in
// runtime/runtime.go; write is the system call runtime.write of runtime/time_nofake.go; sigpipe is os_sigpipe of
// runtime/signal_unix.go, which os calls after EPIPE on descriptor 1 or 2).

import type { SlotSpec } from '../layout.js';
import type { RtFuncSpec } from './rtfuncs.js';

const w = (name: string): SlotSpec => ({ name, size: 8 });
const slice = (name: string): SlotSpec => ({ name, size: 24, ptr: [0] });

export const osFuncs: readonly RtFuncSpec[] = [
  { name: 'os.runtime_args', file: 'runtime/runtime.go', line: 61, params: [], results: [slice('args')] },
  { name: 'os.runtime_envs', file: 'runtime/runtime.go', line: 55, params: [], results: [slice('envs')] },
  { name: 'os.runtime_exit', file: 'runtime/runtime.go', line: 66, params: [w('code')], results: [] },
  { name: 'os.sigpipe', file: 'runtime/signal_unix.go', line: 27, params: [], results: [] },
  { name: 'os.runtime_write', file: 'runtime/time_nofake.go', line: 31, params: [w('fd'), slice('b')], results: [w('n')] },
];
