// Every invoke the mocks answer themselves, by token.
import { accountInvokes } from "./account";
import { existingInvokes } from "./existing";
import { imageInvokes } from "./images";
import { networkInvokes } from "./network";
import { serviceInvokes } from "./services";
import type { Answer } from "./types";

export const BUILT_IN_INVOKES: Readonly<Record<string, Answer>> = {
    ...accountInvokes,
    ...networkInvokes,
    ...imageInvokes,
    ...existingInvokes,
    ...serviceInvokes,
};
