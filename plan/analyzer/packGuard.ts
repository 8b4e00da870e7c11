// Preloaded into the policy pack process. The pack's gRPC server would otherwise run forever:
// it exits when its parent goes away (stdin reaches EOF, even if the parent was SIGKILLed), and
// exits normally on SIGTERM/SIGINT so Node writes its compile cache on the way out.
// It never writes to stdout: the parent reads the server's port there.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => process.exit(0));
