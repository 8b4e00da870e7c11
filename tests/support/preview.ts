// The program as `pulumi preview` registers it: Pulumi's mock runtime in preview mode, resources
// answering with their inputs only (autonames filled in), so every computed output (ids, ARNs) is
// unknown and reaches the recorded inputs as the engine's unknown sentinel, as the analyzer gets it.
import * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "@pulumi/pulumi/output";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { join } from "node:path";
import { AwsMocks } from "../../plan/awsMocks";
import { UNKNOWN } from "../../policy/knowledge/unknowns";
import { loadStackConfig } from "../../plan/stackConfig";
import type { ResourceRecord } from "../../plan/types";
import { ROOT } from "./mocks";

/** The SDK's unknown marker → the sentinel the analyzer hands to policies. */
function withSentinels(value: unknown): unknown {
    if (isUnknown(value)) return UNKNOWN.string;
    if (Array.isArray(value)) return value.map(withSentinels);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSentinels(v)]));
    return value;
}

class PreviewMocks implements pulumi.runtime.Mocks {
    constructor(private readonly aws: AwsMocks) {}
    /** Invokes (account, region, AZs, public SSM parameters) are known at preview. */
    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        return this.aws.call(args);
    }
    newResource(args: pulumi.runtime.MockResourceArgs): { id: undefined; state: Record<string, unknown> } {
        const { state } = this.aws.newResource(args);
        const inputs = args.inputs as Record<string, unknown>;
        return { id: undefined, state: inputs.name === undefined && state.name !== undefined ? { ...inputs, name: state.name } : inputs };
    }
}

interface Request {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProtect(): boolean;
    getDependenciesList(): string[];
    getObject(): unknown;
    getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> };
}

class PreviewRecorder extends MockMonitor {
    readonly records: ResourceRecord[] = [];
    override async registerResource(req: Request, callback: (err: unknown, response: { getUrn(): string; getObject(): unknown } | undefined) => void) {
        return super.registerResource(req, (err, response) => {
            if (!err && response) {
                const inputs = withSentinels(deserializeProperties(req.getObject() as never, true)) as Record<string, unknown>;
                const answered = deserializeProperties(response.getObject() as never, true) as Record<string, unknown>;
                const propertyDependencies: Record<string, string[]> = {};
                for (const [key, deps] of req.getPropertydependenciesMap().entries()) propertyDependencies[key] = deps.getUrnsList();
                this.records.push({
                    urn: response.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    custom: req.getCustom(),
                    parent: req.getParent() || undefined,
                    protect: req.getProtect(),
                    inputs,
                    // What stack policies see at preview: the inputs, and the provider's autoname.
                    outputs: { ...inputs, ...(answered.name !== undefined && inputs.name === undefined ? { name: answered.name } : {}) },
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                });
            }
            callback(err, response);
        });
    }
}

/** Registrations of index.ts for a shipped stack with `overrides`, as at `pulumi preview`. */
export async function previewRecords(stackName: string, overrides: Record<string, unknown> = {}): Promise<ResourceRecord[]> {
    const stack = loadStackConfig(ROOT, stackName, overrides);
    const monitor = new PreviewRecorder(new PreviewMocks(new AwsMocks(stack.region)));
    pulumi.runtime.setMockOptions(monitor, stack.project, stack.stack, true);
    pulumi.runtime.setAllConfig(stack.config);
    const program = require.resolve(join(ROOT, "index.ts"));
    delete require.cache[program];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(program);
    await pulumi.runtime.disconnect();
    return monitor.records;
}
