// Every setting of the program, by the component group it feeds. The reader, the bounds, the
// docs/settings.md table and the tests all iterate over this list; nothing else lists settings.
import { APP } from "./app";
import { COST_ASSUMPTIONS } from "./cost";
import { declarationsOf, type SettingDeclaration } from "./declare";
import { DEPLOYMENT } from "./deployment";
import { EC2 } from "./ec2";
import { EDGE, FIREWALL } from "./edge";
import { PIPELINE, SERVICE_CONNECT } from "./features";
import { HEALTH_CHECK } from "./healthCheck";
import { EXPIRY, LIFECYCLE } from "./lifecycle";
import { LOGS } from "./logs";
import { NETWORK } from "./network";
import { OBSERVABILITY } from "./observability";
import { REGISTRY } from "./registry";
import { ROLES } from "./roles";
import { AUTOSCALING, SCALING } from "./scaling";
import { SERVICE } from "./service";
import { TASK } from "./task";

export { APP, AUTOSCALING, COST_ASSUMPTIONS, DEPLOYMENT, EC2, EDGE, EXPIRY, FIREWALL, HEALTH_CHECK, LIFECYCLE, LOGS, NETWORK };
export { OBSERVABILITY, PIPELINE, REGISTRY, ROLES, SCALING, SERVICE, SERVICE_CONNECT, TASK };
export { defaultFor, type GroupValues, type SettingDeclaration } from "./declare";

/** In the order the docs list them. */
export const GROUPS = [
    APP,
    TASK,
    HEALTH_CHECK,
    SCALING,
    AUTOSCALING,
    SERVICE,
    DEPLOYMENT,
    NETWORK,
    EDGE,
    FIREWALL,
    LOGS,
    REGISTRY,
    ROLES,
    LIFECYCLE,
    EXPIRY,
    OBSERVABILITY,
    COST_ASSUMPTIONS,
    EC2,
    PIPELINE,
    SERVICE_CONNECT,
] as const;

export const SETTINGS: readonly SettingDeclaration[] = GROUPS.flatMap(declarationsOf);

const BY_KEY = new Map(SETTINGS.map((d) => [d.key, d]));

/** The declaration of a config key; undefined for a key the program does not have. */
export const declarationOf = (key: string): SettingDeclaration | undefined => BY_KEY.get(key);
