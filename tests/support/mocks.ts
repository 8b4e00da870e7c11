// Component tests: run a body under the same recording mock runtime the plan uses.
import type { ResourceRecord } from "../../plan/types";
import { readProjectName } from "../../plan/stackConfig";
import { runUnderMocks } from "../../plan/runProgram";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const PROJECT = readProjectName(ROOT);

export async function record(body: () => unknown, stack = "test", region = "us-east-1"): Promise<ResourceRecord[]> {
    const run = await runUnderMocks({ project: PROJECT, stack, config: { "aws:region": region }, region }, body);
    return run.resources;
}

export const ofType = (resources: ResourceRecord[], type: string) => resources.filter((r) => r.type === type);

export function one(resources: ResourceRecord[], type: string, name?: string): ResourceRecord {
    const found = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    if (found.length !== 1)
        throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
    return found[0]!;
}

export const json = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);
