import { strict as assert } from "node:assert";
import { ecrImageReference, logGroupArn } from "../../documents/arns";
import { parseEcrImage } from "../../policy/knowledge/ecr";

describe("ARNs and image references from known values", () => {
    const place = { accountId: "123456789012", partition: "aws", region: "us-east-1" };

    it("a log group's ARN, as IAM and CloudWatch Logs spell it", () => {
        assert.equal(logGroupArn(place, "/ecs/web/dev"), "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web/dev");
        assert.equal(logGroupArn({ ...place, partition: "aws-cn", region: "cn-north-1" }, "/x"), "arn:aws-cn:logs:cn-north-1:123456789012:log-group:/x");
    });

    it("an ECR image reference the pack reads back as the same repository, in every partition", () => {
        const ref = ecrImageReference({ ...place, dnsSuffix: "amazonaws.com" }, "web/dev", "app-0123456789abcdef");
        assert.equal(ref, "123456789012.dkr.ecr.us-east-1.amazonaws.com/web/dev:app-0123456789abcdef");
        assert.deepEqual(parseEcrImage(ref), { account: "123456789012", region: "us-east-1", repository: "web/dev" });
        const china = ecrImageReference({ ...place, partition: "aws-cn", region: "cn-north-1", dnsSuffix: "amazonaws.com.cn" }, "web", "v1");
        assert.equal(china, "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web:v1");
        assert.deepEqual(parseEcrImage(china), { account: "123456789012", region: "cn-north-1", repository: "web" });
    });
});
