// Read settings → compose components → export outputs.
import * as pulumi from "@pulumi/pulumi";
import { deployApp } from "./components/app";
import { readSettings, SettingsError } from "./settings/settings";
import { projectConfig, projectSecretKeys } from "./settings/projectConfig";

function settingsOrExit() {
    try {
        const aws = projectConfig("aws");
        return readSettings(projectConfig(), pulumi.getStack(), pulumi.getProject(), aws.region, aws, projectSecretKeys());
    } catch (e) {
        // RunError: Pulumi prints the message alone, no stack trace.
        if (e instanceof SettingsError) throw new pulumi.RunError(e.message);
        throw e;
    }
}

const app = deployApp(settingsOrExit());

export const url = app.url;
export const clusterName = app.clusterName;
export const serviceName = app.serviceName;
export const repositoryUrl = app.repositoryUrl;
export const logGroupName = app.logGroupName;
export const natInstanceId = app.natInstanceId;
export const dashboardUrl = app.dashboardUrl;
export const pipelineUrl = app.pipelineUrl;
