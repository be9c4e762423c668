import { IConstruct } from 'constructs';
import { AppRegistry } from '../core/app-registry';
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

interface DataSourceUse {
  readonly cluster?: string;
  readonly clusterLabel?: string;
  readonly path: string;
}

/**
 * One Grafana data source queried for gateways of two clusters is a central store (a
 * cluster's own Prometheus has only its cluster's series): there each query must select its
 * cluster, or a cluster's rules read the same-named pods of every other cluster. The app's
 * Grafana is one (its UIDs are unique across the app), so the data source UID names it.
 */
export function claimDataSourceCluster(scope: IConstruct, subject: string, gateway: KongGateway, datasourceUid: string, clusterLabel: string | undefined): void {
  const registry = AppRegistry.of(scope);
  const use: DataSourceUse = { cluster: gateway.cluster, clusterLabel, path: scope.node.path };
  for (const other of registry.get<DataSourceUse>('grafana-data-source-cluster', datasourceUid)) {
    // A gateway that names no cluster may be in either: only two named clusters are surely apart.
    if (other.cluster === undefined || use.cluster === undefined || other.cluster === use.cluster) continue;
    if (other.clusterLabel !== undefined && use.clusterLabel !== undefined) continue;
    const clusters = `'${other.cluster}' and '${use.cluster}'`;
    failValidation(
      subject,
      `data source '${datasourceUid}' is queried for gateways of ${clusters} ('${other.path}' and '${use.path}') without clusterLabel, so each cluster's queries would read the other's series of same-named pods`,
      "set grafana.clusterLabel to the label the central store puts on each cluster's series (e.g. 'cluster') and cluster on every gateway, or give each cluster its own data source",
    );
  }
  registry.add('grafana-data-source-cluster', datasourceUid, use);
}
