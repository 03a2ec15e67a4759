export type { CopystackContext } from './context.js';
export type { CopystackEvent } from './events.js';
export type { CopystackPolicy } from './policy.js';
export type { AdjustInfo } from './adjustinfo.js';
export { adjustpointer, adjustpointers, isPoisonWord } from './adjustinfo.js';
export { adjustframe } from './adjustframe.js';
export { copystack, copystackAdjustFirst } from './copystack.js';
export {
  fillstack, allocNewStack, adjustinfo, adjustframes, adjustctxt, adjustpanics, adjustsudogs, copyUsed, switchStack, freeOldStack,
} from './stages.js';
export { newstack, shrinkstack } from './newstack.js';
export { copystackOld } from './copystack-old.js';
export { copystackNew } from './copystack-new.js';
export { copystackCopyFirst } from './copystack-copy-first.js';
export { copystackGo113, adjustdefersGo113 } from './copystack-go113.js';
export { copystackGo114, adjustdefersGo114 } from './copystack-go114.js';
