export type GCEvent = {
  kind: 'gc-cycle';
  n: number;
  roots: number;
  marked: number;
  freedObjects: number;
  freedBytes: number;
  liveBytes: number;
  heapGoal: number;
  /** This cycle's frames (stack and deferred-call argument frames) and objects scanned, words examined. */
  frames: number;
  objects: number;
  words: number;
};
