export { RecordingVersion } from './format.js';
export type {
  Recording, RecordedRun, FuncMeta, StepKind, Step, Snapshot, MemRegion, GoroutineView, FrameView, PointerView,
  DeferView, PanicView, HeapObject, StackCopy, GCView,
} from './format.js';
export { recordRun, RecordError, DefaultWindow, MaxRecordingBytes } from './record/recorder.js';
export type { RecordOptions } from './record/recorder.js';
export { makeRecording } from './record/recording.js';
export { RecordingGlobal, PageFiles, RecordingFile, SiteError, recordingScript, pageDir, pageFiles, writeSite } from './site.js';
export { ServeHost, ServeHeaders, serveRecording, type ServedRecording } from './serve.js';
