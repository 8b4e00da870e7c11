// The list of taggable AWS types that required-tags judges is generated from the installed
// provider; it must be current (`npm run taggable-types` regenerates it after an upgrade).
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { taggableTypes } from "../../policy/rules/tagging";
import { TAGGABLE_TYPES_FILE, renderTaggableTypes, taggableTypesOfProvider } from "../../scripts/taggableTypes";

describe("generated: taggable AWS types", () => {
    const generated = taggableTypesOfProvider();

    it("policy/knowledge/taggableTypes.json is what the installed @pulumi/aws declares (npm run taggable-types)", () => {
        assert.equal(readFileSync(TAGGABLE_TYPES_FILE, "utf8"), renderTaggableTypes(generated));
        assert.deepEqual(taggableTypes(), generated.types);
    });

    it("takes the types with a tags map and only those", () => {
        for (const type of [
            "aws:rds/instance:Instance",
            "aws:lambda/function:Function",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucketV2:BucketV2",
            "aws:ecs/service:Service",
        ])
            assert.ok(generated.types.includes(type), type);
        for (const type of [
            "aws:ec2/route:Route",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        ])
            assert.ok(!generated.types.includes(type), type);
        // The autoscaling group's tags are a list with propagateAtLaunch, not the provider's tags map.
        assert.ok(!generated.types.includes("aws:autoscaling/group:Group"));
    });
});
