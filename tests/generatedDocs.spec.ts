// Docs generated from code stay in step with it: the policy catalog, and the inventory of every
// shipped policy config (rule → effective level), so a dropped or renamed rule shows in review.
import { join } from "node:path";
import { POLICY_DOCS, policyCatalogMarkdown, policyInventory } from "../scripts/docs";
import { PROFILES_DOC, profilesMarkdown } from "../scripts/profiles";
import { assertGolden } from "./support/golden";
import { ROOT } from "./support/mocks";

describe("generated docs", () => {
    it("docs/policies.md matches the pack's metadata and configs (npm run docs regenerates it)", () => {
        assertGolden(POLICY_DOCS, policyCatalogMarkdown());
    });

    it("docs/profiles.md shows the default, dev, staging and prod profiles as the pack and configs define them", async () => {
        assertGolden(PROFILES_DOC, await profilesMarkdown());
    });

    it("the pinned policy inventory matches", () => {
        assertGolden(join(ROOT, "tests", "golden", "policy-inventory.txt"), policyInventory());
    });
});
