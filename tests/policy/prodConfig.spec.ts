// prod's policy config is the strict gate: every policy that blocks prod also fails closed when it
// cannot decide at preview, so a new rule cannot slip in lenient.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { policies } from "../../policy/policies";
import { ROOT } from "../support/mocks";

describe("policy config: prod", () => {
    it("every policy mandatory on prod fails closed at preview", () => {
        const config = JSON.parse(readFileSync(join(ROOT, "policy", "config", "prod.json"), "utf8")) as Record<string, unknown>;
        const lenient = policies.filter((p) => {
            const entry = config[p.name];
            const level = typeof entry === "string" ? entry : ((entry as { enforcementLevel?: string } | undefined)?.enforcementLevel ?? p.enforcementLevel);
            return level === "mandatory" && (entry as { failClosedAtPreview?: boolean } | undefined)?.failClosedAtPreview !== true;
        });
        assert.deepEqual(
            lenient.map((p) => p.name),
            [],
            `add "failClosedAtPreview": true for ${lenient.map((p) => p.name).join(", ")} in policy/config/prod.json`,
        );
    });
});
