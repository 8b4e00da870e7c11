// npm run -s stack-info -- --list | --stack <name> [--field <key>] [--refuse-profile <profile>]
// Prints key=value lines for $GITHUB_OUTPUT (or one value with --field). Exit 2 on bad usage, an
// unknown stack, or a stack whose profile is refused (the destroy workflow refuses prod).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { listStacks, stackInfo } from "../plan/stackInfo";

const USAGE = "usage: npm run -s stack-info -- --list | --stack <name> [--field stack|profile|region|policy_config] [--refuse-profile <profile>]";

export async function main(argv: string[], root = resolve(__dirname, "..")): Promise<number> {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            options: { list: { type: "boolean", default: false }, stack: { type: "string" }, field: { type: "string" }, "refuse-profile": { type: "string" } },
            strict: true,
            allowPositionals: false,
        }));
    } catch (e) {
        console.error(`${(e as Error).message}\n${USAGE}`);
        return 2;
    }
    try {
        let facts: Record<string, string>;
        if (values.list) facts = { stacks: JSON.stringify(listStacks(root)) };
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

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
