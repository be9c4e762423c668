import { KongGateway } from '../../gateway/kong-gateway';
import { DATADOG_EXTRA_METRICS, DATADOG_READY_PROBE_TAG, datadogGatewayTags } from '../../signals/selectors';
import { KONG_STATUS_READY_PATH } from '../probe';

/**
 * Datadog Agent autodiscovery annotations for the Kong container: the `kong` check on the
 * status port's `/metrics` and one `http_check` per pod on `/status/ready`, both tagged with
 * the gateway's tags. `tolerate-unready` keeps the checks running on an unready pod,
 * which would otherwise go silent (no data) instead of failing.
 */
export function datadogAutodiscoveryAnnotations(gateway: KongGateway, statusPort: number, timeoutSeconds: number): { [key: string]: string } {
  const tags = datadogGatewayTags(gateway);
  const checks = {
    kong: {
      init_config: {},
      instances: [{
        openmetrics_endpoint: `http://%%host%%:${statusPort}/metrics`,
        // Gauges the integration leaves out but the catalog alerts on (control-plane connection...).
        extra_metrics: Object.entries(DATADOG_EXTRA_METRICS).map(([exposed, sent]) => ({ [exposed]: sent })),
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
