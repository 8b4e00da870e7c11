// Runs index.ts under Pulumi's mock runtime and records every registration the way the engine
// receives it: type, name, parent, inputs, dependencies and property dependencies, plus outputs.
// Two phases: "up" (every output resolved) and "preview" (dryRun: computed outputs unknown, and
// recorded as the engine's unknown sentinel so a gRPC client can send them as the engine does).
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { join } from "node:path";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ResourceRecord } from "./types";
import { AwsMocks, Phase } from "./awsMocks";
import type { InvokeResults } from "./mocks/invokeResults";
import { raiseUnanswered } from "./mocks/unanswered";
import { RegistrationSource, declaredAt, withAnonymousFrames } from "./sourcePosition";
import { checkedInputs } from "./providerCheck";
import { ENGINE_UNKNOWN, withEngineUnknowns } from "./unknowns";
import type { StackConfig } from "./stackConfig";
export type { Phase } from "./awsMocks";

/** Registration request fields the engine reads (the SDK's protobuf message). */
interface RegisterRequest extends RegistrationSource {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote(): boolean;
    getProtect(): boolean;
    getImportid(): string;
    getDependenciesList(): string[];
    getObject(): unknown;
    getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> };
}

export class RecordingMonitor extends MockMonitor {
    readonly records: ResourceRecord[] = [];

    override async registerResource(req: RegisterRequest, callback: (err: unknown, response: { getUrn(): string } | undefined) => void): Promise<void> {
        const propertyDependencies: Record<string, string[]> = {};
        for (const [key, deps] of req.getPropertydependenciesMap().entries()) propertyDependencies[key] = deps.getUrnsList();
        const given = withEngineUnknowns(deserializeProperties(req.getObject() as never)) as Record<string, unknown>;
        // The analyzer sees a new custom resource's inputs after the provider's Check.
        const inputs = req.getCustom() && !req.getImportid() ? checkedInputs(req.getType(), req.getName(), given) : given;
        const source = declaredAt(req);
        return super.registerResource(req, (err, response) => {
            if (!err && response) {
                const urn = response.getUrn();
                this.records.push({
                    urn,
                    type: req.getType(),
                    name: req.getName(),
                    custom: req.getCustom(),
                    ...(req.getRemote() ? { remote: true } : {}),
                    parent: req.getParent() || undefined,
                    protect: req.getProtect(),
                    inputs,
                    outputs: {},
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    ...(source ? { source } : {}),
                });
            }
            callback(err, response);
        });
    }

    /** Outputs as the engine would store them after the update. */
    finish(): ResourceRecord[] {
        for (const record of this.records) {
            const state = this.resources.get(record.urn)?.state as object | undefined;
            // Resources hold serialized JS; components' registerResourceOutputs hold a Struct.
            const struct = state === undefined ? undefined : "toJavaScript" in state ? state : Struct.fromJavaScript(state as never);
            record.outputs = struct ? (withEngineUnknowns(deserializeProperties(struct as never)) as Record<string, unknown>) : {};
        }
        return this.records;
    }
}

export interface MockRun<T> {
    resources: ResourceRecord[];
    mocks: AwsMocks;
    result: T;
}

/**
 * Runs `body` under the mock runtime for one stack and waits for every registration.
 * Errors thrown by `body`, or raised inside applies, are rethrown.
 */
export function runUnderMocks<T>(
    stack: Pick<StackConfig, "project" | "stack" | "config" | "region">,
    body: () => T,
    phase: Phase = "up",
    invokeResults?: InvokeResults,
): Promise<MockRun<T>> {
    return withAnonymousFrames(() => runRecorded(stack, body, phase, invokeResults));
}

async function runRecorded<T>(
    stack: Pick<StackConfig, "project" | "stack" | "config" | "region">,
    body: () => T,
    phase: Phase,
    invokeResults: InvokeResults | undefined,
): Promise<MockRun<T>> {
    const mocks = new AwsMocks(stack.region, undefined, phase, { invokeResults, defaultTags: providerDefaultTags(stack.config) });
    const monitor = new RecordingMonitor(mocks);
    pulumi.runtime.setMockOptions(monitor, stack.project, stack.stack, phase === "preview");
    pulumi.runtime.setAllConfig(stack.config);

    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        let result: T;
        try {
            result = body();
        } catch (e) {
            raiseUnanswered(mocks);
            throw e;
        }
        await pulumi.runtime.disconnect().catch(onRejection);
        // Let rejections still queued from failed registrations arrive before judging the run.
        await new Promise((resolve) => setImmediate(resolve));
        // An unanswered invoke is why the program failed, if it did; and a run without its answer was not judged honestly.
        raiseUnanswered(mocks);
        if (failures.length > 0) throw cleanError(failures[0]);
        return { resources: monitor.finish(), mocks, result };
    } finally {
        process.off("unhandledRejection", onRejection);
    }
}

/** The provider's `aws:defaultTags` config ({"tags": {…}}), what aws.getDefaultTags answers. */
export function providerDefaultTags(config: Record<string, string>): Record<string, string> | undefined {
    try {
        const tags = (JSON.parse(config["aws:defaultTags"] ?? "{}") as { tags?: unknown }).tags;
        return tags && typeof tags === "object" ? (tags as Record<string, string>) : undefined;
    } catch {
        return undefined; // not JSON: the provider itself refuses it when the program uses it
    }
}

/** An error raised in an apply reaches us wrapped once per input it flowed through. */
function cleanError(e: unknown): Error {
    const error = e instanceof Error ? e : new Error(String(e));
    return new Error(error.message.replace(/^(error serializing property "[^"]*": )+/, ""), { cause: error });
}

export interface ProgramRun {
    resources: ResourceRecord[];
    mocks: AwsMocks;
    /** Stack outputs; at preview an unknown output is the engine's unknown sentinel. */
    outputs: Record<string, unknown>;
}

/** Runs the program (index.ts by default) once in one phase; throws the program's own error. */
export async function runProgram(
    root: string,
    stack: StackConfig,
    programPath = join(root, "index.ts"),
    phase: Phase = "up",
    invokeResults?: InvokeResults,
): Promise<ProgramRun> {
    const run = await runUnderMocks(
        stack,
        () => {
            const resolved = require.resolve(programPath);
            delete require.cache[resolved];
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            return require(resolved) as Record<string, unknown>;
        },
        phase,
        invokeResults,
    );
    const outputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(run.result)) {
        outputs[key] = pulumi.Output.isInstance(value) ? await outputValue(value) : value;
    }
    return { resources: run.resources, mocks: run.mocks, outputs };
}

/** The value of an output; an output unknown at preview gives the engine's unknown sentinel. */
export async function outputValue<T>(o: pulumi.Output<T>): Promise<T | string> {
    // `isKnown` is the SDK's own (internal) flag; apply callbacks never run on unknowns.
    const known = await (o as unknown as { isKnown: Promise<boolean> }).isKnown;
    return known ? new Promise<T>((resolve) => o.apply((v) => resolve(v))) : ENGINE_UNKNOWN;
}
