// Whole stacks with Service Connect: dev and prod stay clean at preview and after up, with the task
// group open to its peers on the Service Connect port; a peer group outside the stack passes the
// CI gate only when the policy config names it.
import { strict as assert } from "node:assert";
import { byPolicy, gate, runPhase } from "./support/phases";

const SERVICE_CONNECT = { namespace: "web.internal", clientAlias: { port: 80, dnsName: "web.internal" } };
const PEER = "sg-0123456789abcdef0";
const clean = { mandatory: [], undecided: [] };

describe("whole stacks with Service Connect", function () {
    this.timeout(300_000);

    for (const stack of ["dev", "prod"]) {
        it(`${stack}: clean at preview and after up, the namespace and the peer rule in the stack`, async () => {
            for (const phase of ["preview", "up"] as const) {
                const run = await runPhase({ stack, phase, configOverrides: { serviceConnect: SERVICE_CONNECT } });
                assert.deepEqual(gate(run), clean, `${stack} ${phase}`);
                assert.equal(run.resources.filter((r) => r.type === "aws:servicediscovery/httpNamespace:HttpNamespace").length, 1);
                assert.ok(run.resources.some((r) => r.name === `web-${stack}-task-in-sc-self`));
            }
        });
    }

    it("a peer group outside the stack: refused unless the policy config names it, at preview and after up", async () => {
        const configOverrides = { serviceConnect: { ...SERVICE_CONNECT, peerSecurityGroupIds: [PEER] } };
        for (const phase of ["preview", "up"] as const) {
            const refused = await runPhase({ stack: "prod", phase, configOverrides });
            assert.deepEqual(gate(refused).mandatory, ["ecs-task-ingress-from-alb-only"], phase);
            assert.match(
                byPolicy(refused.evaluation.violations, "ecs-task-ingress-from-alb-only")[0]!.message,
                new RegExp(`accepts ingress from ${PEER}, which is not`),
            );
            const allowed = await runPhase({
                stack: "prod",
                phase,
                configOverrides,
                policyConfig: { "ecs-task-ingress-from-alb-only": { serviceConnectPeerSecurityGroupIds: [PEER] } },
            });
            assert.deepEqual(gate(allowed), clean, phase);
        }
    });
});
