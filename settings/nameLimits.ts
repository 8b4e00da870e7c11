// AWS's limits on the names (and tags) the program gives resources, checked before `pulumi up`.
import type { Check } from "./check";

/** Characters Pulumi's autonaming appends: a hyphen and 7 random characters. */
export const AUTONAME_SUFFIX_LENGTH = 8;

function checkElbName(name: string, autonamed: boolean, forbidInternal: boolean): string | undefined {
    const length = name.length + (autonamed ? AUTONAME_SUFFIX_LENGTH : 0);
    if (length > 32) return `at most 32 characters${autonamed ? " including the 8-character autoname suffix" : ""} (is ${length})`;
    if (!/^[A-Za-z0-9-]+$/.test(name)) return "only letters, digits and hyphens";
    if (name.startsWith("-") || name.endsWith("-")) return "no leading or trailing hyphen";
    if (forbidInternal && name.toLowerCase().startsWith("internal-")) return "a name that does not start with 'internal-'";
    return undefined;
}

export const checkAlbName = (name: string, autonamed = true) => checkElbName(name, autonamed, true);
export const checkTargetGroupName = (name: string, autonamed = true) => checkElbName(name, autonamed, false);

const iamName =
    (max: number) =>
    (name: string, autonamed = true): string | undefined => {
        const length = name.length + (autonamed ? AUTONAME_SUFFIX_LENGTH : 0);
        if (length > max) return `at most ${max} characters${autonamed ? " including the autoname suffix" : ""} (is ${length})`;
        return /^[\w+=,.@-]+$/.test(name) ? undefined : "only letters, digits and +=,.@_-";
    };
export const checkIamRoleName = iamName(64);
export const checkIamPolicyName = iamName(128);

export const checkIamPath: Check<string> = (path) =>
    path.length <= 512 && /^\/(?:[\x21-\x7e]*\/)?$/.test(path) ? undefined : "'/' or a path like /team/app/ of printable ASCII, at most 512 characters";

export const checkEcrRepositoryName: Check<string> = (name) =>
    name.length >= 2 && name.length <= 256 && /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(name)
        ? undefined
        : "2–256 lowercase letters, digits and . _ - / (each part starting and ending with a letter or digit)";

export const checkLogGroupName: Check<string> = (name) =>
    name.length >= 1 && name.length <= 512 && /^[.\-_/#A-Za-z0-9]+$/.test(name) ? undefined : "1–512 characters of A-Z a-z 0-9 . - _ / #";

export const checkSecurityGroupDescription: Check<string> = (text) =>
    text.length <= 255 && /^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]*$/.test(text)
        ? undefined
        : "at most 255 characters of a-z A-Z 0-9 . _ - : / ( ) # , @ [ ] + = & ; { } ! $ * and space";

export const checkTag = (key: string, value: string): string | undefined => {
    const chars = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
    if (key.length < 1 || key.length > 128) return "a tag key of 1–128 characters";
    if (key.toLowerCase().startsWith("aws:")) return "a tag key that does not start with 'aws:' (reserved)";
    if (value.length > 256) return "a tag value of at most 256 characters";
    if (!chars.test(key) || !chars.test(value)) return "letters, digits, spaces and _ . : / = + - @";
    return undefined;
};
