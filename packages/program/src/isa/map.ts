// Opcodes for maps (numbers 150-164; see ../isa.ts for the operand letters). A map value is a *hmap word;
// `mk` is a frame block holding the map word at mk and the key (in memory layout) at mk + 8.

export const MapOp = {
  MAKEMAP: 150, //      S dst, Y t, S hint     dst = a new heap hmap of map type t for about hint entries
  MAKEMAPSTK: 151, //   S h, Y t, S hint       initialize the zeroed hmap in the frame slot h (a non-escaping map)
  MAPACCESS1: 152, //   S dst, Y t, S mk       dst = m[k] (the element in memory layout; zero if absent)
  MAPACCESS2: 153, //   S dst, Y t, S mk       like MAPACCESS1, then byte ok at dst + elem size
  MAPASSIGN: 154, //    S dst, Y t, S mk       dst = address of m[k]'s element (inserted if absent; nil map panics)
  MAPDELETE: 155, //    S mk, Y t              delete(m, k)
  MAPLEN: 156, //       S dst, S m             len(m) (0 for nil)
  MAPITERINIT: 157, //  S it, Y t, S m         start a range over m with the hiter in the frame slot it
  MAPITERNEXT: 158, //  S it                   advance; it.key == nil when done
} as const;

/**
 * The frame slots the map ops work on, by size and pointer words, declared once for the compiler's slot and the
 * runtime's structure (runtime/src/map-layout.ts lays out their fields): MAKEMAPSTK's hmap (pointers: buckets,
 * oldbuckets, extra) and MAPITERINIT's hiter (key, elem, h, buckets, bptr, overflow, oldoverflow).
 */
export const HmapSlot = { size: 48, ptrWords: [2, 3, 5] } as const;
export const HiterSlot = { size: 96, ptrWords: [0, 1, 3, 4, 5, 6, 7] } as const;

/** Operand shapes of the ops above (see opShape in ../isa.ts). */
export const mapShapes: Readonly<Record<number, string>> = {
  [MapOp.MAKEMAP]: 'SYS',
  [MapOp.MAKEMAPSTK]: 'SYS',
  [MapOp.MAPACCESS1]: 'SYS',
  [MapOp.MAPACCESS2]: 'SYS',
  [MapOp.MAPASSIGN]: 'SYS',
  [MapOp.MAPDELETE]: 'SY-',
  [MapOp.MAPLEN]: 'SS-',
  [MapOp.MAPITERINIT]: 'SYS',
  [MapOp.MAPITERNEXT]: 'S--',
};
