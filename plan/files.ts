// Reading the user's files so that every failure names the file: missing, a directory, unreadable,
// or malformed JSON/YAML (with the line), never a raw ENOENT or a parser's message alone.
import { readFileSync, statSync } from "node:fs";
import { parseDocument } from "yaml";
import { FileError } from "./errors";

/** `what` says what the file is for, e.g. "policy config" or "stack config". */
export function readTextFile(path: string, what: string): string {
    let isFile: boolean;
    try {
        isFile = statSync(path).isFile();
    } catch {
        throw new FileError(path, `${what} file not found`);
    }
    if (!isFile) throw new FileError(path, `${what} must be a file, not a directory`);
    try {
        return readFileSync(path, "utf8");
    } catch (e) {
        throw new FileError(path, `cannot read the ${what} file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
    }
}

export function readJsonFile(path: string, what: string): unknown {
    const text = readTextFile(path, what);
    try {
        return JSON.parse(text) as unknown;
    } catch (e) {
        throw new FileError(path, `${what} is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
}

/** YAML as Pulumi reads it: an empty file is null; syntax errors name the line and column. */
export function readYamlFile(path: string, what: string): unknown {
    const text = readTextFile(path, what);
    const doc = parseDocument(text);
    const error = doc.errors[0];
    if (error) {
        const at = error.linePos?.[0];
        const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        throw new FileError(path, `${what} is not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ""}: ${reason}`);
    }
    return doc.toJS() as unknown;
}

/** A directory the user named (e.g. --program); the message says what was expected there. */
export function requireDirectory(path: string, what: string): void {
    let isDirectory: boolean;
    try {
        isDirectory = statSync(path).isDirectory();
    } catch {
        throw new FileError(path, `${what} not found`);
    }
    if (!isDirectory) throw new FileError(path, `${what} must be a directory`);
}
