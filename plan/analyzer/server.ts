// Connects to the policy pack's gRPC server the way the CLI does, once spawn.ts has it running.
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { StartOptions, spawnPack, takePrestarted } from "./spawn";
export type { StartOptions } from "./spawn";

export interface PolicyServer {
    client: AnalyzerClient;
    port: number;
    pid: number;
    /** Spawn to port, in ms. */
    startMs: number;
    /** What the pack printed (its last 64 KiB), for error messages. */
    output(): string;
    close(): Promise<void>;
}

const MAX_MESSAGE = 400 * 1024 * 1024; // the CLI's and the server's limit

export async function startPolicyServer(options: StartOptions = {}): Promise<PolicyServer> {
    const pack = await (takePrestarted(options) ?? spawnPack(options));
    const client = new AnalyzerClient(`127.0.0.1:${pack.port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": MAX_MESSAGE,
        "grpc.max_send_message_length": MAX_MESSAGE,
    });
    const close = async () => {
        client.close();
        await pack.stop();
    };
    return { client, port: pack.port, pid: pack.child.pid!, startMs: pack.startMs, output: pack.output, close };
}
