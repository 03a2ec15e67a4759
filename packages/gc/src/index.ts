export type { GCContext, GCSpecials } from './context.js';
export type { GCEvent } from './events.js';
export type { GCPolicy } from './policy.js';
export { MarkWork } from './mark.js';
export { gcOld } from './gc-old.js';
export { gcNew } from './gc-new.js';
export { gcGo113 } from './gc-go113.js';
export { gcCollect, markroots } from './gc.js';
export type { GCResult } from './gc.js';
