// Events of stack copying.

export type CopystackEvent =
  | { kind: 'stack-copied'; goid: number; oldLo: number; oldHi: number; newLo: number; newHi: number; used: number; why: string }
  | { kind: 'pointer-adjusted'; goid: number; where: string; at: number; from: number; to: number }
  | { kind: 'pointer-stale'; goid: number; where: string; at: number; value: number };
