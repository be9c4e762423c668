import { datadogGatewayTags } from '../../gateway/gateway-identity';
import { KongGateway } from '../../gateway/kong-gateway';
import { DATADOG_EXTRA_METRICS, DATADOG_KONG_CHECK_DISTRIBUTION_OPTIONS, DATADOG_READY_PROBE_TAG } from '../../signals/selectors';
import { KONG_STATUS_READY_PATH } from '../probe';

/**
 * Datadog Agent autodiscovery annotations for the Kong container: the `kong` check on the
 * status port's `/metrics` (latency histograms sent as distributions, so percentiles exist)
 * and one `http_check` per pod on `/status/ready`, both tagged with the gateway's tags.
 * `tolerate-unready` keeps the checks running on an unready pod, which would otherwise go
 * silent (no data) instead of failing.
 */
export function datadogAutodiscoveryAnnotations(gateway: KongGateway, statusPort: number, timeoutSeconds: number): { [key: string]: string } {
  const tags = datadogGatewayTags(gateway);
  const checks = {
    kong: {
      init_config: {},
      instances: [{
        openmetrics_endpoint: `http://%%host%%:${statusPort}/metrics`,
        // Metrics the integration leaves out but the catalog alerts on (control-plane connection,
        // certificate expiry...), each with the transformer that sends it.
        extra_metrics: Object.entries(DATADOG_EXTRA_METRICS).map(([exposed, metric]) => ({ [exposed]: { name: metric.name, type: metric.type } })),
        // Latency histograms as distributions: the catalog's p99 on this path too.
        ...DATADOG_KONG_CHECK_DISTRIBUTION_OPTIONS,
        tags,
      }],
    },
    http_check: {
      init_config: {},
      instances: [
        {
          name: 'kong-ready-%%kube_pod_name%%',
          url: `http://%%host%%:${statusPort}${KONG_STATUS_READY_PATH}`,
          timeout: timeoutSeconds,
          tags: [...tags, DATADOG_READY_PROBE_TAG],
        },
      ],
    },
  };
  return {
    [`ad.datadoghq.com/${gateway.containerName}.checks`]: JSON.stringify(checks),
    'ad.datadoghq.com/tolerate-unready': 'true',
  };
}
