// Who a policy statement's Principal names: everyone, whole accounts, or specific principals.
import { asStrings, isRecord } from "../knowledge/values";

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

/** AWS principals that name a whole account (its id or its `:root` ARN): everyone in it whom IAM lets in. */
export function accountRoots(principal: unknown): { principal: string; account: string }[] {
    const aws = isRecord(principal) ? asStrings(principal.AWS) : [];
    return aws.flatMap((p) => {
        const account = ACCOUNT_ID.test(p) ? p : ACCOUNT_ROOT.exec(p)?.[1];
        return account ? [{ principal: p, account }] : [];
    });
}

/** `Principal: "*"` or `{ AWS: "*" }`: every principal of every account, and anonymous callers. */
export function namesEveryone(principal: unknown): boolean {
    return principal === "*" || (isRecord(principal) && asStrings(principal.AWS).includes("*"));
}
