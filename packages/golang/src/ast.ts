/**
 * The typed AST. The parser builds it; the checker fills the `// checker:` fields in place; escape analysis fills
 * the `// escape:` fields. After `compileToChecked` every expression has `type`, every identifier has `obj`.
 */
import type { ConstValue } from './constant.js';
import type { Pos } from './diagnostics.js';
import type { BuiltinName, Capture, FuncObj, GoObject, TypeNameObj, VarObj } from './objects.js';
import type { Signature, StructField, Type } from './types.js';
import type { MethodSel } from './check/lookup.js';

interface NodeBase { pos: Pos }

/** What an expression denotes once checked. */
export type ExprMode = 'value' | 'variable' | 'constant' | 'type' | 'novalue' | 'builtin' | 'package' | 'nil';

interface ExprBase extends NodeBase {
  // checker: the expression's type (for a 'type' mode expression: the type it denotes). An untyped constant
  // gets the type its context converts it to (or its default type).
  type?: Type;
  // checker:
  mode?: ExprMode;
  // checker: the constant value, for constant expressions (mode 'constant').
  constValue?: ConstValue;
}

// ---------- expressions ----------
export interface Ident extends ExprBase {
  kind: 'Ident';
  name: string;
  // checker: what it resolves to (undefined only for the blank identifier `_` and the package clause name).
  obj?: GoObject;
  // checker: a use of a variable of an enclosing function from inside a function literal.
  captured?: boolean;
}
export type LitKind = 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING';
export interface BasicLit extends ExprBase {
  kind: 'BasicLit';
  litKind: LitKind;
  raw: string;
  /** Decoded: a byte string for STRING, the code point for CHAR. */
  str?: string;
  rune?: number;
}
export interface CompositeLit extends ExprBase {
  kind: 'CompositeLit';
  typeExpr?: Expr;
  lbrace: Pos;
  elts: Expr[];
  rbrace: Pos;
  // checker: for struct literals, elts resolved to fields (in element order); for arrays, element indices.
  fieldOf?: StructField[];
  indexOf?: number[];
  /** checker: a slice literal's backing array length. */
  litLen?: number;
  // escape: a slice literal's backing array / a map literal's hmap is heap allocated.
  heap?: boolean;
}
export interface KeyValueExpr extends ExprBase { kind: 'KeyValueExpr'; key: Expr; value: Expr }
export interface FuncLit extends ExprBase {
  kind: 'FuncLit';
  typeExpr: FuncTypeExpr;
  body: BlockStmt;
  /** A package-level literal's source file, in a multi-file package (else the program's file). */
  filename?: string;
  // checker:
  sig?: Signature;
  /** Enclosing function. */
  outer?: FuncDecl | FuncLit;
  /** Go's link name, e.g. `main.main.func1`, `main.f.func2.1`. */
  goName?: string;
  /** Variables of enclosing functions this literal (or a literal nested in it) uses, in first-use order. */
  captures?: Capture[];
  /** Parameters and results, then locals, in declaration order (not those of nested literals). */
  params?: VarObj[];
  results?: VarObj[];
  locals?: VarObj[];
  // escape: the closure object is heap allocated.
  heap?: boolean;
}
export interface ParenExpr extends ExprBase { kind: 'ParenExpr'; x: Expr }
export interface SelectorExpr extends ExprBase {
  kind: 'SelectorExpr';
  x: Expr;
  sel: Ident;
  // checker: 'field' (x.f or p.f), 'qualified' (runtime.X), 'method' (interface method value: v.Error).
  selKind?: 'field' | 'qualified' | 'method' | 'cmethod' | 'mexpr';
  field?: StructField;
  /** 'cmethod' (x.M of a concrete type, x already the receiver) and 'mexpr' (T.M): the method (check/method.ts). */
  method?: MethodSel;
  // escape: a method value's closure is heap allocated.
  heap?: boolean;
  /** x is a pointer to struct and is dereferenced (p.f == (*p).f). */
  implicitDeref?: boolean;
}
export interface IndexExpr extends ExprBase {
  kind: 'IndexExpr';
  x: Expr;
  index: Expr;
  // checker: x is a pointer to array (p[i] == (*p)[i]).
  implicitDeref?: boolean;
  // checker: x is a map (check/map.ts); commaOk: used in a `v, ok := m[k]` context.
  mapIndex?: boolean;
  commaOk?: boolean;
}
export interface SliceExpr extends ExprBase { kind: 'SliceExpr'; x: Expr; low?: Expr; high?: Expr; max?: Expr }
export interface TypeAssertExpr extends ExprBase {
  kind: 'TypeAssertExpr';
  x: Expr;
  /** Undefined for `x.(type)` in a type switch. */
  typeExpr?: Expr;
  // checker: used in a `v, ok :=` context.
  commaOk?: boolean;
}
export interface CallExpr extends ExprBase {
  kind: 'CallExpr';
  fun: Expr;
  lparen: Pos;
  args: Expr[];
  ellipsis?: Pos;
  // checker: 'call' (a function or func value), 'conversion' (T(x)), 'builtin'.
  callKind?: 'call' | 'conversion' | 'builtin';
  builtin?: BuiltinName;
  /** For direct calls of a top-level function. */
  callee?: FuncObj;
  /** Signature of the called function value. */
  sig?: Signature;
  /** For builtin make/new: the type argument. */
  typeArg?: Type;
  // escape: for new(T), make([]T, n) and conversions to interface: heap allocated.
  heap?: boolean;
  /** checker: a conversion between strings and integers, byte or rune slices (check/slice.ts). */
  convKind?: 'intToString' | 'stringToBytes' | 'stringToRunes' | 'bytesToString' | 'runesToString';
}
export interface StarExpr extends ExprBase { kind: 'StarExpr'; x: Expr }
export type UnaryOp = '+' | '-' | '!' | '^' | '&' | '<-';
export interface UnaryExpr extends ExprBase {
  kind: 'UnaryExpr';
  op: UnaryOp;
  x: Expr;
  // checker: `<-c` used in a `v, ok :=` context.
  commaOk?: boolean;
  // escape: for `&T{...}`: heap allocated.
  heap?: boolean;
}
export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>' | '&^' | '&&' | '||' | '==' | '!=' | '<' | '<='
  | '>' | '>=';
export interface BinaryExpr extends ExprBase {
  kind: 'BinaryExpr';
  op: BinaryOp;
  opPos: Pos;
  x: Expr;
  y: Expr;
  // escape: for a non-constant string concatenation: the result buffer is heap allocated.
  heap?: boolean;
}
/**
 * Inserted by the checker (never by the parser) where a non-interface value is converted to an interface type
 * implicitly (argument, assignment, return, send, composite-literal element, comparison with an interface).
 */
export interface ImplicitConv extends ExprBase {
  kind: 'ImplicitConv';
  x: Expr;
  // escape: the boxed copy of a non-pointer-shaped value is heap allocated (Go prints "x escapes to heap").
  heap?: boolean;
}

// ---------- type expressions (also Expr, since Go's grammar mixes them) ----------
export interface ArrayTypeExpr extends ExprBase { kind: 'ArrayTypeExpr'; len?: Expr; elem: Expr; /** `[...]T` */ dots?: boolean }
export interface ChanTypeExpr extends ExprBase { kind: 'ChanTypeExpr'; dir: 'both' | 'send' | 'recv'; elem: Expr }
export interface Field extends NodeBase { names: Ident[]; typeExpr: Expr; variadic?: boolean; embedded?: boolean }
export interface FuncTypeExpr extends ExprBase { kind: 'FuncTypeExpr'; params: Field[]; results: Field[] }
export interface StructTypeExpr extends ExprBase { kind: 'StructTypeExpr'; fields: Field[] }
export interface InterfaceTypeExpr extends ExprBase { kind: 'InterfaceTypeExpr'; methods: Field[] }
export interface MapTypeExpr extends ExprBase { kind: 'MapTypeExpr'; key: Expr; value: Expr }

export type Expr =
  | Ident | BasicLit | CompositeLit | KeyValueExpr | FuncLit | ParenExpr | SelectorExpr | IndexExpr | SliceExpr
  | TypeAssertExpr | CallExpr | StarExpr | UnaryExpr | BinaryExpr | ImplicitConv
  | ArrayTypeExpr | ChanTypeExpr | FuncTypeExpr | StructTypeExpr | InterfaceTypeExpr | MapTypeExpr;

// ---------- statements ----------
export interface BlockStmt extends NodeBase { kind: 'BlockStmt'; stmts: Stmt[]; rbrace: Pos }
export interface ExprStmt extends NodeBase { kind: 'ExprStmt'; x: Expr }
export interface SendStmt extends NodeBase { kind: 'SendStmt'; chan: Expr; value: Expr }
export interface IncDecStmt extends NodeBase { kind: 'IncDecStmt'; x: Expr; op: '++' | '--' }
export type AssignTok = '=' | ':=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '&^=';
export interface AssignStmt extends NodeBase {
  kind: 'AssignStmt';
  lhs: Expr[];
  tok: AssignTok;
  rhs: Expr[];
  // checker: for ':=', which lhs identifiers declare a new variable.
  declares?: boolean[];
}
export interface GoStmt extends NodeBase { kind: 'GoStmt'; call: CallExpr }
export interface DeferStmt extends NodeBase {
  kind: 'DeferStmt';
  call: CallExpr;
  // checker: not inside any loop of its function (Go's "top-level defer": record and arguments on the stack).
  topLevel?: boolean;
}
export interface ReturnStmt extends NodeBase { kind: 'ReturnStmt'; results: Expr[] }
export interface BranchStmt extends NodeBase {
  kind: 'BranchStmt';
  tok: 'break' | 'continue' | 'fallthrough' | 'goto';
  label?: Ident;
  // checker: the statement it leaves / continues (ForStmt, SwitchStmt, TypeSwitchStmt, RangeStmt, SelectStmt).
  target?: ForStmt | SwitchStmt | TypeSwitchStmt | RangeStmt | SelectStmt;
  // checker (check/labels.ts): the labelled statement a goto jumps to.
  gotoTarget?: LabeledStmt;
}
export interface IfStmt extends NodeBase { kind: 'IfStmt'; init?: Stmt; cond: Expr; then: BlockStmt; else?: IfStmt | BlockStmt }
export interface CaseClause extends NodeBase {
  kind: 'CaseClause';
  /** Empty for `default`. */
  list: Expr[];
  isDefault: boolean;
  body: Stmt[];
  // checker: in a type switch with `v :=`, the clause's own variable (typed per the clause).
  implicitVar?: VarObj;
  // checker: in a type switch, the types listed (undefined entry for `nil`).
  caseTypes?: (Type | undefined)[];
}
export interface SwitchStmt extends NodeBase { kind: 'SwitchStmt'; init?: Stmt; tag?: Expr; cases: CaseClause[] }
export interface TypeSwitchStmt extends NodeBase {
  kind: 'TypeSwitchStmt';
  init?: Stmt;
  /** `v` in `switch v := x.(type)`. */
  bind?: Ident;
  /** The `x.(type)` expression. */
  guard: TypeAssertExpr;
  cases: CaseClause[];
}
export interface ForStmt extends NodeBase { kind: 'ForStmt'; init?: Stmt; cond?: Expr; post?: Stmt; body: BlockStmt }
export interface RangeStmt extends NodeBase { kind: 'RangeStmt'; key?: Expr; value?: Expr; tok?: '=' | ':='; x: Expr; body: BlockStmt }
export interface LabeledStmt extends NodeBase {
  kind: 'LabeledStmt';
  label: Ident;
  stmt: Stmt;
  // checker (check/labels.ts): a goto later in the function jumps back to it (Go's escape analysis: a loop).
  looping?: boolean;
}
export interface DeclStmt extends NodeBase { kind: 'DeclStmt'; specs: Spec[] }
export interface EmptyStmt extends NodeBase { kind: 'EmptyStmt' }
/** A select case: comm is a SendStmt, an ExprStmt `<-c`, or an AssignStmt `v[, ok] =/:= <-c`; none for default. */
export interface CommClause extends NodeBase { kind: 'CommClause'; comm?: Stmt; body: Stmt[] }
export interface SelectStmt extends NodeBase { kind: 'SelectStmt'; cases: CommClause[] }

export type Stmt =
  | BlockStmt | ExprStmt | SendStmt | IncDecStmt | AssignStmt | GoStmt | DeferStmt | ReturnStmt | BranchStmt
  | IfStmt | SwitchStmt | TypeSwitchStmt | ForStmt | RangeStmt | LabeledStmt | DeclStmt | EmptyStmt | SelectStmt;

// ---------- declarations ----------
export interface VarSpec extends NodeBase {
  kind: 'VarSpec';
  names: Ident[];
  typeExpr?: Expr;
  values: Expr[];
}
export interface ConstSpec extends NodeBase {
  kind: 'ConstSpec';
  names: Ident[];
  typeExpr?: Expr;
  /** Values as written; for a spec with no values in a group, the previous spec's (Go's implicit repetition). */
  values: Expr[];
  /** Position in its const group (the value of iota). */
  iota: number;
  implicit: boolean;
}
export interface TypeSpec extends NodeBase {
  kind: 'TypeSpec';
  name: Ident;
  /** `type A = B`. */
  alias: boolean;
  typeExpr: Expr;
  // checker:
  obj?: TypeNameObj;
}
export type Spec = VarSpec | ConstSpec | TypeSpec;

export interface FuncDecl extends NodeBase {
  kind: 'FuncDecl';
  name: Ident;
  recv?: Field;
  typeExpr: FuncTypeExpr;
  body?: BlockStmt;
  // checker:
  obj?: FuncObj;
  sig?: Signature;
  /** `main.f`. */
  goName?: string;
  /** The source file of a function of a multi-file package (else the program's file). */
  filename?: string;
  params?: VarObj[];
  results?: VarObj[];
  /** Locals declared in the body (not in nested function literals), in declaration order. */
  locals?: VarObj[];
  /** Function literals nested anywhere inside, in source order. */
  funcLits?: FuncLit[];
}
export interface ImportSpec extends NodeBase { path: string; name?: Ident }

export type Decl = FuncDecl | Spec;

export interface File extends NodeBase {
  kind: 'File';
  filename: string;
  pkgName: Ident;
  imports: ImportSpec[];
  decls: Decl[];
}

export type Node = Expr | Stmt | Decl | File | CaseClause | Field;
