#!/usr/bin/env bash
# Scaffold packages/<name> with the layout of CONVENTIONS.md. Usage: tooling/new-package.sh name "description" [dep...]
set -euo pipefail
name=$1; desc=$2; shift 2
dir=packages/$name
mkdir -p "$dir/src" "$dir/test"
deps=""
for d in "$@"; do deps="$deps\"@gosim/$d\": \"workspace:*\", "; done
deps=${deps%, }
cat > "$dir/package.json" <<JSON
{
  "name": "@gosim/$name",
  "version": "0.0.0",
  "description": "$desc",
  "license": "BSD-3-Clause",
  "type": "module",
  "sideEffects": false,
  "main": "./dist/index.cjs",
  "module": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": {
      "@gosim/source": "./src/index.ts",
      "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
      "require": { "types": "./dist/index.d.cts", "default": "./dist/index.cjs" }
    },
    "./package.json": "./package.json"
  },
  "publishConfig": {
    "exports": {
      ".": {
        "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
        "require": { "types": "./dist/index.d.cts", "default": "./dist/index.cjs" }
      },
      "./package.json": "./package.json"
    }
  },
  "files": ["dist"],
  "scripts": { "build": "tsup", "test": "jest", "typecheck": "tsc --noEmit" },
  "dependencies": { $deps }
}
JSON
cp LICENSE "$dir/LICENSE"
cat > "$dir/tsconfig.json" <<'JSON'
{ "extends": "../../tsconfig.base.json", "include": ["src", "test", "bench"] }
JSON
cat > "$dir/tsup.config.ts" <<'TS'
import { defineConfig } from 'tsup';
import { tsupBase } from '../../tsup.base';

export default defineConfig(tsupBase);
TS
cat > "$dir/jest.config.cjs" <<'JS'
module.exports = require('../../jest.preset.cjs')(__dirname);
JS
