// The cost model's usage assumptions as settings: the plan prices a stack with them and prints
// them under the estimate; `--config costImagePullsPerMonth=300` (or pulumi config) changes them.
import { CostAssumptions, DEFAULT_COST_ASSUMPTIONS } from "../policy/knowledge/costModel";
import type { ConfigReader } from "./configReader";

/** Setting key → the assumption it sets, its upper bound and what it means. */
export const COST_ASSUMPTION_SETTINGS: readonly { key: string; field: keyof CostAssumptions; max: number; meaning: string }[] = [
    { key: "costImageGb", field: "imageGb", max: 100, meaning: "GB, the app image's compressed size" },
    { key: "costImagePullsPerMonth", field: "imagePullsPerMonth", max: 1_000_000, meaning: "task starts per month" },
    { key: "costLogGbPerTaskMonth", field: "logGbPerTaskMonth", max: 100_000, meaning: "GB of logs per task per month" },
    { key: "costNatDataGbPerMonth", field: "natDataGbPerMonth", max: 1_000_000, meaning: "GB per month of the app's own traffic through the NAT" },
];

export function readCostAssumptions(r: ConfigReader): CostAssumptions {
    const assumptions = { ...DEFAULT_COST_ASSUMPTIONS };
    for (const { key, field, max, meaning } of COST_ASSUMPTION_SETTINGS) {
        const value = r.number(key, DEFAULT_COST_ASSUMPTIONS[field]);
        if (r.expect(key, value, value >= 0 && value <= max ? undefined : `a number from 0 to ${max} (${meaning})`)) assumptions[field] = value;
    }
    return assumptions;
}
