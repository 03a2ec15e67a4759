/**
 * Type declarations inside function bodies (go/types: a local TypeName). The name is in scope from its
 * identifier on, so `type node struct{ next *node }` refers to itself; two declarations of one name (in two
 * functions or blocks) are two distinct named types, told apart by `NamedType.local` while both print `main.T`.
 */
import type * as A from '../ast.js';
import type { TypeNameObj } from '../objects.js';
import type { NamedType } from '../types.js';
import { T } from '../types.js';
import { RangeChecker } from './range.js';
import type { Scope } from './universe.js';

export abstract class LocalTypeChecker extends RangeChecker {
  /** Local named types declared so far: the next one's `local` number. */
  private localTypes = 0;
  protected abstract resolveTypeName(obj: TypeNameObj, scope: Scope): void; // check/decl.ts

  protected localTypeSpec(spec: A.TypeSpec): void {
    const id = spec.name;
    const obj: TypeNameObj = { kind: 'typename', name: id.name, type: T.int, pos: id.pos, decl: spec };
    if (!spec.alias) obj.type = { kind: 'named', pkg: this.pkgPath, name: id.name, underlying: T.int, local: ++this.localTypes } satisfies NamedType;
    spec.obj = obj;
    id.obj = obj;
    if (id.name !== '_') {
      const prev = this.scope.names.get(id.name);
      if (prev) {
        const other = 'pos' in prev ? `\n\t${this.posString(prev.pos)}: other declaration of ${id.name}` : '';
        this.fail(id.pos, `${id.name} redeclared in this block${other}`);
      }
      this.scope.names.set(id.name, obj);
    }
    this.typeSpecOf.set(obj, spec);
    this.typeNames.push(obj);
    // resolved now, in the declaring block's scope; a reference to itself while pending is lazy or a cycle
    const scope = this.scope;
    this.pending.set(obj, () => this.resolveTypeName(obj, scope));
    this.force(obj, id.pos);
  }
}
