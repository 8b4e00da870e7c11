// Cost-allocation tags. A pack for any program cannot know its tag keys, so by default no key is
// required and the rule is advisory; a profile names its keys and makes the rule mandatory.
import { resourceRule } from "../lib/rule";
import { cannotDecide } from "../lib/undecided";
import { providedTags } from "../lib/tags";
import { show } from "../knowledge/values";
import { lazy } from "../lib/lazy";

/** Every AWS resource type that takes the provider's tags map (generated), loaded on the first resource judged. */
export const taggableTypes = lazy(
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require on first use keeps the list out of the pack's start
    () => (require("../knowledge/taggable") as typeof import("../knowledge/taggable")).TAGGABLE_TYPE_LIST,
);
const taggableSet = lazy(() => new Set(taggableTypes()));
export const isTaggable = (type: string): boolean => taggableSet().has(type);

export const requiredTags = resourceRule<{ requiredTags: string[] }>({
    name: "required-tags",
    description:
        "Resources that take tags carry the tag keys the stack's policy config names (requiredTags); none by default. Tags set on the resource, in its tagsAll, or by the provider's defaultTags count.",
    severity: "low",
    enforcementLevel: "advisory",
    remediationSteps:
        "Add the missing tags to the resource, or to the AWS provider's defaultTags (this program's standardTags adds app, environment, stack, managed-by to every resource).",
    anchors: ["AWS tagging best practices", "CKV_AWS tagging"],
    configSchema: {
        properties: {
            requiredTags: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Tag keys every taggable resource must carry with a non-empty value. Empty: nothing is required.",
            },
        },
    },
    typesFrom: taggableSet,
    check(props, ctx, report) {
        if (ctx.config.requiredTags.length === 0) return;
        const tags = providedTags(props, ctx.provider);
        const missing = ctx.config.requiredTags.filter((k) => !tags.keys.has(k));
        if (missing.length > 0 && tags.unknown) cannotDecide(ctx.name, "tags");
        if (missing.length > 0) report(`missing tags ${missing.join(", ")} (has ${show([...tags.keys])}); add them for cost allocation.`);
    },
});

export const taggingRules = [requiredTags];
