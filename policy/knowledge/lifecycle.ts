// The marker a stack carries while it is being retired: the program tags every resource with it
// when `retiring: true`, and a policy config may exempt tagged load balancers from deletion
// protection (`alb-deletion-protection`'s `exemptTag`) so the last `pulumi up` stays clean.

/** Tag key; the value is "true" while retiring. */
export const RETIRING_TAG = "retiring";
/** When a demo stack may be destroyed (UTC, to the second): set by the program from expiresAt or ttl. */
export const EXPIRES_AT_TAG = "expires-at";
