// The cost model's usage assumptions as settings (declarations/cost.ts): the plan prices a stack with
// them and prints them under the estimate; `--config costImagePullsPerMonth=300` changes them.
import type { CostAssumptions } from "../policy/knowledge/costModel";
import type { ConfigReader } from "./configReader";
import { COST_ASSUMPTIONS, SETTINGS } from "./declarations";
import { readGroup } from "./readGroup";

/** The setting keys of the assumptions, as the plan names them. */
export const COST_ASSUMPTION_SETTINGS: readonly { key: string }[] = SETTINGS.filter((d) => d.group === COST_ASSUMPTIONS.name);

/** Their defaults are the same for every profile: the plan reads them without one. */
export function readCostAssumptions(r: ConfigReader): CostAssumptions {
    return readGroup(r, COST_ASSUMPTIONS, "dev");
}
