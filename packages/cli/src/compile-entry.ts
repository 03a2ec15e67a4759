// dist/compile.cjs: the compiler as the run bundle uses it (src/golang-lazy.ts), with @gosim/stdlib inside.
export { compile, formatDiagnostic } from '@gosim/golang';
