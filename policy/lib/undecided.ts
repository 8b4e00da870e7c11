// What a rule does when a value it must read is unknown at preview. By default the SDK's
// UnknownValueError goes on to the policy server, which reports an advisory "can't run … during
// preview" (the gate passes); the message now also says how to make the value known. With the
// rule's `failClosedAtPreview: true`, the rule reports a violation at its own enforcement level
// instead, naming the unknown property, so a strict gate fails rather than passes blind.
import type { PolicyConfigSchema } from "@pulumi/policy";
import { isUnknownRead, unknownPath, unknownValueError } from "../knowledge/unknowns";

export interface PreviewConfig {
    failClosedAtPreview?: boolean;
}

export const FAIL_CLOSED_KEY = "failClosedAtPreview";

const HOW_TO_KNOW =
    "make it known at preview by building it from explicit names and ARNs formatted from the account, region and partition (invokes are known at preview) instead of another resource's output";

/** The rule's own schema plus the fail-closed switch (off unless the stack's policy config turns it on). */
export function withFailClosedSchema(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
    return {
        ...schema,
        properties: {
            ...schema?.properties,
            [FAIL_CLOSED_KEY]: {
                type: "boolean",
                default: false,
                description: "At preview, report a violation when a value this policy must read is unknown, instead of an advisory 'can't run'.",
            },
        },
    };
}

/** Runs a rule's check; an unknown read is reported (fail-closed) or rethrown with a hint for the server. */
export function decideOrExplain(config: PreviewConfig, report: (message: string) => void, check: () => void): void {
    try {
        check();
    } catch (e) {
        if (!isUnknownRead(e)) throw e;
        const path = unknownPath(e);
        if (config.failClosedAtPreview === true) {
            report(`${path} is unknown at preview, so this policy cannot decide before deploy (failClosedAtPreview is on); ${HOW_TO_KNOW}.`);
            return;
        }
        e.message = `${e.message}; ${HOW_TO_KNOW}`;
        throw e;
    }
}

/**
 * For a rule that truly cannot decide: throws the SDK's own UnknownValueError for `resource.path`,
 * so the server reports "can't run" (or the rule fails closed), naming the property.
 */
export function cannotDecide(resourceName: string, ...path: string[]): never {
    throw unknownValueError([resourceName, ...path]);
}
