// Resource transforms, run as the engine runs them: a transform is a callback the program serves
// (the SDK's Callbacks gRPC service); before a resource is registered, the engine sends it the
// resource's type, name, properties and options, and registers what it returns. Stack transforms
// (pulumi.runtime.registerResourceTransform) apply to every resource registered after them.
import * as grpc from "@grpc/grpc-js";
import { CallbacksClient } from "@pulumi/pulumi/proto/callback_grpc_pb";
import { Callback, CallbackInvokeRequest, CallbackInvokeResponse } from "@pulumi/pulumi/proto/callback_pb";
import { RegisterResourceRequest, TransformRequest, TransformResourceOptions, TransformResponse } from "@pulumi/pulumi/proto/resource_pb";

export class Transforms {
    private readonly stack: Callback[] = [];
    private readonly clients = new Map<string, CallbacksClient>();

    /** A stack transform: it applies to every later registration. */
    addStackTransform(callback: Callback): void {
        this.stack.push(callback);
    }

    /** Runs the resource's own transforms, then the stack's, on the request before it is registered. */
    async apply(req: RegisterResourceRequest): Promise<void> {
        for (const callback of [...req.getTransformsList(), ...this.stack]) {
            const response = await this.invoke(callback, transformRequest(req));
            const properties = response.getProperties();
            if (properties) req.setObject(properties);
            const options = response.getOptions();
            if (options) applyOptions(req, options);
        }
    }

    close(): void {
        for (const client of this.clients.values()) client.close();
        this.clients.clear();
    }

    private invoke(callback: Callback, request: TransformRequest): Promise<TransformResponse> {
        const target = callback.getTarget();
        let client = this.clients.get(target);
        if (!client) this.clients.set(target, (client = new CallbacksClient(target, grpc.credentials.createInsecure())));
        const message = new CallbackInvokeRequest().setToken(callback.getToken()).setRequest(request.serializeBinary());
        return new Promise((resolve, reject) =>
            client.invoke(message, (err: grpc.ServiceError | null, response: CallbackInvokeResponse) =>
                err ? reject(err) : resolve(TransformResponse.deserializeBinary(response.getResponse_asU8())),
            ),
        );
    }
}

/** What a transform sees: the registration's type, name, parent, properties and options. */
function transformRequest(req: RegisterResourceRequest): TransformRequest {
    const options = new TransformResourceOptions()
        .setDependsOnList(req.getDependenciesList())
        .setProtect(req.getProtect() ?? false)
        .setIgnoreChangesList(req.getIgnorechangesList())
        .setReplaceOnChangesList(req.getReplaceonchangesList())
        .setVersion(req.getVersion())
        .setProvider(req.getProvider())
        .setAdditionalSecretOutputsList(req.getAdditionalsecretoutputsList())
        .setRetainOnDelete(req.getRetainondelete() ?? false);
    const timeouts = req.getCustomtimeouts();
    if (timeouts) options.setCustomTimeouts(timeouts);
    return new TransformRequest()
        .setType(req.getType())
        .setName(req.getName())
        .setCustom(req.getCustom())
        .setParent(req.getParent())
        .setProperties(req.getObject())
        .setOptions(options);
}

/** The options a transform may change that the plan records (the rest do not reach the analyzer). */
function applyOptions(req: RegisterResourceRequest, options: TransformResourceOptions): void {
    req.setDependenciesList(options.getDependsOnList());
    if (options.getProtect() !== undefined) req.setProtect(options.getProtect()!);
    req.setIgnorechangesList(options.getIgnoreChangesList());
    const timeouts = options.getCustomTimeouts();
    if (timeouts) req.setCustomtimeouts(timeouts);
}
