// Container health probe: exits 0 when GET <path> on the local port answers 200.
"use strict";
const http = require("node:http");

const path = process.argv[2] || "/health";
const req = http.get({ host: "127.0.0.1", port: Number(process.env.PORT || 8080), path, timeout: 3000 }, (res) => {
    process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on("timeout", () => req.destroy(new Error("timeout")));
req.on("error", () => process.exit(1));
