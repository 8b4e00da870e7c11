// The Node.js runtime options of a Pulumi.yaml that change how a program is started:
// `runtime.options` typescript and nodeargs (as the language host reads them). `tsconfig` is not
// read: .ts files are transpiled with this project's emit options (types stripped, no check).
import { isRecord } from "../../policy/knowledge/values";
import { FileError } from "../errors";
import { readYamlFile } from "../files";
import { projectFile } from "../stackConfig";

export interface RuntimeOptions {
    /** `typescript: false` makes a program plain JavaScript (TypeScript is on by default). */
    typescript: boolean;
    /** Extra Node.js arguments, split as a shell would. */
    nodeargs: string[];
}

/** Splits `nodeargs` as a POSIX shell splits words (quotes, backslashes), expanding nothing; undefined if a quote is left open. */
export function splitArgs(text: string): string[] | undefined {
    const words: string[] = [];
    let word: string | undefined;
    let quote: string | undefined;
    for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (quote === "'") {
            if (c === "'") quote = undefined;
            else word += c;
        } else if (c === "\\" && i + 1 < text.length && (quote === undefined || '"\\$`'.includes(text[i + 1]!))) {
            word = (word ?? "") + text[++i];
        } else if (quote === '"') {
            if (c === '"') quote = undefined;
            else word += c;
        } else if (c === "'" || c === '"') {
            quote = c;
            word ??= "";
        } else if (/\s/.test(c)) {
            if (word !== undefined) words.push(word);
            word = undefined;
        } else word = (word ?? "") + c;
    }
    if (quote !== undefined) return undefined;
    if (word !== undefined) words.push(word);
    return words;
}

export function readRuntimeOptions(root: string): RuntimeOptions {
    const file = projectFile(root);
    const doc = readYamlFile(file, "Pulumi project");
    const runtime = isRecord(doc) ? doc.runtime : undefined;
    const options = isRecord(runtime) && runtime.options !== undefined ? runtime.options : {};
    if (!isRecord(options)) throw new FileError(file, "runtime.options must be a mapping; allowed keys: typescript, nodeargs, tsconfig, packagemanager");
    const { typescript = true, nodeargs = "" } = options;
    if (typeof typescript !== "boolean")
        throw new FileError(file, `runtime.options.typescript=${JSON.stringify(typescript)} is not valid; allowed: true, false`);
    const args = typeof nodeargs === "string" ? splitArgs(nodeargs) : undefined;
    if (!args) throw new FileError(file, `runtime.options.nodeargs=${JSON.stringify(nodeargs)} is not valid; allowed: Node.js arguments as one string`);
    return { typescript, nodeargs: args };
}
