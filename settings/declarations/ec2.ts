// The EC2 launch type's capacity: instances, how many, their volume and role. Only with launchType ec2;
// counts and the type default from the tasks they must hold (settings/ec2Settings.ts).
import { Type } from "@sinclair/typebox";
import { group, oneOf, setting, whole } from "./declare";

const ONLY = "Only with `launchType: ec2`.";

export const EC2 = group("ec2", {
    instanceType: setting(Type.String(), {
        key: "ec2InstanceType",
        ownReader: true,
        docDefault: "computed",
        description: `Instance type of the container instances; must hold one task. ${ONLY} Default: \`t3.small\` / \`t3.medium\` / \`m6i.large\` (\`t4g.small\` / \`t4g.medium\` / \`m7g.large\` on ARM64), or the cheapest listed type holding one task.`,
        allowed: "a listed type of the task's architecture",
    }),
    minInstances: setting(whole(0, 1000), {
        key: "ec2MinInstances",
        ownReader: true,
        docDefault: "computed",
        description: `Auto Scaling group minimum. ${ONLY} Default: enough for \`minCount\`; at least 1 / azCount / azCount.`,
    }),
    maxInstances: setting(whole(0, 1000), {
        key: "ec2MaxInstances",
        ownReader: true,
        docDefault: "computed",
        description: `Auto Scaling group maximum; refused below what \`maxCount\` tasks need. ${ONLY} Default: enough for \`maxCount\` × \`maxPercent\`.`,
    }),
    volumeGiB: setting(whole(30, 16384), {
        key: "ec2VolumeGiB",
        ownReader: true,
        default: 30,
        unit: " GiB (the ECS-optimized AMI's root volume is 30 GiB)",
        description: `Encrypted gp3 root volume size. ${ONLY}`,
    }),
    instancePolicy: setting(oneOf(["scoped", "aws-managed"]), {
        key: "ec2InstancePolicy",
        ownReader: true,
        default: "scoped",
        description: `The instance role: the agent's actions on this cluster, or AWS's managed policy (the pack wants a reason in its config). ${ONLY}`,
    }),
});
