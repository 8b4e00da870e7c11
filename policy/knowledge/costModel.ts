// The cost model's shared vocabulary: what the estimator reads, what it prints, the prices it
// uses and the usage it assumes (which a user can change: they are settings of the program).
import prices from "./prices.json";

export interface CostInput {
    type: string;
    props: Record<string, unknown>;
}

export interface CostLine {
    item: string;
    quantity: number;
    unit: string;
    monthlyUsd: number;
}

/** A line before the region multiplier: quantity × unit price. */
export interface PricedItem {
    item: string;
    quantity: number;
    unit: string;
    unitUsd: number;
}

/** Usage the resources cannot tell: how much data moves and how often images are pulled. */
export interface CostAssumptions {
    /** Compressed size of the app image, GB (pulled at every task start; also ECR storage per kept image). */
    imageGb: number;
    /** Task starts per month: deployments × tasks, scaling, Spot replacements. */
    imagePullsPerMonth: number;
    /** CloudWatch Logs written by one running task in a month, GB. */
    logGbPerTaskMonth: number;
    /** The app's own traffic through the NAT per month (calls to third-party APIs, AWS APIs without an endpoint), GB. */
    natDataGbPerMonth: number;
}

export const DEFAULT_COST_ASSUMPTIONS: Readonly<CostAssumptions> = {
    imageGb: prices.assumptions.imageGb,
    imagePullsPerMonth: prices.assumptions.imagePullsPerMonth,
    logGbPerTaskMonth: prices.assumptions.logGbPerTaskMonth,
    natDataGbPerMonth: prices.assumptions.natDataGbPerMonth,
};

export type RegionPrices = (typeof prices.regions)["us-east-1"];

/** us-east-1 prices scaled for other regions (a published multiplier, else us-east-1's). */
export function regionPrices(region: string): { prices: RegionPrices; multiplier: number } {
    const multiplier = (prices.regionMultipliers as Record<string, number>)[region] ?? 1;
    return { prices: prices.regions["us-east-1"], multiplier };
}

export const HOURS_PER_MONTH = prices.hoursPerMonth;
export const MODEL_ASSUMPTIONS = prices.assumptions;
export const PRICE_SOURCE = prices.source;

/** Instance types whose hourly price the model knows (us-east-1 Linux on-demand). */
export const PRICED_INSTANCE_TYPES: readonly string[] = Object.keys(prices.regions["us-east-1"].ec2LinuxHour);

export const instanceHourUsd = (instanceType: string): number | undefined => (prices.regions["us-east-1"].ec2LinuxHour as Record<string, number>)[instanceType];
