/** Declared entities that identifiers resolve to. */
import type { ConstSpec, FuncDecl, FuncLit, Node, TypeSpec } from './ast.js';
import type { ConstValue } from './constant.js';
import type { Pos } from './diagnostics.js';
import type { Signature, Type } from './types.js';

/** A function body: a top-level declaration or a function literal. */
export type FuncNode = FuncDecl | FuncLit;

export type VarKind = 'local' | 'param' | 'result' | 'global';

export interface VarObj {
  kind: 'var';
  /** Unique within the program (1, 2, ...). */
  id: number;
  name: string;
  type: Type;
  pos: Pos;
  varKind: VarKind;
  /** The function whose frame declares it (undefined for globals). */
  owner: FuncNode | undefined;
  /** `for`-nesting depth at the declaration, counted as Go's escape analysis does (function body = 1). */
  loopDepth: number;
  /** Referenced from a function literal nested in `owner`. */
  captured: boolean;
  /** Some `&x` (or `&x.f`, `&x[i]`, or a method-less address) of it is taken. */
  addrTaken: boolean;
  /** Assigned after its declaration (Go's "reassigned"; used for capture by value). */
  reassigned: boolean;
  /** Set by escape analysis: lives in a heap cell ("moved to heap: x"). */
  escapes: boolean;
  /** Read somewhere (for "declared but not used"). */
  used: boolean;
  /** The type-switch symbolic variable this clause variable belongs to, if any. */
  typeSwitchClause?: Node;
}

export interface ConstObj { kind: 'const'; name: string; type: Type; value: ConstValue; pos: Pos; decl?: ConstSpec }
export interface TypeNameObj { kind: 'typename'; name: string; type: Type; pos: Pos; decl?: TypeSpec }
export interface FuncObj { kind: 'func'; name: string; type: Signature; pos: Pos; decl: FuncDecl }

export type BuiltinName =
  | 'append' | 'cap' | 'close' | 'len' | 'make' | 'new' | 'panic' | 'print' | 'println' | 'recover'
  | 'copy' | 'delete' | 'complex' | 'real' | 'imag'
  | 'runtime.Goexit' | 'runtime.GC' | 'runtime.Callers' | 'runtime.Gosched'
  // the rest of package runtime's API (check/runtime-api.ts)
  | 'runtime.Caller' | 'runtime.CallersFrames' | 'runtime.(*Frames).Next' | 'runtime.FuncForPC' | 'runtime.(*Func).Name'
  | 'runtime.(*Func).Entry' | 'runtime.(*Func).FileLine' | 'runtime.SetFinalizer' | 'runtime.KeepAlive'
  | 'runtime.ReadMemStats' | 'runtime.GOMAXPROCS' | 'runtime.NumCPU' | 'runtime.NumGoroutine' | 'runtime.Version'
  | 'runtime.Breakpoint'
  // package unsafe (check/unsafe.ts)
  | 'unsafe.Sizeof' | 'unsafe.Alignof' | 'unsafe.Offsetof' | 'unsafe.Add' | 'unsafe.Slice';

export interface BuiltinObj { kind: 'builtin'; name: BuiltinName }
export interface PackageObj {
  kind: 'package';
  name: string;
  path: string;
  used: boolean;
  pos: Pos;
  /** A Go-source package's package-level names (undefined for runtime, whose members the checker models). */
  members?: ReadonlyMap<string, GoObject>;
}
export interface NilObj { kind: 'nil' }

export type GoObject = VarObj | ConstObj | TypeNameObj | FuncObj | BuiltinObj | PackageObj | NilObj;
/** Objects a declaration introduces (they have a name and a position). */
export type DeclObj = VarObj | ConstObj | TypeNameObj | FuncObj;

/** A variable captured by a function literal. */
export interface Capture {
  v: VarObj;
  /**
   * Captured by reference (the closure holds &v) or by value (a copy). Go 1.19's rule, decided in escape
   * analysis: by value iff v's address is never taken, it is never reassigned after capture, and it is at most
   * 128 bytes. `checkFile` leaves it `true`; `analyzeEscapes` sets it.
   */
  byRef: boolean;
}
