// Container definitions arrive as a JSON string (aws.ecs.TaskDefinition) or an object list.
import { isRecord, parseDocument } from "./values";

export type Container = Record<string, unknown> & { name?: unknown };

export type ParsedContainers = { ok: true; containers: Container[] } | { ok: false; error: string };

export function parseContainers(value: unknown): ParsedContainers {
    if (value === undefined || value === null) return { ok: false, error: "no containerDefinitions" };
    const parsed = parseDocument(value);
    if (!parsed.ok) return parsed;
    const list = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    if (list.length === 0) return { ok: false, error: "an empty container list" };
    if (!list.every(isRecord)) return { ok: false, error: "a container entry that is not an object" };
    return { ok: true, containers: list as Container[] };
}

export const containerName = (c: Container, i: number) => (typeof c.name === "string" && c.name.trim() !== "" ? c.name : `#${i}`);
