// Tiny safe element helpers: program data reaches the DOM ONLY as text (textContent / text nodes) or as
// attribute values set through setAttribute; nothing here parses HTML.

export type Child = Node | string | null | undefined | false;

export interface Attrs {
  class?: string;
  title?: string;
  [name: string]: string | number | undefined;
}

/** Creates <tag> with attributes (set one by one, never parsed) and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    e.setAttribute(k, String(v));
  }
  append(e, ...children);
  return e;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Removes every child of `e`. */
export function clear(e: Node): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

/** `0x` + lower-case hex of the word; a negative one (NoArgs' -1, say) as its 64-bit two's complement. */
export function hex(n: number): string {
  return `0x${(n < 0 ? BigInt.asUintN(64, BigInt(n)) : n).toString(16)}`;
}

const SvgNS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SvgNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}
