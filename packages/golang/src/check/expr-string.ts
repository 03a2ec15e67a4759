/** Go-style source rendering of expressions for error messages and escape reports. */
import type * as A from '../ast.js';

export function exprString(e: A.Expr): string {
  switch (e.kind) {
    case 'Ident': return e.name;
    case 'BasicLit': return e.raw;
    case 'CompositeLit': return `${e.typeExpr ? exprString(e.typeExpr) : ''}{${e.elts.length > 0 ? '…' : ''}}`;
    case 'KeyValueExpr': return `${exprString(e.key)}: ${exprString(e.value)}`;
    case 'FuncLit': return 'func literal';
    case 'ParenExpr': return `(${exprString(e.x)})`;
    case 'SelectorExpr': return `${exprString(e.x)}.${e.sel.name}`;
    case 'IndexExpr': return `${exprString(e.x)}[${exprString(e.index)}]`;
    case 'SliceExpr': return `${exprString(e.x)}[${e.low ? exprString(e.low) : ''}:${e.high ? exprString(e.high) : ''}]`;
    case 'TypeAssertExpr': return `${exprString(e.x)}.(${e.typeExpr ? exprString(e.typeExpr) : 'type'})`;
    case 'CallExpr': return `${exprString(e.fun)}(${e.args.map(exprString).join(', ')}${e.ellipsis ? '...' : ''})`;
    case 'StarExpr': return `*${exprString(e.x)}`;
    case 'UnaryExpr': return `${e.op}${exprString(e.x)}`;
    case 'BinaryExpr': return `${exprString(e.x)} ${e.op} ${exprString(e.y)}`;
    case 'ImplicitConv': return exprString(e.x);
    case 'ArrayTypeExpr': return `[${e.len ? exprString(e.len) : ''}]${exprString(e.elem)}`;
    case 'ChanTypeExpr': return e.dir === 'send' ? `chan<- ${exprString(e.elem)}` : e.dir === 'recv' ? `<-chan ${exprString(e.elem)}` : `chan ${exprString(e.elem)}`;
    case 'FuncTypeExpr': return 'func(...)';
    case 'StructTypeExpr': return 'struct{...}';
    case 'InterfaceTypeExpr': return e.methods.length === 0 ? 'interface{}' : 'interface{...}';
    case 'MapTypeExpr': return `map[${exprString(e.key)}]${exprString(e.value)}`;
  }
}

/** The `-m` spelling of an allocation site (`&node{...}`, `new(xtreeNode)`, `make([]uintptr, 10000)`). */
export function escapeExprString(e: A.Expr): string {
  switch (e.kind) {
    case 'CompositeLit': return `${e.typeExpr ? exprString(e.typeExpr) : ''}{${e.elts.length > 0 ? '...' : ''}}`;
    case 'UnaryExpr': return `${e.op}${escapeExprString(e.x)}`;
    case 'ImplicitConv': return escapeExprString(e.x);
    case 'ParenExpr': return escapeExprString(e.x);
    default: return exprString(e);
  }
}
