// Loaded first where the Pulumi SDK loads for the plan itself (its process, its own pack server,
// a program's process through childPreload.js): the SDK packages nothing there uses load only if used.
"use strict";
require("./deferredModules").deferSdkModules();
