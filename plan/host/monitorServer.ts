// The engine's side of a program run in a child process: the ResourceMonitor and Engine gRPC
// services the Pulumi CLI serves to a language host, on loopback. Registrations and invokes go to
// the same RecordingMonitor (and AwsMocks) as the in-process run, so records, the provider's Check
// and both phases stay one implementation. The server also keeps what the child's run needs to be
// judged: the program's diagnostics, requests still unanswered, and features the plan cannot serve.
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engine from "@pulumi/pulumi/proto/engine_pb";
import { ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resource from "@pulumi/pulumi/proto/resource_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { RecordingMonitor } from "../runProgram";
import type { Callback as TransformCallback } from "@pulumi/pulumi/proto/callback_pb";
import { Transforms } from "./transforms";

export const STACK_TYPE = "pulumi:pulumi:Stack";

export interface Diagnostic {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn?: string;
}

export interface MonitorServer {
    /** host:port for the program's --monitor and --engine. */
    address: string;
    diagnostics: Diagnostic[];
    /** Errors the monitor answered with (a mock that threw, a user error in inputs), in order. */
    failures: Error[];
    /** What the program asked for that the plan does not serve; any one makes the run a limit. */
    limits: string[];
    /** The root stack resource's URN, once registered. */
    rootUrn(): string | undefined;
    /** Requests the monitor received and has not answered yet. */
    pending(): string[];
    close(): Promise<void>;
}

type Callback = (err: grpc.ServiceError | Error | null, response?: unknown) => void;
type Handler = (call: { request: never }, callback: Callback) => void;

const SEVERITIES: Diagnostic["severity"][] = ["debug", "info", "warning", "error"];
const MAX_MESSAGE = 400 * 1024 * 1024; // the CLI's limit

interface Request {
    getType?(): string;
    getName?(): string;
    getTok?(): string;
    getUrn?(): string;
    getParent?(): string;
    setParent?(value: string): void;
    getTransformsList?(): unknown[];
}

export async function startMonitorServer(monitor: RecordingMonitor): Promise<MonitorServer> {
    const diagnostics: Diagnostic[] = [];
    const failures: Error[] = [];
    const limits: string[] = [];
    const inFlight = new Map<number, string>();
    let nextId = 0;
    let root: string | undefined;
    const transforms = new Transforms();

    /** Runs `handle`, keeping the request as pending until it is answered. */
    const tracked =
        (what: (req: Request) => string, handle: (req: Request, done: Callback) => unknown): Handler =>
        (call, callback) => {
            const req = call.request as Request;
            const id = nextId++;
            inFlight.set(id, what(req));
            const done: Callback = (err, response) => {
                inFlight.delete(id);
                if (err) failures.push(err);
                callback(err, response);
            };
            Promise.resolve()
                .then(() => handle(req, done))
                .catch((e: unknown) => done(e instanceof Error ? e : new Error(String(e))));
        };
    const refuse = (feature: string): Handler =>
        tracked(
            () => feature,
            (_req, done) => {
                const message = `the offline plan does not support ${feature}`;
                limits.push(message);
                done(Object.assign(new Error(message), { code: grpc.status.UNIMPLEMENTED }));
            },
        );
    const empty =
        (): Handler =>
        (_call, callback): void =>
            callback(null, new Empty());

    const resourceName = (req: Request) => `${req.getType?.()} "${req.getName?.()}"`;
    const monitorHandlers: Record<string, Handler> = {
        getDeploymentInfo: tracked(
            () => "GetDeploymentInfo",
            (req, done) => monitor.getDeploymentInfo(req, done),
        ),
        supportsFeature: (call, callback) => {
            const response = new resource.SupportsFeatureResponse();
            // Output values (unknowns with dependencies) are what MockMonitor does not answer either.
            response.setHassupport((call.request as resource.SupportsFeatureRequest).getId() !== "outputValues");
            callback(null, response);
        },
        registerResource: tracked(
            (req) => `the registration of ${resourceName(req)}`,
            async (req, done) => {
                // Transforms run first, as the engine runs them: what they return is what is registered.
                await transforms.apply(req as unknown as resource.RegisterResourceRequest);
                const isRoot = req.getType?.() === STACK_TYPE && !req.getParent?.();
                // Children of the stack are top-level resources, as in the in-process run.
                if (root !== undefined && req.getParent?.() === root) req.setParent?.("");
                return monitor.registerResource(req as never, (err, response) => {
                    if (isRoot && response) root = response.getUrn();
                    done(err as Error | null, response);
                });
            },
        ),
        registerResourceOutputs: tracked(
            (req) => `the outputs of ${req.getUrn?.()}`,
            (req, done) => monitor.registerResourceOutputs(req, (err: Error | null) => done(err, err ? undefined : new Empty())),
        ),
        invoke: tracked(
            (req) => `the invoke ${req.getTok?.()}`,
            (req, done) => monitor.invoke(req, done),
        ),
        readResource: tracked(
            (req) => `the read of ${resourceName(req)}`,
            (req, done) => monitor.readResource(req, done),
        ),
        existsResource: tracked(
            () => "ExistsResource",
            (req, done) => monitor.existsResource(req, done),
        ),
        registerPackage: tracked(
            () => "RegisterPackage",
            (req, done) => monitor.registerPackage(req, done),
        ),
        call: refuse("method calls on components (ResourceMonitor.Call), which run in a provider plugin"),
        registerStackTransform: (call, callback) => {
            transforms.addStackTransform(call.request as TransformCallback);
            callback(null, new Empty());
        },
        registerStackInvokeTransform: refuse("invoke transforms (registerInvokeTransform), which the engine calls back"),
        // Hooks run around deployment steps, which do not happen offline: nothing to judge changes.
        registerResourceHook: empty(),
        registerErrorHook: empty(),
        signalAndWaitForShutdown: empty(),
    };
    const engineHandlers: Record<string, Handler> = {
        log: (call, callback) => {
            const req = call.request as engine.LogRequest;
            diagnostics.push({ severity: SEVERITIES[req.getSeverity()] ?? "info", message: req.getMessage(), urn: req.getUrn() || undefined });
            callback(null, new Empty());
        },
        getRootResource: (_call, callback) => callback(null, new engine.GetRootResourceResponse().setUrn(root ?? "")),
        setRootResource: (call, callback) => {
            root = (call.request as engine.SetRootResourceRequest).getUrn();
            callback(null, new engine.SetRootResourceResponse());
        },
        requirePulumiVersion: (_call, callback) => callback(null, new engine.RequirePulumiVersionResponse()),
        startDebugging: refuse("attaching a debugger"),
    };

    const server = new grpc.Server({ "grpc.max_receive_message_length": MAX_MESSAGE, "grpc.max_send_message_length": MAX_MESSAGE });
    server.addService(ResourceMonitorService as unknown as grpc.ServiceDefinition, monitorHandlers as unknown as grpc.UntypedServiceImplementation);
    server.addService(EngineService as unknown as grpc.ServiceDefinition, engineHandlers as unknown as grpc.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
    );
    return {
        address: `127.0.0.1:${port}`,
        diagnostics,
        failures,
        limits,
        rootUrn: () => root,
        pending: () => [...new Set(inFlight.values())],
        close: () => {
            transforms.close();
            return Promise.resolve(server.forceShutdown());
        },
    };
}
