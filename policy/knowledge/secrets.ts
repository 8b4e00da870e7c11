// What a secret looks like, for the settings (which refuse it in plain environment variables)
// and the pack (which rejects it in container definitions): one definition, so they cannot drift.

/** Names that say "secret": such values belong in `secrets` with `valueFrom`, never in `environment`. */
export const SECRET_LIKE_NAME = /(secret|passw(or)?d|token|api_?key|private_?key|credential|access_?key)/i;

/** Values that are keys whatever their name: AWS access keys, PEM private keys, Slack and GitHub tokens. */
export const SECRET_LIKE_VALUE = /(AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|xox[abp]-[\w-]+|ghp_[A-Za-z0-9]{36})/;

export const isSecretsManagerArn = (arn: string): boolean => arn.includes(":secretsmanager:");

/**
 * The secret's own ARN from a container's `valueFrom`, which may add a JSON key, version stage
 * and version id (`…:secret:name-AbCdEf:key:stage:id`); IAM authorizes the secret ARN itself.
 */
export const secretArnOf = (valueFrom: string): string => valueFrom.split(":").slice(0, 7).join(":");
