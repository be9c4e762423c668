import { KongGateway, KongGatewayOptions } from '../../gateway/kong-gateway';
import { KongEdition } from '../../gateway/kong-version';
import { gatewayViews } from '../../signals/dashboard-layout';
import { signalsOf } from '../../signals/gateway-signals';
import { DatadogCollection } from '../../signals/signal-types';

/**
 * Every Datadog metric query the library's monitors and dashboards render for a gateway on
 * a collection path: the signals' monitor queries and expressions, and the dashboard views.
 */
export function libraryQueries(gateway: KongGateway, collection: DatadogCollection): string[] {
  const queries: string[] = [];
  for (const signal of signalsOf(gateway)) {
    const form = signal.datadog(collection);
    if (form) queries.push(form.query, form.expression);
  }
  for (const view of gatewayViews(gateway, { collection })) {
    for (const series of view.series) if (series.datadog) queries.push(series.datadog);
  }
  return queries;
}

/**
 * One gateway of every deployment mode, on a Kong that has every signal (Enterprise 3.10):
 * the queries they render are every query the library can render on a path. Names and
 * namespaces do not change which tag keys a query uses.
 */
export function sampleGatewaysOfEveryMode(): KongGateway[] {
  const options: KongGatewayOptions = { name: 'sample', namespace: 'kong', edition: KongEdition.ENTERPRISE, kongVersion: '3.10' };
  return [
    KongGateway.traditional(options),
    KongGateway.dbLess(options),
    KongGateway.hybridControlPlane(options),
    KongGateway.hybridDataPlane(options),
  ];
}
