// What watches the service: the dashboard and where alarms notify.
import { Type } from "@sinclair/typebox";
import { SNS_ARN } from "../formats";
import { group, setting } from "./declare";

export const OBSERVABILITY = group("observability", {
    // Every profile: a dashboard costs $3/month (the first three per account are free) and is where a failing deploy is looked at first.
    dashboard: setting(Type.Boolean(), {
        default: true,
        description: "CloudWatch dashboard of the service, load balancer and alarms; URL in the `dashboardUrl` output ([dashboard.md](dashboard.md)).",
    }),
    alarmTopicArn: setting(Type.String(), {
        description: "Where the alarms notify.",
        allowed: "an SNS topic ARN",
        check: (arn) => (SNS_ARN.test(arn) ? undefined : "arn:aws:sns:<region>:<account>:<topic>"),
    }),
});
