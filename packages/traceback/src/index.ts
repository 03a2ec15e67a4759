export { Stkframe } from './frame.js';
export type { FrameCallback } from './frame.js';
export type { TracebackContext, WalkStart } from './context.js';
export type { TracebackPolicy, Cursors } from './policy.js';
export { tracebackOld } from './traceback-old.js';
export { tracebackNew } from './traceback-new.js';
export { gentraceback, tracebackdefers } from './gentraceback.js';
export { callers } from './callers.js';
export { printTraceback, printCreatedBy, printName } from './print.js';
