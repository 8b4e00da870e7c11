// Role trust policies: who may assume a role. A service principal without a source condition is a
// confused deputy; a whole account lets every principal there allowed sts:AssumeRole take the role.
import { narrowsPrincipals } from "../lib/conditions";
import { allows, conditionKeys, parsePolicy, trustsAnyone, trustsService } from "../lib/iam";
import { accountRoots } from "../lib/principals";
import { resourceRule } from "../lib/rule";

/** Keys that pick principals inside a trusted account. */
const WITHIN_ACCOUNT_KEYS = ["aws:PrincipalArn", "aws:userid"];

export const iamTrustNoAccountRoot = resourceRule<{ trustedAccountIds: string[] }>({
    name: "iam-trust-no-account-root",
    description:
        "Role trust policies name the roles or users that may assume them, not a whole account (`arn:aws:iam::<account>:root` or a bare account id), unless an aws:PrincipalArn condition picks them.",
    severity: "high",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Trust the specific role ARNs (Principal: { AWS: "arn:aws:iam::<account>:role/<name>" }), or keep the account and add Condition: { ArnEquals: { "aws:PrincipalArn": [...] } }. Accounts you fully trust go in trustedAccountIds.',
    anchors: ["CKV_AWS_61"],
    configSchema: { properties: { trustedAccountIds: { type: "array", items: { type: "string" }, default: [] } } },
    kinds: ["role"],
    check(props, ctx, report) {
        const parsed = parsePolicy(props.assumeRolePolicy);
        if (!parsed.ok) return; // iam-trust-confused-deputy reports malformed trust policies
        parsed.statements.filter(allows).forEach((s) => {
            const roots = accountRoots(s.principal).filter((r) => !ctx.config.trustedAccountIds.includes(r.account));
            if (roots.length === 0 || narrowsPrincipals(s.condition, WITHIN_ACCOUNT_KEYS).narrows) return;
            report(
                `trust statement ${s.label} trusts all of account ${roots.map((r) => r.account).join(", ")} (${roots.map((r) => r.principal).join(", ")}): any principal there allowed sts:AssumeRole can assume this role. Name the roles, or add an aws:PrincipalArn condition.`,
            );
        });
    },
});

export const iamTrustConfusedDeputy = resourceRule<{ services: string[] }>({
    name: "iam-trust-confused-deputy",
    description: "Roles trusted by service principals (ecs-tasks) carry aws:SourceAccount or aws:SourceArn conditions; nothing trusts `*`.",
    severity: "medium",
    enforcementLevel: "mandatory",
    remediationSteps:
        'Add Condition: { StringEquals: { "aws:SourceAccount": "<account>" }, ArnLike: { "aws:SourceArn": "arn:aws:ecs:<region>:<account>:*" } } to the trust statement.',
    anchors: ["IAM confused deputy", "CKV_AWS_60", "AwsSolutions-IAM5"],
    configSchema: { properties: { services: { type: "array", items: { type: "string" }, default: ["ecs-tasks.amazonaws.com"] } } },
    kinds: ["role"],
    check(props, ctx, report) {
        const parsed = parsePolicy(props.assumeRolePolicy);
        if (!parsed.ok) return report(`assumeRolePolicy is malformed: ${parsed.error}.`);
        parsed.statements.filter(allows).forEach((s) => {
            if (trustsAnyone(s)) return report(`trust statement ${s.label} lets any principal assume the role; name the service principal.`);
            const service = ctx.config.services.find((svc) => trustsService(s, svc));
            const keys = conditionKeys(s);
            if (service && !keys.includes("aws:sourceaccount") && !keys.includes("aws:sourcearn"))
                report(`trust statement ${s.label} trusts ${service} without aws:SourceAccount or aws:SourceArn conditions (confused deputy).`);
        });
    },
});

export const iamTrustRules = [iamTrustConfusedDeputy, iamTrustNoAccountRoot];
