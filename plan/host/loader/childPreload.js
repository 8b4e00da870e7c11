// Loaded with --require into a program's child process, before the Pulumi SDK's run script: SDK
// packages most programs never use deferred until used (deferredModules.js), .ts files transpiled
// (CommonJS here, ES modules through esmHooks.mjs), `./x.js` resolving to x.ts when only the .ts
// exists (the nodenext convention), an exit when the plan that started this process is gone, and
// on SIGUSR2 (the plan's time bound ran out) the registrations the program's SDK still waits for,
// written to stderr behind a marker.
"use strict";
const Module = require("node:module");
const { existsSync } = require("node:fs");
const { setInterval } = require("node:timers");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

// SDK packages the program may never use load when first used, not at startup.
require("./deferSdk");

// Pulumi.yaml `typescript: false` makes the program plain JavaScript: no .ts loading then.
const typescript = process.env.OFFLINE_PLAN_TYPESCRIPT !== "false";
if (typescript) require("../../../scripts/transpileCache.js");

const PENDING_MARKER = "\u0001offline-plan-pending ";
const TS_FOR_JS = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts" };

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
    try {
        return resolveFilename.call(this, request, parent, ...rest);
    } catch (error) {
        const ext = /\.[cm]?js$/.exec(request)?.[0];
        if (error?.code !== "MODULE_NOT_FOUND" || !typescript || !ext || !request.startsWith(".") || !parent?.filename) throw error;
        const ts = join(parent.filename, "..", request.slice(0, -ext.length) + TS_FOR_JS[ext]);
        if (!existsSync(ts)) throw error;
        return ts;
    }
};

Module.register(pathToFileURL(join(__dirname, "esmHooks.mjs")), {
    data: { typescript, fallbackParent: pathToFileURL(join(__dirname, "..", "..", "..", "package.json")).href },
});

// Node 22's util.inspect never returns for a colored error whose stack names "node_modules/@scope/file"
// (frames the SDK's source maps produce), and the SDK reports an uncaught error with colors on.
// The output is captured, not shown on a terminal: inspect without colors.
const util = require("node:util");
const inspect = util.inspect;
function inspectWithoutColors(value, options, ...rest) {
    return inspect.call(this, value, options !== null && typeof options === "object" ? { ...options, colors: false } : options, ...rest);
}
for (const key of ["custom", "defaultOptions", "colors", "styles"])
    Object.defineProperty(inspectWithoutColors, key, Object.getOwnPropertyDescriptor(inspect, key));
util.inspect = inspectWithoutColors;

// The SDK handles some rejections a tick late (an invoke the plan answers with an error, a failed
// registration); Node then warns that a rejection "was handled asynchronously". That is neither the
// program's output nor a problem of it: those warnings are dropped, every other one is printed.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
    // Node emits it as an Error of that name.
    if (warning?.name === "PromiseRejectionHandledWarning") return;
    return emitWarning.call(this, warning, ...rest);
};

// The plan ended without ending this process (killed itself): nothing is left to answer it.
const planPid = process.ppid;
setInterval(() => process.ppid !== planPid && process.exit(1), 1000).unref();

/** The registrations the program's own SDK copy still waits for (an SDK that tracks them). */
function pendingRegistrations() {
    const state = Object.keys(require.cache).find((path) => path.endsWith(join("@pulumi", "pulumi", "runtime", "state.js")));
    const pending = state ? require.cache[state].exports.getPendingResourceRegistrations?.() : undefined;
    return pending ? [...pending.values()].map((reg) => (reg.name && reg.type ? `"${reg.name}" [${reg.type}]` : String(reg.label))) : [];
}

process.on("SIGUSR2", () => process.stderr.write(`${PENDING_MARKER}${JSON.stringify(pendingRegistrations())}\n`));
