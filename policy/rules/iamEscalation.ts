// Privilege escalation in identity policies (the actions and how they are found: lib/iamEscalations.ts).
import { allows } from "../lib/iam";
import { escalations } from "../lib/iamEscalations";
import { resourceRule } from "../lib/rule";
import { IDENTITY_KINDS, eachStatement } from "./iam";

export const iamNoPrivilegeEscalation = resourceRule({
    name: "iam-no-privilege-escalation",
    description:
        "Identity policies grant no privilege-escalation action: iam:PassRole on any role, policy rewriting and attaching (iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy), credential minting (iam:CreateAccessKey, iam:UpdateLoginProfile), boundary removal, and their wildcards.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        "Remove the escalation actions from workload roles (grant them only to a break-glass admin role), and scope iam:PassRole to the named roles the workload passes, ideally with an iam:PassedToService condition.",
    anchors: ["CKV_AWS_286", "CKV_AWS_287", "CKV_AWS_289"],
    kinds: IDENTITY_KINDS,
    check(props, ctx, report) {
        eachStatement(ctx.type, props, (s, where) => {
            if (!allows(s)) return;
            const found = escalations(s);
            if (found.length > 0)
                report(`${where} allows privilege escalation: ${found.join("; ")}. A principal holding these can give itself more than it was granted.`);
        });
    },
});

export const iamEscalationRules = [iamNoPrivilegeEscalation];
