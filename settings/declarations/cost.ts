// The cost model's usage assumptions: the plan prices a stack with them and prints them under the
// estimate; `--config costImagePullsPerMonth=300` (or pulumi config) changes them.
import { DEFAULT_COST_ASSUMPTIONS } from "../../policy/knowledge/costModel";
import { decimal, group, setting } from "./declare";

const d = DEFAULT_COST_ASSUMPTIONS;

export const COST_ASSUMPTIONS = group("costAssumptions", {
    imageGb: setting(decimal(0, 100), { key: "costImageGb", default: d.imageGb, unit: " GB", description: "Cost assumption: compressed image size." }),
    imagePullsPerMonth: setting(decimal(0, 1000000), {
        key: "costImagePullsPerMonth",
        default: d.imagePullsPerMonth,
        description: "Cost assumption: task starts (image pulls) per month.",
    }),
    logGbPerTaskMonth: setting(decimal(0, 100000), {
        key: "costLogGbPerTaskMonth",
        default: d.logGbPerTaskMonth,
        unit: " GB",
        description: "Cost assumption: CloudWatch Logs per running task per month.",
    }),
    natDataGbPerMonth: setting(decimal(0, 1000000), {
        key: "costNatDataGbPerMonth",
        default: d.natDataGbPerMonth,
        unit: " GB",
        description: "Cost assumption: the app's own traffic through the NAT per month.",
    }),
});
