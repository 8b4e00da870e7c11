// The task's settings. Each value's own rules are in its declaration (declarations/task.ts); what
// is checked here is what relates settings: the Fargate cpu/memory table, EC2's task storage.
import * as c from "./constraints";
import type { ConfigReader } from "./configReader";
import { TASK } from "./declarations";
import type { Profile } from "./profiles";
import { readGroup } from "./readGroup";
import { readEnvironment, readSecrets } from "./structured";
import type { SettingsOf } from "./types";

export function readTask(r: ConfigReader, profile: Profile): SettingsOf<"task"> {
    const secrets = readSecrets(r);
    const task = readGroup(r, TASK, profile, { values: { secrets, environment: readEnvironment(r, secrets) } });
    const { cpu, memory } = task;
    const sizeProblem = r.refused("cpu") || r.refused("memory") ? undefined : c.checkFargateSize(cpu, memory);
    if (sizeProblem?.startsWith("cpu ")) r.expect("cpu", cpu, sizeProblem.slice(4));
    else if (sizeProblem) r.fail(`memory=${memory} is not valid with cpu=${cpu}; allowed: ${sizeProblem}`);
    if (task.launchType === "ec2" && task.ephemeralStorageGiB > 21)
        r.fail(
            `ephemeralStorageGiB=${task.ephemeralStorageGiB} is not valid with launchType=ec2; allowed: 21 (task storage is a Fargate feature; size the instance volume with ec2VolumeGiB)`,
        );
    return task;
}
