// Role trust that names a whole account: every principal there whose own policies allow
// sts:AssumeRole can take the role.
import { narrowsPrincipals } from "../lib/conditions";
import { allows, parsePolicy } from "../lib/iam";
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

export const iamTrustRules = [iamTrustNoAccountRoot];
