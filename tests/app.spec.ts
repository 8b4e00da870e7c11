// The sample app: starts, answers / and /health, and its health probe agrees.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { AddressInfo, Server } from "node:net";
import { join } from "node:path";

const APP = join(__dirname, "..", "app");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createServer } = require(join(APP, "server.js")) as { createServer(): Server };

describe("sample app", () => {
    let server: Server;
    let base: string;

    before((done) => {
        server = createServer().listen(0, "127.0.0.1", () => {
            base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
            done();
        });
    });
    after((done) => void server.close(done));

    it("GET / says hello", async () => {
        const res = await fetch(`${base}/`);
        assert.equal(res.status, 200);
        assert.match(await res.text(), /^Hello from /);
    });

    it("GET /health answers ok as JSON, uncached", async () => {
        const res = await fetch(`${base}/health`);
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), { status: "ok" });
        assert.equal(res.headers.get("cache-control"), "no-store");
    });

    it("unknown paths are 404 and writes are 405", async () => {
        assert.equal((await fetch(`${base}/nope`)).status, 404);
        assert.equal((await fetch(`${base}/`, { method: "POST" })).status, 405);
    });

    it("the container health probe exits 0 on a healthy app and 1 otherwise", async () => {
        const port = (server.address() as AddressInfo).port;
        // The probe runs in its own process while this one serves it, so spawn without blocking.
        const probe = (path: string) =>
            new Promise<number | null>((resolve) =>
                spawn(process.execPath, [join(APP, "healthcheck.js"), path], { env: { ...process.env, PORT: String(port) } }).on("exit", resolve),
            );
        assert.equal(await probe("/health"), 0);
        assert.equal(await probe("/nope"), 1);
    });

    it("the image runs as the task definition's non-root user", () => {
        const dockerfile = readFileSync(join(APP, "Dockerfile"), "utf8");
        assert.match(dockerfile, /^USER 10001:10001$/m);
        assert.match(dockerfile, /^EXPOSE 8080$/m);
    });
});
