// Analyze, Remediate and AnalyzeStack with requests already encoded to bytes (protoWriter.ts):
// the generated client's service paths and response decoding, on the generated client's channel.
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient, AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as pb from "@pulumi/pulumi/proto/analyzer_pb";

type Unary = (request: Buffer, callback: (error: grpc.ServiceError | null, response: unknown) => void) => void;

const sendsBytes = <Req, Res>(method: grpc.MethodDefinition<Req, Res>) => ({ ...method, requestSerialize: (bytes: Buffer) => bytes });

const EncodedAnalyzer = grpc.makeGenericClientConstructor(
    { analyze: sendsBytes(AnalyzerService.analyze), remediate: sendsBytes(AnalyzerService.remediate), analyzeStack: sendsBytes(AnalyzerService.analyzeStack) },
    "Analyzer",
);

export class EncodedRequests {
    private readonly methods: Record<"analyze" | "remediate" | "analyzeStack", Unary>;

    constructor(client: AnalyzerClient) {
        const raw = new EncodedAnalyzer("127.0.0.1", grpc.credentials.createInsecure(), { channelOverride: client.getChannel() });
        this.methods = raw as unknown as EncodedRequests["methods"];
    }

    private call<Res>(method: keyof EncodedRequests["methods"], request: Buffer): Promise<Res> {
        return new Promise((resolve, reject) =>
            this.methods[method].call(this.methods, request, (error, response) =>
                error ? reject(new Error(error.details || error.message, { cause: error })) : resolve(response as Res),
            ),
        );
    }

    analyze = (request: Buffer) => this.call<pb.AnalyzeResponse>("analyze", request);
    remediate = (request: Buffer) => this.call<pb.RemediateResponse>("remediate", request);
    analyzeStack = (request: Buffer) => this.call<pb.AnalyzeResponse>("analyzeStack", request);
}
