// Generates policy/knowledge/taggableTypes.json: every resource type of the AWS provider that takes
// the provider's tags map. The provider's own modules say which: a resource class whose constructor
// records a `tagsAll` output (tags merged with the provider's defaultTags) takes `tags`. Reading the
// installed @pulumi/aws keeps the list in step with the provider; `npm run taggable-types` rewrites
// it after an upgrade and a test fails while it is stale.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isEntry } from "./entry";

const ROOT = resolve(__dirname, "..");
export const TAGGABLE_TYPES_FILE = join(ROOT, "policy", "knowledge", "taggableTypes.json");

export interface TaggableTypes {
    provider: string;
    version: string;
    types: string[];
}

const TOKEN = /static __pulumiType = '([^']+)'/;
const TAGS_ALL_OUTPUT = 'resourceInputs["tagsAll"]';

/** The resource modules of a provider package (its `types` folder holds input/output shapes only). */
function moduleFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.isDirectory()) return entry.name === "types" || entry.name === "node_modules" ? [] : moduleFiles(join(dir, entry.name));
        return entry.name.endsWith(".js") ? [join(dir, entry.name)] : [];
    });
}

/** What the installed @pulumi/aws says takes tags. */
export function taggableTypesOfProvider(): TaggableTypes {
    const packageJson = require.resolve("@pulumi/aws/package.json");
    const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
    const types = new Set<string>();
    for (const file of moduleFiles(dirname(packageJson))) {
        const source = readFileSync(file, "utf8");
        const token = TOKEN.exec(source)?.[1];
        if (token && source.includes(TAGS_ALL_OUTPUT)) types.add(token);
    }
    return { provider: "@pulumi/aws", version, types: [...types].sort() };
}

export const renderTaggableTypes = (list: TaggableTypes) => `${JSON.stringify(list, null, 2)}\n`;

if (isEntry(module) && process.argv.slice(2).length > 0) {
    const help = process.argv.includes("--help");
    (help ? console.log : console.error)("usage: npm run taggable-types   (regenerates policy/knowledge/taggableTypes.json from the installed @pulumi/aws)");
    process.exitCode = help ? 0 : 2;
} else if (isEntry(module)) {
    const list = taggableTypesOfProvider();
    writeFileSync(TAGGABLE_TYPES_FILE, renderTaggableTypes(list));
    console.log(`wrote ${list.types.length} taggable types of ${list.provider} ${list.version}`);
}
