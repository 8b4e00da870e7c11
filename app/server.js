// A tiny web app: "/" says hello, "/health" answers for the load balancer and ECS.
"use strict";
const http = require("node:http");

function createServer() {
    return http.createServer((req, res) => {
        const path = (req.url || "/").split("?")[0];
        if (req.method !== "GET" && req.method !== "HEAD") {
            res.writeHead(405, { allow: "GET, HEAD" }).end();
            return;
        }
        if (path === "/health") {
            res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify({ status: "ok" }));
            return;
        }
        if (path === "/") {
            res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(`Hello from ${process.env.APP_NAME || "fargate-web"}\n`);
            return;
        }
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    });
}

if (require.main === module) {
    const port = Number(process.env.PORT || 8080);
    const server = createServer().listen(port, () => console.log(JSON.stringify({ msg: "listening", port })));
    // ECS sends SIGTERM on scale-in and deploys: finish in-flight requests, then exit.
    process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

module.exports = { createServer };
