// What one phase of a --program run takes and gives (programHost.ts runs it; runCache.ts keeps it).
import type { InvokeResults } from "../mocks/invokeResults";
import type { ProgramRun } from "../runProgram";

export interface HostOptions {
    timeoutSeconds?: number;
    /** Answers for invokes (--invoke-results), as the in-process run takes them. */
    invokeResults?: InvokeResults;
    /** Each distinct line the program prints, once across phases (preview and up both run it). */
    onOutput?(line: string): void;
    /** Lines already passed to onOutput, shared by the phases of one plan. */
    seen?: Set<string>;
}

export interface HostedRun extends ProgramRun {
    /** What the program printed in this phase. */
    output: string[];
}
