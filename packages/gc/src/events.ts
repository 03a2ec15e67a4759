export type GCEvent = {
  kind: 'gc-cycle';
  n: number;
  roots: number;
  marked: number;
  freedObjects: number;
  freedBytes: number;
  liveBytes: number;
  heapGoal: number;
};
