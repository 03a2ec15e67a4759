// Events of traceback: the old panic cursor reports each step it takes through a Panic record's link.

export type TracebackEvent = {
  kind: 'panic-cursor-step';
  goid: number;
  /** The Panic record the cursor left and the link word it read there. */
  from: number;
  link: number;
  /** The stack being walked: a link outside it points at memory the walk does not cover. */
  stackLo: number;
  stackHi: number;
};
