// @gosim/fuzz: random programs in gosim's Go subset, and running them under real Go and gosim.
export { Rng, programSeed } from './rng.js';
export { features, isFeature, type Feature } from './builder.js';
export { generateProgram } from './program.js';
export { intTypes, minOf, maxOf, type IntType } from './gen-arith.js';
export { runGosim, rejectedFeature, toolMaxSteps, type GosimResult, type GosimKind } from './gosim.js';
export { goVersion, goBuild, goRun, exec, type Exec, type GoRun, type GoBuild } from './gorun.js';
export { sameOutcome, firstDifference } from './compare.js';
export { fuzzMain, parseFuzzArgs, signature, modes, type Mode, type FuzzOptions } from './fuzz-go.js';
