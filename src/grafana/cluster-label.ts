import { failValidation } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';

/** Prometheus label names: letters, digits and `_`, not starting with a digit; `__` is reserved. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Checks a central store's cluster label: a valid label name, and a gateway that names its
 * cluster (otherwise the queries would select every cluster's pods of the same name).
 */
export function validateClusterLabel(subject: string, gateway: KongGateway, clusterLabel: string | undefined): void {
  if (clusterLabel === undefined) return;
  if (!LABEL_NAME.test(clusterLabel) || clusterLabel.startsWith('__')) {
    failValidation(subject, `clusterLabel '${clusterLabel}' is not a Prometheus label name`, "give the label your central store puts on each cluster's series, e.g. 'cluster'");
  }
  if (gateway.cluster === undefined) {
    failValidation(
      subject,
      `clusterLabel '${clusterLabel}' is set, but gateway '${gateway.name}' names no cluster`,
      `set cluster on the KongGateway to the value of '${clusterLabel}' its series carry, or leave clusterLabel out when the data source is the cluster's own Prometheus`,
    );
  }
}
