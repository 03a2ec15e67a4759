/** @gosim/cli: the `gosim` command. */
export { main, version } from './main.js';
export { runCommand, runFile } from './commands/run.js';
export { ExitStatus } from './exit-status.js';
export type { ExitStatusName } from './exit-status.js';
export { defaultIo, GosimError } from './io.js';
export type { Io, Writer } from './io.js';
export type { ModuleCache } from './module-cache.js';
export {
  parseBytes, parsePolicyArg, parsePositive, parseRunFlagWords, parseCount, parseSeed, parseStackMin, runOptions, toRunOptions, withoutStress,
} from './options.js';
export type { RunFlags, RunOptionSet } from './options.js';
export { exploreFile, parseInject } from './commands/explore.js';
export type { ExploreFlags } from './commands/explore.js';
export { computeMatrix, markdownTable, matrixFiles, terminalTable } from './commands/matrix.js';
export type { Cell, Matrix, MatrixFlags, Row } from './commands/matrix.js';
export { demo } from './commands/demo.js';
export { aboutOf, defaultScenarioFiles, findExamplesDir, flagWordsOf, loadScenario } from './scenarios.js';
export type { Scenario } from './scenarios.js';
export { formatEvent } from './trace.js';
export { aroundWord, parseAround, parseInjection, parsePort, stepKinds, vizCommandLine, vizFile } from './commands/viz.js';
export type { Around, Injection, VizFlags } from './commands/viz.js';
