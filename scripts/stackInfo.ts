// npm run -s stack-info -- --list | --expired [--now <time>] [--last-updates <file>] | --stack <name> [--field <key>] [--refuse-profile <profile>]
// Prints key=value lines for $GITHUB_OUTPUT (or one value with --field). Exit 2 on bad usage, an
// unknown stack, or a stack whose profile is refused (the destroy workflow refuses prod).
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { expiredStacks } from "../plan/stackExpiry";
import { listStacks, stackInfo } from "../plan/stackInfo";
import { readProjectName } from "../plan/stackConfig";
import { parseStrict } from "../plan/strictArgs";
import { PROFILES } from "../settings/profiles";
import { didYouMean } from "../settings/suggest";
import { isEntry } from "./entry";

const USAGE = `usage: npm run -s stack-info -- --list | --expired [--now <time>] [--last-updates <file>] | --stack <name> [--field stack|profile|region|policy_config] [--refuse-profile <profile>]
  --list                    the stacks with a Pulumi.<stack>.yaml, as stacks=[...]
  --project                 the project's name (Pulumi.yaml), alone
  --expired                 demo stacks past their expiresAt/ttl as stacks=[...], and refused=[...] with reasons
  --now <time>              the moment to judge expiry at (ISO 8601; default: now)
  --last-updates <file>     JSON { "<stack>": "<end of its last update>" } for stacks with a ttl
  --stack <name>            that stack's facts as key=value lines (for $GITHUB_OUTPUT)
  --field <key>             one fact's value only
  --refuse-profile <name>   exit 2 when the stack's profile is this one (${PROFILES.join(", ")})
  --help                    this text`;

export async function main(argv: string[], root = resolve(__dirname, "..")): Promise<number> {
    let values;
    try {
        values = parseStrict(argv, {
            list: { type: "boolean" },
            project: { type: "boolean" },
            expired: { type: "boolean" },
            now: { type: "string" },
            "last-updates": { type: "string" },
            stack: { type: "string" },
            field: { type: "string" },
            "refuse-profile": { type: "string" },
            help: { type: "boolean" },
        });
        const refused = values["refuse-profile"];
        // A mistyped profile would refuse nothing: the guard would be off without a word.
        if (refused !== undefined && !(PROFILES as readonly string[]).includes(refused))
            throw new Error(`--refuse-profile ${refused} is not a profile; allowed: ${PROFILES.join(", ")}${hintFor(refused)}`);
    } catch (e) {
        console.error(`error: ${(e as Error).message}\n${USAGE}`);
        return 2;
    }
    if (values.help) {
        console.log(USAGE);
        return 0;
    }
    try {
        let facts: Record<string, string>;
        if (values.project) {
            console.log(readProjectName(root));
            return 0;
        }
        if (values.list) facts = { stacks: JSON.stringify(listStacks(root)) };
        else if (values.expired) facts = expiredFacts(root, values.now, values["last-updates"]);
        else if (values.stack !== undefined) {
            const info = stackInfo(root, values.stack);
            if (info.profile === values["refuse-profile"]) {
                console.error(`error: stack '${info.stack}' has profile ${info.profile}; refused (retire it by hand as docs/deploy.md says)`);
                return 2;
            }
            facts = { stack: info.stack, profile: info.profile, region: info.region, policy_config: info.policyConfig };
        } else {
            console.error(USAGE);
            return 2;
        }
        if (values.field === undefined)
            console.log(
                Object.entries(facts)
                    .map(([k, v]) => `${k}=${v}`)
                    .join("\n"),
            );
        else if (values.field in facts) console.log(facts[values.field]);
        else {
            console.error(`--field ${values.field} is not known; allowed: ${Object.keys(facts).join(", ")}`);
            return 2;
        }
        return 0;
    } catch (e) {
        console.error(`error: ${(e as Error).message}`);
        return 2;
    }
}

function expiredFacts(root: string, nowText: string | undefined, lastUpdatesFile: string | undefined): Record<string, string> {
    const now = nowText === undefined ? new Date() : new Date(nowText);
    if (Number.isNaN(now.getTime())) throw new Error(`--now ${nowText} is not a time; allowed: ISO 8601 such as 2026-12-03T09:00:00Z`);
    const lastUpdates = lastUpdatesFile === undefined ? {} : (JSON.parse(readFileSync(lastUpdatesFile, "utf8")) as Record<string, string>);
    const report = expiredStacks(root, now, lastUpdates);
    return { stacks: JSON.stringify(report.expired), refused: JSON.stringify(report.refused), live: JSON.stringify(report.live) };
}

function hintFor(value: string): string {
    const hint = didYouMean(value, PROFILES);
    return hint ? ` (${hint})` : "";
}

if (isEntry(module)) {
    main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
