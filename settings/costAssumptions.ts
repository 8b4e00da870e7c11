// The cost model's usage assumptions as settings: the plan prices a stack with them and prints
// them under the estimate; `--config costImagePullsPerMonth=300` (or pulumi config) changes them.
import { CostAssumptions, DEFAULT_COST_ASSUMPTIONS } from "../policy/knowledge/costModel";
import type { ConfigReader } from "./configReader";

/** Setting key → the assumption it sets (its bounds are in bounds.ts). */
export const COST_ASSUMPTION_SETTINGS: readonly { key: string; field: keyof CostAssumptions }[] = [
    { key: "costImageGb", field: "imageGb" },
    { key: "costImagePullsPerMonth", field: "imagePullsPerMonth" },
    { key: "costLogGbPerTaskMonth", field: "logGbPerTaskMonth" },
    { key: "costNatDataGbPerMonth", field: "natDataGbPerMonth" },
];

export function readCostAssumptions(r: ConfigReader): CostAssumptions {
    const assumptions = { ...DEFAULT_COST_ASSUMPTIONS };
    for (const { key, field } of COST_ASSUMPTION_SETTINGS) assumptions[field] = r.number(key, DEFAULT_COST_ASSUMPTIONS[field]);
    return assumptions;
}
