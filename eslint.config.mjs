import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/", "policy/node_modules/", "policy/bin/", ".build/"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.js"],
        languageOptions: {
            sourceType: "commonjs",
            globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" },
        },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
            "no-new": "off",
        },
    },
    // One-way dependencies (docs/architecture.md): the program reads only the pack's neutral
    // knowledge; the pack never reads the program or the offline engine; knowledge reads nothing of either.
    {
        files: ["index.ts", "components/**/*.ts", "settings/**/*.ts", "documents/**/*.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    patterns: [
                        { regex: "policy/(?!knowledge/)", message: "The program imports only policy/knowledge from the pack." },
                        { regex: "(^|/)plan/", message: "The program never imports the offline engine." },
                    ],
                },
            ],
        },
    },
    {
        files: ["policy/**/*.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            regex: "^\\.\\./\\.\\./|(components|settings|documents|plan)/",
                            message: "The pack stands alone: it never imports the program or the offline engine.",
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ["policy/knowledge/**/*.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                { patterns: [{ regex: "^\\.\\./", message: "Knowledge is neutral: it imports nothing from the pack's rules or lib." }] },
            ],
        },
    },
);
