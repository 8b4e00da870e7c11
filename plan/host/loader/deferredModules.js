// The Pulumi SDK's run script loads, at startup, packages most programs never touch: the npm tree
// reader and the TypeScript compiler (used only to serialize a function, as a Lambda callback
// does) and the OpenTelemetry tracing stack (used only with --tracing, which the plan never
// passes). They are about 0.6 s of the 1.7 s a program's process takes. Required from those SDK
// files, each is handed a stand-in that loads the real package the first time it is used, so a
// program that serializes a function still gets the real thing, and nothing else changes.
"use strict";
const Module = require("node:module");

const SDK_FILE = (path) => new RegExp(`@pulumi[\\\\/]pulumi[\\\\/]${path.replace(/\//g, "[\\\\/]").replace(/\./g, "\\.")}$`);

/** Which packages are deferred, required from which SDK file, and how that file uses them. */
const DEFERRED = [
    { request: /^@npmcli\/arborist$/, from: SDK_FILE("runtime/closure/codePaths.js"), use: "module" },
    { request: /^typescript$/, from: SDK_FILE("typescript-shim.js"), use: "module" },
    // The tracing module takes named exports (functions and classes) when it loads; the API package
    // itself is small and is used at every start.
    { request: /^@opentelemetry\/(?!api$)/, from: SDK_FILE("cmd/run/tracing.js"), use: "named exports" },
];

/** One load, on first use, shared by every stand-in of the package. */
function once(load) {
    let loaded = false;
    let value;
    return () => {
        if (!loaded) {
            value = load();
            loaded = true;
        }
        return value;
    };
}

/**
 * A stand-in for a package's exports. It says it is an ES module so TypeScript's import helpers
 * (`__importStar`, `__importDefault`) hand it back as it is instead of copying its keys, which would
 * load the package; its `default` is then the package's exports, as those helpers make it.
 */
function moduleStandIn(load) {
    const real = once(load);
    return new Proxy(Object.create(null), {
        get(_, key) {
            if (key === "__esModule") return true;
            const exports = real();
            if (key === "default" && !(exports !== null && typeof exports === "object" && "default" in exports)) return exports;
            return Reflect.get(Object(exports), key);
        },
        has: (_, key) => key === "__esModule" || Reflect.has(Object(real()), key),
    });
}

/** A stand-in for one export that is a function or a class: loaded when called, constructed or read. */
function exportStandIn(load) {
    const real = once(load);
    return new Proxy(function deferredExport() {}, {
        apply: (_, self, args) => Reflect.apply(real(), self, args),
        construct: (_, args, newTarget) => Reflect.construct(real(), args, newTarget),
        get: (_, key) => Reflect.get(real(), key),
    });
}

/** A stand-in for a package whose named exports are taken at once and used later. */
function namedExportsStandIn(load) {
    const real = once(load);
    return new Proxy(Object.create(null), {
        get: (_, key) => (key === "__esModule" ? true : exportStandIn(() => Reflect.get(real(), key))),
    });
}

/** Installs the deferral in this process (the program's child process, before the SDK loads). */
function deferSdkModules() {
    const load = Module._load;
    if (load.defersSdkModules) return;
    Module._load = function (request, parent, isMain) {
        const from = parent?.filename ?? "";
        const deferred = DEFERRED.find((d) => d.request.test(request) && d.from.test(from));
        if (!deferred) return load.call(this, request, parent, isMain);
        const loadReal = () => load.call(this, request, parent, isMain);
        return deferred.use === "module" ? moduleStandIn(loadReal) : namedExportsStandIn(loadReal);
    };
    Module._load.defersSdkModules = true;
}

module.exports = { deferSdkModules, moduleStandIn, namedExportsStandIn };
