/**
 * Labels and branches: a port of Go 1.19's syntax.checkBranches (cmd/compile reports these before type checking).
 * Each function body (and each function literal's, separately) gets one label scope. Sets BranchStmt.target for
 * labelled break/continue, BranchStmt.gotoTarget for goto, and LabeledStmt.looping when a goto jumps back to it
 * (escape analysis treats what follows such a label as one loop level deeper, as Go's does).
 */
import type * as A from '../ast.js';
import type { Pos } from '../diagnostics.js';
import { exprString } from './expr-string.js';

interface Label {
  parent: Block;
  lstmt: A.LabeledStmt;
  used: boolean;
}

interface Block {
  parent: Block | undefined;
  start: Pos;
  lstmt: A.LabeledStmt | undefined;
}

type Fail = (pos: Pos, msg: string) => never;

/** Checks the labels and gotos of one function body (nested function literals are checked on their own). */
export function checkBranches(body: A.BlockStmt, fail: Fail, posString: (p: Pos) => string): void {
  const labels = new Map<string, Label>();
  const fwd = blockBranches(labels, undefined, undefined, body.pos, body.stmts, fail, posString);
  for (const g of fwd) {
    const name = g.label!.name;
    const l = labels.get(name);
    if (l) fail(g.label!.pos, `goto ${name} jumps into block starting at ${posString(l.parent.start)}`);
    fail(g.label!.pos, `label ${name} not defined`);
  }
  for (const l of [...labels.values()].sort((a, b) => a.lstmt.label.pos.offset - b.lstmt.label.pos.offset)) {
    if (!l.used) fail(l.lstmt.label.pos, `label ${l.lstmt.label.name} defined and not used`);
  }
}

/** The statements a labelled continue (for, range) or break (also switch, type switch, select) may name. */
const loop = (s: A.Stmt): boolean => s.kind === 'ForStmt' || s.kind === 'RangeStmt';
const breakable = (s: A.Stmt): boolean => loop(s) || s.kind === 'SwitchStmt' || s.kind === 'TypeSwitchStmt' || s.kind === 'SelectStmt';

function blockBranches(labels: Map<string, Label>, parent: Block | undefined, lstmt: A.LabeledStmt | undefined, start: Pos,
  body: A.Stmt[], fail: Fail, posString: (p: Pos) => string): A.BranchStmt[] {
  const b: Block = { parent, start, lstmt };
  let varPos: Pos | undefined;
  let varName = '';
  let fwd: A.BranchStmt[] = [];
  let bad: A.BranchStmt[] = [];
  const recordVarDecl = (pos: Pos, name: string): void => {
    varPos = pos;
    varName = name;
    bad = [...fwd];
  };
  const inner = (start: Pos, stmts: A.Stmt[]): void => {
    fwd.push(...blockBranches(labels, b, lstmt, start, stmts, fail, posString));
  };
  const enclosing = (name: string): A.LabeledStmt | undefined | null => {
    const l = labels.get(name);
    if (!l) return undefined;
    l.used = true;
    for (let x: Block | undefined = b; x; x = x.parent) if (x.lstmt === l.lstmt) return l.lstmt;
    return null; // invalid
  };
  for (const s0 of body) {
    lstmt = undefined;
    let s = s0;
    if (s.kind === 'LabeledStmt') {
      const ls = s;
      const name = ls.label.name;
      if (name !== '_') {
        const alt = labels.get(name);
        if (alt) fail(ls.label.pos, `label ${name} already defined at ${posString(alt.lstmt.label.pos)}`);
        const l: Label = { parent: b, lstmt: ls, used: false };
        labels.set(name, l);
        fwd = fwd.filter((g) => {
          if (g.label!.name !== name) return true;
          g.gotoTarget = ls;
          l.used = true;
          if (varPos && bad.includes(g)) fail(g.label!.pos, `goto ${name} jumps over declaration of ${varName} at ${posString(varPos)}`);
          return false;
        });
        lstmt = ls;
      }
      s = ls.stmt;
    }
    switch (s.kind) {
      case 'DeclStmt': {
        const v = s.specs.find((x): x is A.VarSpec => x.kind === 'VarSpec');
        if (v) recordVarDecl(v.names[0]!.pos, v.names[0]!.name);
        break;
      }
      case 'BranchStmt': {
        if (!s.label) break; // unlabelled: the statement checker resolves it
        const name = s.label.name;
        if (s.tok === 'break' || s.tok === 'continue') {
          const t = enclosing(name);
          if (t === undefined) fail(s.label.pos, `${s.tok} label not defined: ${name}`);
          if (t === null || !(s.tok === 'break' ? breakable : loop)(t.stmt)) fail(s.label.pos, `invalid ${s.tok} label ${name}`);
          s.target = t.stmt as NonNullable<A.BranchStmt['target']>;
        } else if (s.tok === 'goto') {
          const l = labels.get(name);
          let t: A.LabeledStmt | undefined;
          if (l) {
            l.used = true;
            for (let x: Block | undefined = b; x; x = x.parent) if (l.parent === x) t = l.lstmt;
          }
          if (t) {
            s.gotoTarget = t;
            t.looping = true; // a backward jump
          } else fwd.push(s);
        }
        break;
      }
      case 'AssignStmt':
        if (s.tok === ':=') recordVarDecl(s.pos, s.lhs.map(exprString).join(', '));
        break;
      case 'BlockStmt': {
        // a block whose only statement is a block declares nothing: follow such chains in a loop, not by recursion
        let bs = s;
        while (bs.stmts.length === 1 && bs.stmts[0]!.kind === 'BlockStmt') bs = bs.stmts[0]!;
        inner(bs.pos, bs.stmts);
        break;
      }
      case 'IfStmt':
        inner(s.then.pos, s.then.stmts);
        if (s.else) inner(s.else.pos, [s.else]);
        break;
      case 'ForStmt': inner(s.body.pos, s.body.stmts); break;
      case 'RangeStmt': inner(s.body.pos, s.body.stmts); break;
      case 'SwitchStmt': case 'TypeSwitchStmt': for (const c of s.cases) inner(c.pos, c.body); break;
      case 'SelectStmt': for (const c of s.cases) inner(c.pos, c.body); break;
      default: break;
    }
  }
  return fwd;
}
