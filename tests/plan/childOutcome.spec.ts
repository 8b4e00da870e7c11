// Whose error a child run ended in: the program's (exit 2), a limit of the plan, or a bug in the
// plan's loader (exit 3), judged from the child's exit and what the monitor saw.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { PlanLimitError, ProgramError, UserError } from "../../plan/errors";
import { ChildExit, errorMessage, judgeChild } from "../../plan/host/childOutcome";
import type { MonitorServer } from "../../plan/host/monitorServer";
import { ROOT } from "../support/mocks";

const server = (o: Partial<MonitorServer> = {}): MonitorServer => ({
    address: "127.0.0.1:1",
    diagnostics: [],
    failures: [],
    limits: [],
    rootUrn: () => undefined,
    pending: () => [],
    close: () => Promise.resolve(),
    ...o,
});
const exit = (o: Partial<ChildExit> = {}): ChildExit => ({ code: 32, signal: null, lines: [], ...o });
const thrown = (f: () => void): Error => {
    try {
        f();
    } catch (e) {
        return e as Error;
    }
    assert.fail("nothing was thrown");
};

const UNCAUGHT = "Running program '/p' failed with an unhandled exception:\nError: the bucket policy is not ready\n    at Object.<anonymous> (/p/index.ts:3:7)";

describe("a child run's outcome", () => {
    it("a clean exit with nothing refused is a run", () => {
        assert.doesNotThrow(() => judgeChild(exit({ code: 0 }), server(), "index.ts", "up"));
    });

    it("the program's uncaught error is the user's, reduced to its message (the stack stays for --debug)", () => {
        assert.equal(errorMessage(UNCAUGHT), "the bucket policy is not ready");
        const e = thrown(() => judgeChild(exit(), server({ diagnostics: [{ severity: "error", message: UNCAUGHT }] }), "index.ts", "preview"));
        assert.ok(e instanceof ProgramError);
        assert.equal(e.message, "the program index.ts failed at preview: the bucket policy is not ready");
        assert.match(String((e.cause as Error).stack), /at Object.<anonymous> \(\/p\/index\.ts:3:7\)/);
    });

    it("an error raised in the plan's own loader is a bug of the plan, not a ProgramError", () => {
        const logged = `Running program '/p' failed with an unhandled exception:\nTypeError: boom\n    at load (${join(ROOT, "plan", "host", "loader", "esmHooks.mjs")}:60:5)`;
        const e = thrown(() => judgeChild(exit(), server({ diagnostics: [{ severity: "error", message: logged }] }), "index.ts", "up"));
        assert.ok(!(e instanceof ProgramError) && !(e instanceof PlanLimitError));
        assert.equal(e.message, "the offline plan's program loader failed at up: TypeError: boom");
    });

    it("what the monitor answered with decides: a user error is the user's, anything else a limit of the plan", () => {
        const user = thrown(() => judgeChild(exit(), server({ failures: [new UserError("cpu=3 is not valid")] }), "index.ts", "up"));
        assert.ok(user instanceof ProgramError);
        assert.equal(user.message, "the program index.ts failed at up: cpu=3 is not valid");
        const mock = thrown(() => judgeChild(exit(), server({ failures: [new Error("no mock for the call aws:x:y")] }), "index.ts", "up"));
        assert.ok(mock instanceof PlanLimitError);
        const refused = thrown(() => judgeChild(exit({ code: 0 }), server({ limits: ["the offline plan does not support X"] }), "index.ts", "up"));
        assert.ok(refused instanceof PlanLimitError, "even when the program went on");
    });

    it("a run past the bound names the requests left unanswered, else the program's waiting resources", () => {
        const waiting = thrown(() =>
            judgeChild(
                exit({ timedOut: { seconds: 5, monitorPending: ["the invoke aws:ec2/getAmi:getAmi"], programPending: [] } }),
                server(),
                "index.ts",
                "up",
            ),
        );
        assert.ok(waiting instanceof PlanLimitError);
        assert.match(
            waiting.message,
            /^the program index\.ts did not finish at up within 5 s and was stopped: it waited for the plan to answer the invoke aws:ec2\/getAmi:getAmi\./,
        );
    });

    it("an exit without a logged error shows the last lines the program printed", () => {
        const e = thrown(() => judgeChild(exit({ code: 1, lines: ["", "Cannot find module 'left-pad'"] }), server(), "index.ts", "preview"));
        assert.ok(e instanceof ProgramError);
        assert.equal(e.message, "the program index.ts failed at preview: the program exited with code 1:\nCannot find module 'left-pad'");
        const silent = thrown(() => judgeChild(exit({ code: null, signal: "SIGSEGV" }), server(), "index.ts", "up"));
        assert.equal(silent.message, "the program index.ts failed at up: the program was killed by SIGSEGV and printed nothing");
    });
});
