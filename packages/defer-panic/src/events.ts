// Events of the defer and panic machinery (delivered only when someone listens).

export type DeferPanicEvent =
  | { kind: 'defer-linked'; goid: number; d: number; fn: string; argp: number; siz: number }
  | { kind: 'defer-started'; goid: number; d: number; fn: string; by: 'panic' | 'goexit' | 'return'; onList: boolean }
  | { kind: 'defer-unlinked'; goid: number; d: number; fn: string; why: 'run' | 'start' | 'aborted' }
  | { kind: 'defer-returned'; goid: number; d: number; fn: string }
  /** reflectcall copied a deferred call's arguments out of its record: the pointer words it carried. */
  | { kind: 'deferred-call-args'; goid: number; fn: string; record: number; pointers: number[]; stackLo: number; stackHi: number }
  /** go1.14: bit `bit` of the open-coded defers of the frame at sp, read through varp, is taken for its call. */
  | { kind: 'open-defer-taken'; goid: number; d: number; bit: number; sp: number; varp: number; stackLo: number; stackHi: number }
  | { kind: 'panic-pushed'; goid: number; p: number; value: string }
  | { kind: 'panic-aborted'; goid: number; p: number }
  | { kind: 'panic-recovered'; goid: number; p: number; sp: number; pc: number };
