import { failValidation, requireDns1123Subdomain, requirePort } from '../../core/validation';
import { KongDatabaseOptions } from '../deployment-options';
import { KongEnvVariable } from '../workload-options';

/** What a gateway with a database gets: the `KONG_PG_*` env and whether to bootstrap migrations. */
export interface DatabaseSettings {
  readonly env: KongEnvVariable[];
  readonly bootstrapMigrations: boolean;
}

/** `KONG_PG_*` for PostgreSQL; the password only by reference to its Secret. */
export function databaseSettings(subject: string, database: KongDatabaseOptions): DatabaseSettings {
  const host = database.host;
  if (typeof host !== 'string' || !/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host)) {
    failValidation(
      subject,
      `database.host '${host}' is not a host name`,
      "give the host alone (no scheme or port), e.g. 'postgres.databases.svc.cluster.local', and the port as database.port",
    );
  }
  const port = database.port ?? 5432;
  requirePort(subject, 'database.port', port);
  const secret = database.passwordSecret;
  if (secret === undefined) {
    failValidation(subject, 'database.passwordSecret is not set', 'name the Secret key holding the password: passwordSecret: { secretName, key }');
  }
  requireDns1123Subdomain(subject, 'database.passwordSecret.secretName', secret.secretName);
  requireSecretKey(subject, 'database.passwordSecret.key', secret.key);
  for (const [field, value] of [['database', database.database], ['user', database.user]] as const) {
    if (value !== undefined && value.trim().length === 0) failValidation(subject, `database.${field} is empty`, `leave it unset (default 'kong') or give the ${field} name`);
  }
  return {
    env: [
      { name: 'KONG_PG_HOST', value: host },
      { name: 'KONG_PG_PORT', value: String(port) },
      { name: 'KONG_PG_DATABASE', value: database.database ?? 'kong' },
      { name: 'KONG_PG_USER', value: database.user ?? 'kong' },
      { name: 'KONG_PG_PASSWORD', valueFromSecret: { secretName: secret.secretName, key: secret.key } },
      ...(database.ssl ? [{ name: 'KONG_PG_SSL', value: 'on' }] : []),
    ],
    bootstrapMigrations: database.bootstrapMigrations ?? true,
  };
}

/** A Secret key: alphanumerics, '-', '_' and '.'. */
export function requireSecretKey(subject: string, field: string, key: string): void {
  if (typeof key !== 'string' || !/^[-._a-zA-Z0-9]{1,253}$/.test(key)) {
    failValidation(subject, `${field} '${key}' is not a Secret key`, "use letters, digits, '-', '_' or '.', as the key appears in the Secret's data");
  }
}
