// Opcodes for methods and interfaces (numbers 165-184; see ../isa.ts for the operand letters).
//
// A non-empty interface value is {tab *itab, data}; an empty one {type id + 1, data}. An itab is Go 1.19's
// (runtime/runtime2.go): inter (interface type id + 1) 0, _type (concrete type id + 1) 8, hash (uint32) 16,
// fun[i] (method entry PCs, in the interface's method order) 24 + 8i. Static itabs are in the data segment
// (their fun words patched with entry PCs at link time), the others in a non-GC region built on first use.
// A method call through an interface is `CALLCLOSURE &tab.fun[i]` with the data word as the receiver.

export const IfaceOp = {
  CONVI2E: 165, //     S dst, S src            eface = {tab ? tab._type : 0, data} of a non-empty interface value
  CONVI2I: 166, //     S dst, S src, Y inter   dst = src as interface type inter (nil stays nil; src's type implements inter)
  ASSERTE2I: 167, //   S dst, S eface, Y inter dst = eface.(inter), or panic: interface conversion (missing method / is nil)
  ASSERTE2I2: 168, //  S dst, S eface, Y inter the same, comma-ok: zero value and byte ok = 0 at dst + 16 if not
  PANICDOTTYPE: 169, // S args                 panic: interface conversion: args {have type word, want id + 1, iface id + 1}
  PANICWRAP: 170, //   S recv, S msg           recv == nil: panic plainError(msg) (a value method called through a nil *T)
  // runtime.preprintpanics (runtime/src/preprint.ts): a fatal panic's error / Stringer values become strings
  PREPRINTNEXT: 171, // S more, S fv, S state   next panic value with Error/String: its call set up in the outgoing area
  PREPRINTDONE: 172, // S state, S str          that panic's value = the string str (allocates)
  PREPRINTFATAL: 173, //                        print the panics and the traceback, exit 2 (fatalpanic)
} as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const ifaceShapes: Readonly<Record<number, string>> = {
  [IfaceOp.CONVI2E]: 'SS-',
  [IfaceOp.CONVI2I]: 'SSY',
  [IfaceOp.ASSERTE2I]: 'SSY',
  [IfaceOp.ASSERTE2I2]: 'SSY',
  [IfaceOp.PANICDOTTYPE]: 'S--',
  [IfaceOp.PANICWRAP]: 'SS-',
  [IfaceOp.PREPRINTNEXT]: 'SSS',
  [IfaceOp.PREPRINTDONE]: 'SS-',
  [IfaceOp.PREPRINTFATAL]: '---',
};
