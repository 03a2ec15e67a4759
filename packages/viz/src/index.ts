export { RecordingVersion } from './format.js';
export type {
  Recording, RecordedRun, FuncMeta, StepKind, Step, Snapshot, MemRegion, GoroutineView, FrameView, PointerView,
  DeferView, PanicView, HeapObject, StackCopy, GCView,
} from './format.js';
