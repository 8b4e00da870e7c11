// npm run plan -- --stack <name> [--json] [--policy-config <file>]
// Exit: 0 no mandatory violation, 1 mandatory violations, 2 bad usage or invalid settings.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildPlan } from "../plan/plan";
import { renderJson, renderText } from "../plan/render";

const USAGE = "usage: npm run plan -- [--stack dev|staging|prod|<name>] [--json] [--policy-config <file>] [--config key=value ...]";

export async function main(argv: string[], root = resolve(__dirname, "..")): Promise<number> {
    let args;
    try {
        args = parseArgs({
            args: argv,
            options: {
                stack: { type: "string", default: "dev" },
                json: { type: "boolean", default: false },
                "policy-config": { type: "string" },
                config: { type: "string", multiple: true, default: [] },
                help: { type: "boolean", default: false },
            },
            strict: true,
            allowPositionals: false,
        });
    } catch (e) {
        console.error(`${(e as Error).message}\n${USAGE}`);
        return 2;
    }
    if (args.values.help) {
        console.log(USAGE);
        return 0;
    }
    const overrides: Record<string, string> = {};
    for (const pair of args.values.config) {
        const eq = pair.indexOf("=");
        if (eq <= 0) {
            console.error(`--config ${pair} is not key=value\n${USAGE}`);
            return 2;
        }
        overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    try {
        const plan = await buildPlan({
            root,
            stack: args.values.stack,
            configOverrides: overrides,
            policyConfigPath: args.values["policy-config"] ? resolve(args.values["policy-config"]) : undefined,
        });
        console.log(args.values.json ? renderJson(plan, root) : renderText(plan, root));
        return plan.mandatoryViolations === 0 ? 0 : 1;
    } catch (e) {
        // Settings and usage errors are the user's to fix: the message, no stack trace.
        console.error(`error: ${(e as Error).message}`);
        return 2;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => process.exit(code));
}
