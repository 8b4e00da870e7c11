// What a bucket's policies say: grants to everyone that no condition narrows, and the Deny that
// refuses requests made without TLS. Policies come inline on the bucket (`policy`) or as
// BucketPolicy resources; either may be unknown at preview when built from the bucket's ARN.
import type { PolicyResource } from "@pulumi/policy";
import { narrowsPrincipals } from "./conditions";
import { StackGraph } from "./graph";
import { Statement, allows, parsePolicy } from "./iam";
import { namesEveryone } from "./principals";
import { configsOf } from "./s3Buckets";
import { read } from "../knowledge/unknowns";
import { asRecords, isRecord, parseDocument, show, text } from "../knowledge/values";

export interface PolicySource {
    /** Where the document is declared, for messages. */
    where: string;
    /** The resource that declares it. */
    resource: string;
    /** The document; reading it throws the SDK's unknown-value error at preview when it is computed. */
    document: () => unknown;
    known: boolean;
}

/** The bucket's inline policy and the BucketPolicy resources that configure it. */
export function policiesOf(graph: StackGraph, bucket: PolicyResource): { sources: PolicySource[]; unplaced: PolicyResource[] } {
    const { linked, unplaced } = configsOf(graph, "bucketPolicy", bucket);
    const inline = read(bucket.props, "policy");
    const declaresInline = !inline.known || (inline.value !== undefined && inline.value !== null && inline.value !== "");
    const sources = [...(declaresInline ? [bucket] : []), ...linked].map((r): PolicySource => ({
        where: r === bucket ? `${r.name} (inline policy)` : r.name,
        resource: r.name,
        document: () => r.props.policy,
        known: read(r.props, "policy").known,
    }));
    return { sources, unplaced };
}

/** "statement <Sid>", or its position when the Sid is missing or empty. */
export const statementLabel = (s: Statement, index: number): string => `statement ${s.sid ? s.sid : `#${index + 1}`}`;

export interface PublicGrant {
    statement: string;
    actions: string;
    /** Who the statement lets in, as messages say it. */
    everyone: string;
    why: string;
}

/**
 * Allow statements that name every principal (`"*"`, `{"AWS": "*"}`), or everyone but some
 * (NotPrincipal), with no condition narrowing who.
 */
export function publicGrants(document: unknown): PublicGrant[] {
    const parsed = parsePolicy(document);
    if (!parsed.ok) return [];
    const raw = parseDocument(document);
    const rawStatements = raw.ok && isRecord(raw.value) ? asRecords(raw.value.Statement) : [];
    return parsed.statements.flatMap((s, i) => {
        const notPrincipal = rawStatements[i]?.NotPrincipal;
        const everyone = namesEveryone(s.principal)
            ? 'everyone (Principal "*")'
            : notPrincipal !== undefined
              ? `everyone but NotPrincipal ${show(notPrincipal)}`
              : undefined;
        if (!allows(s) || everyone === undefined) return [];
        const narrowing = narrowsPrincipals(s.condition);
        if (narrowing.narrows) return [];
        const actions = s.actions.length > 0 ? show(s.actions) : `everything but ${show(s.notActions)}`;
        return [{ statement: statementLabel(s, i), actions, everyone, why: narrowing.why }];
    });
}

const isFalse = (v: unknown) => v === false || text(v).toLowerCase() === "false";

/** Bool (or BoolIfExists) aws:SecureTransport false, keys compared as IAM does (case-insensitively). */
function onInsecureTransport(condition: unknown): boolean {
    return asRecords(condition).some((ops) =>
        Object.entries(ops).some(
            ([op, block]) =>
                /^bool(ifexists)?$/i.test(op) &&
                isRecord(block) &&
                Object.entries(block).some(([key, value]) => key.toLowerCase() === "aws:securetransport" && [value].flat().some(isFalse)),
        ),
    );
}

/** A Deny for everyone, on every S3 action, covering the objects, when the request does not use TLS. */
export function deniesInsecureTransport(document: unknown): boolean {
    const parsed = parsePolicy(document);
    if (!parsed.ok) return false;
    return parsed.statements.some(
        (s) =>
            s.effect === "Deny" &&
            namesEveryone(s.principal) &&
            s.actions.some((a) => a === "*" || a.toLowerCase() === "s3:*") &&
            s.resources.some((r) => r === "*" || r.endsWith("/*")) &&
            onInsecureTransport(s.condition),
    );
}
