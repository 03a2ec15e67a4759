export { explore, exploreRange, baselineRun, injectedRun, explainFailure, explainRun, injectKinds } from './explore.js';
export type { ExploreOptions, ExploreResult, ExploreRunOptions, Failure, InjectKind } from './explore.js';
export { exploreSource, CompileError } from './parallel.js';
export type { ParallelOptions } from './parallel.js';
export { explain } from './explain.js';
export { outcomeOf, sameOutcome, symptom } from './outcome.js';
export type { Outcome } from './outcome.js';
export { matrixRow, mixtures } from './matrix.js';
export type { MatrixCell } from './matrix.js';
