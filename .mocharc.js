// Mocha's settings for the whole suite (`npm run mocha`, `npm test`); `npm run test:one` runs
// specs serially without them. Specs run in parallel workers, at least two: most of a spec's time
// is spent waiting on child processes (programs, pack servers), which another worker fills.
"use strict";
const { availableParallelism } = require("node:os");

module.exports = {
    require: ["./scripts/transpileCache.js"],
    extension: ["ts"],
    spec: ["tests/**/*.spec.ts"],
    timeout: 120000,
    parallel: true,
    jobs: Math.max(2, availableParallelism() - 1),
    reporter: "tests/support/countingReporter.js",
};
