// Mocks that answer like AWS where the program looks: invokes (data sources) in both phases,
// deterministic ids and ARNs carrying the account and region, autonamed names with a suffix, and
// the computed outputs the program reads. In the preview phase they answer like the engine at
// `pulumi preview`: a new resource's state is its inputs after the provider's Check (autonames,
// schema defaults) and every computed output unknown.
import * as pulumi from "@pulumi/pulumi";
import { AwsPlace, MOCK_ACCOUNT, hex } from "./mocks/aws";
import { BUCKET_TYPES, awsOutputs, idFor } from "./mocks/awsOutputs";
import { completedResult, declaredOutputs, fallbackOutputs } from "./mocks/declaredOutputs";
import { InvokeResults, suppliedResult } from "./mocks/invokeResults";
import { BUILT_IN_INVOKES } from "./mocks/invokes";
import { InvokeArgs, InvokeRejected } from "./mocks/invokes/types";
import { packageOutputs } from "./mocks/packageOutputs";
import { PolicyDocumentError } from "./mocks/policyDocument";
import { UnansweredInvoke, unansweredMessage } from "./mocks/unanswered";
import { checkedInputs } from "./providerCheck";

export { MOCK_ACCOUNT };
export type { UnansweredInvoke };

/** preview: `pulumi preview` (computed outputs unknown); up: after `pulumi up` (everything resolved). */
export type Phase = "preview" | "up";

export interface AwsMocksOptions {
    /** Results the caller supplies (--invoke-results); they win over the mocks' own. */
    invokeResults?: InvokeResults;
    /** The provider's default tags (stack config `aws:defaultTags`), answered by aws.getDefaultTags. */
    defaultTags?: Record<string, string>;
}

type State = Record<string, unknown>;

/**
 * The SDK turns a failed invoke into `new Error(err.details)`: an error without `details` reaches
 * the program with an empty message. So every error thrown from `call` carries its text there.
 */
const withDetails = (error: Error): Error => Object.assign(error, { details: error.message });

export class AwsMocks implements pulumi.runtime.Mocks {
    private readonly place: AwsPlace;
    private readonly unansweredCalls: UnansweredInvoke[] = [];

    constructor(
        readonly region = "us-east-1",
        readonly account = MOCK_ACCOUNT,
        readonly phase: Phase = "up",
        private readonly options: AwsMocksOptions = {},
    ) {
        this.place = new AwsPlace(region, account);
    }

    zones(): string[] {
        return this.place.zones();
    }

    /** The invokes no one could answer, in the order the program made them. */
    unanswered(): readonly UnansweredInvoke[] {
        return this.unansweredCalls;
    }

    /** Invokes read existing state, so they answer in both phases (known at preview). */
    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const inputs = (args.inputs ?? {}) as InvokeArgs;
        const supplied = suppliedResult(this.options.invokeResults, args.token, inputs);
        if (supplied) return supplied;
        if (args.token === "aws:index/getDefaultTags:getDefaultTags" && this.options.defaultTags)
            return { tags: this.options.defaultTags, id: this.place.partition };
        let result: Record<string, unknown> | undefined;
        try {
            result = BUILT_IN_INVOKES[args.token]?.(inputs, this.place);
        } catch (e) {
            // What the provider itself rejects fails the program, with the provider's reason.
            if (e instanceof InvokeRejected || e instanceof PolicyDocumentError) throw withDetails(new Error(`invoke ${args.token} failed: ${e.message}`));
            throw withDetails(e instanceof Error ? e : new Error(String(e)));
        }
        if (result !== undefined) return completedResult(args.token, String(inputs.name ?? args.token.replace(/^.*:/, "")), result, this.place);
        const call: UnansweredInvoke = { token: args.token, args: inputs, suppliedButUnmatched: this.options.invokeResults?.[args.token] !== undefined };
        this.unansweredCalls.push(call);
        throw withDetails(new Error(unansweredMessage([call])));
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
        const seed = `${args.type}::${args.name}`;
        // The program's own components have no state; remote components (awsx) compute outputs like resources.
        const remote = !args.custom && (args.type.startsWith("awsx:") || declaredOutputs(args.type)?.component === true);
        if (!args.custom && !remote) return { id: undefined, state: args.inputs };
        const inputs = args.custom ? checkedInputs(args.type, args.name, args.inputs as State) : (args.inputs as State);
        // A read (`.get`) or import names an existing resource: its state is known in both phases.
        const existing = Boolean(args.id);
        const physical = BUCKET_TYPES.includes(args.type) ? inputs.bucket : inputs.name;
        const name = typeof physical === "string" ? physical : `${args.name}-${hex(seed, 7)}`;
        const computed = this.computed(args.type, name, args.id || idFor(args.type, name, seed), inputs, seed);
        const id = args.id || String(computed.id);
        if (this.phase === "up" || existing) return { id, state: { ...inputs, ...computed, id } };
        // At preview the provider knows only what Check returned; everything it computes is unknown.
        const unknowns = Object.fromEntries(Object.keys(computed).map((key) => [key, pulumi.unknown]));
        return { id: undefined, state: { ...unknowns, ...inputs, id: pulumi.unknown } };
    }

    /** The type's own outputs where the mocks know them, over the ones read from its declarations. */
    private computed(type: string, name: string, id: string, inputs: State, seed: string): State {
        const known = type.startsWith("aws:")
            ? awsOutputs(this.place, type, name, id, inputs, seed)
            : (packageOutputs(this.place, type, name, inputs, seed) ?? {});
        const tags = type.startsWith("aws:") && inputs.tags !== undefined && inputs.tagsAll === undefined ? { tagsAll: inputs.tags } : {};
        return { id, ...fallbackOutputs(type, name, inputs, this.place), ...tags, ...known };
    }
}
