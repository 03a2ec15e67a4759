#!/usr/bin/env node
// `pnpm fuzz:go [--count N] [--seed S]` (see packages/fuzz/README.md); runs the built package.
import { fuzzMain } from '../dist/index.js';

process.exitCode = await fuzzMain(process.argv.slice(2));
