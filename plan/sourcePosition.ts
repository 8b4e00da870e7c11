// Where a program declared a resource: the SDK sends the registration's call stack; the first frame
// outside node_modules is the program's own line (a library's resource is placed at the program line
// that called into the library). Stack positions are the JavaScript's: a .ts file loaded through the
// project's transpile cache is mapped back to its own lines through the file's inline source map.
import * as pulumi from "@pulumi/pulumi";
import Module, { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import type { SourcePosition } from "./analyzer/types";

/** The SDK's protobuf source position and stack trace (resource_pb / source_pb). */
interface PositionMessage {
    getUri(): string;
    getLine(): number;
    getColumn(): number;
}
export interface RegistrationSource {
    getSourceposition(): PositionMessage | undefined;
    getStacktrace(): { getFramesList(): { getPc(): PositionMessage | undefined }[] } | undefined;
}

/**
 * The SDK reads positions only from named frames (`at f (file:line:col)`); a resource declared in an
 * arrow function (`subnets.map((s, i) => new aws.ec2.RouteTable(…))`) would be placed at the caller's
 * line. While `run` runs, anonymous frames (`at file:line:col`) count too.
 */
export async function withAnonymousFrames<T>(run: () => Promise<T>): Promise<T> {
    const sdk = pulumi.Resource as unknown as { framePositionRegExp: RegExp };
    const named = sdk.framePositionRegExp;
    sdk.framePositionRegExp = /^\s*at (?:.* \()?(?<file>[^()]*):(?<line>[0-9]+):(?<column>[0-9]+)\)?$/;
    try {
        return await run();
    } finally {
        sdk.framePositionRegExp = named;
    }
}

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;
const maps = new Map<string, SourceMap | undefined>();

/** The position of the program line that declared the resource, or undefined when the SDK sent none. */
export function declaredAt(req: RegistrationSource): SourcePosition | undefined {
    const frames = (req.getStacktrace()?.getFramesList() ?? []).map((f) => f.getPc()).filter((p): p is PositionMessage => p !== undefined);
    const candidates = [...frames, req.getSourceposition()].filter((p): p is PositionMessage => p !== undefined && p.getUri().startsWith("file:"));
    const own = candidates.find((p) => !/[\\/]node_modules[\\/]/.test(p.getUri())) ?? candidates[0];
    if (!own) return undefined;
    return originalPosition({ file: fileURLToPath(own.getUri()), line: own.getLine(), column: own.getColumn() });
}

/** Maps a position in transpiled JavaScript back to the .ts source; other positions are already the file's own. */
export function originalPosition(position: SourcePosition): SourcePosition {
    // With source maps enabled (--debug), Node has mapped the stack already.
    if (process.sourceMapsEnabled || !position.file.endsWith(".ts")) return position;
    const map = sourceMapOf(position.file);
    const entry = map?.findEntry(position.line - 1, (position.column ?? 1) - 1);
    if (!entry || !("originalLine" in entry)) return position;
    return { file: position.file, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

function sourceMapOf(file: string): SourceMap | undefined {
    if (maps.has(file)) return maps.get(file);
    let map: SourceMap | undefined;
    try {
        const javascript = transpiledJavaScript(file);
        const encoded = javascript === undefined ? undefined : INLINE_MAP.exec(javascript)?.[1];
        if (encoded) map = new SourceMap(JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as never);
    } catch {
        map = undefined; // an unreadable map: the position stays the JavaScript's
    }
    maps.set(file, map);
    return map;
}

/** The transpile cache's JavaScript for a .ts file (scripts/transpileCache.js), when it loaded the file. */
function transpiledJavaScript(file: string): string | undefined {
    const loader = (Module as unknown as { _extensions: Record<string, { generatedJavaScript?: (file: string) => string } | undefined> })._extensions[".ts"];
    return loader?.generatedJavaScript?.(file);
}
