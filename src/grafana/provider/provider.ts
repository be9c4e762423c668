import { Construct } from 'constructs';
import {
  GRAFANA_PROVIDER_NAME,
  GRAFANA_PROVIDER_VERSION_CONSTRAINT,
} from './internal/blocks';
import { checkConstructArguments } from '../../core/input-shape';
import {
  IResolvable,
  Lazy,
  TerraformProvider,
  booleanToTerraform,
  hashMapper,
  listMapper,
  numberToTerraform,
  stringToTerraform,
} from '../../internal/cdktf';

/**
 * Configuration of the grafana/grafana provider. Every field is optional: the provider
 * falls back to its `GRAFANA_*` environment variables, then to its own defaults.
 */
export interface GrafanaProviderConfig {
  /** Alias, to configure several Grafana providers in one stack. */
  readonly alias?: string;
  /**
   * Service-account token, `user:password`, or `anonymous` (env GRAFANA_AUTH).
   * Sensitive: pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly auth?: string;
  /** Root URL of the Grafana instance, e.g. `https://grafana.example.com` (env GRAFANA_URL). */
  readonly url?: string;
  /** CA certificate: a file path or PEM text (env GRAFANA_CA_CERT). */
  readonly caCert?: string;
  /** Client certificate: a file path or PEM text (env GRAFANA_TLS_CERT). */
  readonly tlsCert?: string;
  /**
   * Client key: a file path or PEM text (env GRAFANA_TLS_KEY).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly tlsKey?: string;
  /**
   * Skip TLS verification (env GRAFANA_INSECURE_SKIP_VERIFY).
   * @default false
   */
  readonly insecureSkipVerify?: boolean | IResolvable;
  /**
   * Organization id (a NUMBER here, a string on resources) (env GRAFANA_ORG_ID).
   * @default 1
   */
  readonly orgId?: number;
  /**
   * Retries of a failed API call (env GRAFANA_RETRIES).
   * @default 3
   */
  readonly retries?: number;
  /**
   * HTTP status codes to retry, `x` a digit wildcard (env GRAFANA_RETRY_STATUS_CODES).
   * @default ["429", "5xx", "401", "412"]
   */
  readonly retryStatusCodes?: string[];
  /**
   * Seconds to wait between retries (env GRAFANA_RETRY_WAIT).
   * @default 0
   */
  readonly retryWait?: number;
  /**
   * Extra HTTP headers on every request (env GRAFANA_HTTP_HEADERS).
   * Sensitive: pass sensitive TerraformVariable references, never literals.
   */
  readonly httpHeaders?: { [key: string]: string };
  /**
   * Keep only a sha256 of dashboards' `config_json` in state (env GRAFANA_STORE_DASHBOARD_SHA256).
   * @default false
   */
  readonly storeDashboardSha256?: boolean | IResolvable;
  /** Grafana Cloud stack id (env GRAFANA_STACK_ID). */
  readonly stackId?: number;
  /**
   * Grafana Cloud access policy token (env GRAFANA_CLOUD_ACCESS_POLICY_TOKEN).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly cloudAccessPolicyToken?: string;
  /**
   * Grafana Cloud API URL (env GRAFANA_CLOUD_API_URL).
   * @default "https://grafana.com"
   */
  readonly cloudApiUrl?: string;
  /**
   * Grafana Cloud provider API token (env GRAFANA_CLOUD_PROVIDER_ACCESS_TOKEN).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly cloudProviderAccessToken?: string;
  /** Grafana Cloud provider API URL (env GRAFANA_CLOUD_PROVIDER_URL). */
  readonly cloudProviderUrl?: string;
  /**
   * Connections API token (env GRAFANA_CONNECTIONS_API_ACCESS_TOKEN).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly connectionsApiAccessToken?: string;
  /** Connections API URL (env GRAFANA_CONNECTIONS_API_URL). */
  readonly connectionsApiUrl?: string;
  /**
   * Fleet Management `username:password` (env GRAFANA_FLEET_MANAGEMENT_AUTH).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly fleetManagementAuth?: string;
  /** Fleet Management URL (env GRAFANA_FLEET_MANAGEMENT_URL). */
  readonly fleetManagementUrl?: string;
  /**
   * Frontend Observability API token (env GRAFANA_FRONTEND_O11Y_API_ACCESS_TOKEN).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly frontendO11yApiAccessToken?: string;
  /** Frontend Observability API URL (env GRAFANA_FRONTEND_O11Y_API_URL). */
  readonly frontendO11yApiUrl?: string;
  /**
   * k6 Cloud token (env GRAFANA_K6_ACCESS_TOKEN).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly k6AccessToken?: string;
  /** k6 Cloud URL (env GRAFANA_K6_URL). */
  readonly k6Url?: string;
  /**
   * Grafana OnCall token (env GRAFANA_ONCALL_ACCESS_TOKEN).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly oncallAccessToken?: string;
  /** Grafana OnCall URL (env GRAFANA_ONCALL_URL). */
  readonly oncallUrl?: string;
  /**
   * Synthetic Monitoring token (env GRAFANA_SM_ACCESS_TOKEN).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly smAccessToken?: string;
  /** Synthetic Monitoring API URL (env GRAFANA_SM_URL). */
  readonly smUrl?: string;
}

/**
 * The grafana/grafana provider. Writes `required_providers.grafana` with source
 * `grafana/grafana` and a `~> 4.45` constraint, the release line whose schema the
 * resource bindings in this module follow.
 */
export class GrafanaProvider extends TerraformProvider {
  /** The provider's local name, as resource types are prefixed with it. */
  public static readonly tfResourceType = 'grafana';

  private readonly config: GrafanaProviderConfig;
  private _alias?: string;

  constructor(scope: Construct, id: string, config: GrafanaProviderConfig = {}) {
    super(scope, checkConstructArguments('grafana.GrafanaProvider', scope, id, config), {
      terraformResourceType: 'grafana',
      terraformGeneratorMetadata: {
        providerName: GRAFANA_PROVIDER_NAME,
        // cdktf writes this into required_providers: a constraint, so users get 4.x fixes.
        providerVersion: GRAFANA_PROVIDER_VERSION_CONSTRAINT,
        providerVersionConstraint: GRAFANA_PROVIDER_VERSION_CONSTRAINT,
      },
      terraformProviderSource: 'grafana/grafana',
    });
    this.config = config;
    this._alias = config.alias;
  }

  /** The Grafana URL as configured, when given. */
  public get urlInput(): string | undefined {
    return this.config.url;
  }

  /** The organization id as configured, when given. */
  public get orgIdInput(): number | undefined {
    return this.config.orgId;
  }

  /** The provider alias, if any. */
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      alias: stringToTerraform(this._alias),
      auth: stringToTerraform(c.auth),
      ca_cert: stringToTerraform(c.caCert),
      cloud_access_policy_token: stringToTerraform(c.cloudAccessPolicyToken),
      cloud_api_url: stringToTerraform(c.cloudApiUrl),
      cloud_provider_access_token: stringToTerraform(c.cloudProviderAccessToken),
      cloud_provider_url: stringToTerraform(c.cloudProviderUrl),
      connections_api_access_token: stringToTerraform(c.connectionsApiAccessToken),
      connections_api_url: stringToTerraform(c.connectionsApiUrl),
      fleet_management_auth: stringToTerraform(c.fleetManagementAuth),
      fleet_management_url: stringToTerraform(c.fleetManagementUrl),
      frontend_o11y_api_access_token: stringToTerraform(c.frontendO11yApiAccessToken),
      frontend_o11y_api_url: stringToTerraform(c.frontendO11yApiUrl),
      // cdktf snake-cases every key of a provider block (X-Org-Id would become x_org_id);
      // a token is left alone, so the header map is handed over as one.
      http_headers: c.httpHeaders === undefined
        ? undefined
        : Lazy.anyValue({ produce: () => hashMapper(stringToTerraform)(c.httpHeaders) }),
      insecure_skip_verify: booleanToTerraform(c.insecureSkipVerify),
      k6_access_token: stringToTerraform(c.k6AccessToken),
      k6_url: stringToTerraform(c.k6Url),
      oncall_access_token: stringToTerraform(c.oncallAccessToken),
      oncall_url: stringToTerraform(c.oncallUrl),
      org_id: numberToTerraform(c.orgId),
      retries: numberToTerraform(c.retries),
      retry_status_codes: listMapper(stringToTerraform, false)(c.retryStatusCodes),
      retry_wait: numberToTerraform(c.retryWait),
      sm_access_token: stringToTerraform(c.smAccessToken),
      sm_url: stringToTerraform(c.smUrl),
      stack_id: numberToTerraform(c.stackId),
      store_dashboard_sha256: booleanToTerraform(c.storeDashboardSha256),
      tls_cert: stringToTerraform(c.tlsCert),
      tls_key: stringToTerraform(c.tlsKey),
      url: stringToTerraform(c.url),
    };
  }
}
