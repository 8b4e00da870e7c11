// An awsx program under the offline plan: its remote components are opaque (no children), so the
// pack judges their inputs, at preview and after up alike.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { buildPlan } from "../../plan/plan";
import type { Violation } from "../../plan/types";
import { detailOf } from "../../plan/verdicts";
import { sharedAnalyzer } from "../support/analyzer";
import { ROOT } from "../support/mocks";
import { programRuns } from "../support/cli";

const AWSX_SERVICE = join(ROOT, "tests", "fixtures", "programs", "awsx-risky-service");

const mandatory = (violations: Violation[]) =>
    violations
        .filter((v) => v.enforcementLevel === "mandatory" && !v.unverifiable)
        .map((v) => `[${v.policyName}] ${detailOf(v)}`)
        .sort();

describe("plan --program: an awsx program", function () {
    this.timeout(180_000);

    it("is caught on its components' inputs at preview and after up, each problem once", async () => {
        const plan = await buildPlan({ root: ROOT, stack: "dev", programDir: AWSX_SERVICE, analyzer: await sharedAnalyzer(), programRuns });
        const service = plan.resources.find((r) => r.type === "awsx:ecs:FargateService")!;
        assert.equal(service.custom, false);
        assert.equal(
            plan.resources.some((r) => r.parent === service.urn),
            false,
            "the component is opaque under mocks",
        );
        const onService = (rule: string, message: string) => `[${rule}] app: ${message} (judged on this awsx:ecs:FargateService's inputs: `;
        const expected = [
            onService(
                "awsx-ecs-container-no-plaintext-secrets",
                "container app has secrets in plain environment variables (DB_PASSWORD); use secrets with valueFrom.",
            ) + "taskDefinitionArgs)",
            onService(
                "awsx-ecs-service-no-public-ip",
                "networkConfiguration.assignPublicIp is true; tasks get public IPs. Set it to false and use private subnets.",
            ) + "assignPublicIp, in the networkConfiguration awsx builds)",
            onService(
                "awsx-security-group-no-world-ingress",
                "ingress from the whole internet on all ports; allowed from the world: ports 80, 443 only. Use a security group source instead.",
            ) + "no networkConfiguration, so awsx creates a security group open to the world on every port)",
            onService(
                "awsx-iam-trust-confused-deputy",
                "trust statement 0 trusts ecs-tasks.amazonaws.com without aws:SourceAccount or aws:SourceArn conditions (confused deputy).",
            ) + "no executionRole, so the execution role awsx creates)",
            "[awsx-alb-https-only] web: HTTP listener on port 80 serves content (forward); allowed: only a redirect to HTTPS. (judged on this awsx:lb:ApplicationLoadBalancer's inputs: no listener, so awsx's default listener)",
        ];
        for (const phase of ["preview", "up"] as const) {
            const found = mandatory(plan.phases[phase]!.evaluation.violations);
            // After up the mocks give the load balancer its listeners as outputs: the same listener, named by its index.
            const seen = (line: string) =>
                found.includes(line) || (phase === "up" && found.includes(line.replace("no listener, so awsx's default listener", "listeners[0]")));
            for (const line of expected) assert.ok(seen(line), `${phase}: ${line}\nfound:\n${found.join("\n")}`);
            // Each problem once: one verdict per rule and component.
            const keys = plan.phases[phase]!.evaluation.violations.map((v) => `${v.policyName} ${v.urn} ${detailOf(v)}`);
            assert.equal(new Set(keys).size, keys.length, phase);
        }
    });
});
