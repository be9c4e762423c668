import { ReservedTag, requireDatadogTags } from '../../core/labels';
import { datadogGatewayTags } from '../../gateway/gateway-identity';
import { KongGateway } from '../../gateway/kong-gateway';
import { MANAGED_BY_TAG, reservedTags } from '../../gateway/reserved-tags';

/**
 * Tags for monitors, synthetics and SLOs of a gateway: its identity tags (the same ones its
 * data carries), team, the managed-by marker, the gateway's tags and the construct's own.
 */
export function resourceTags(gateway: KongGateway, extra: { [key: string]: string } = {}, ...more: string[]): string[] {
  const tags = [
    ...datadogGatewayTags(gateway),
    ...(gateway.team ? [`team:${gateway.team}`] : []),
    MANAGED_BY_TAG,
    ...Object.entries(gateway.tags).map(([k, v]) => `${k}:${v}`),
    ...Object.entries(extra).map(([k, v]) => `${k}:${v}`),
    ...more,
  ];
  return [...new Set(tags)];
}

/**
 * Monitor search query that finds every monitor of the gateway (the monitor summary widget
 * uses it): the identity tags every monitor of the gateway carries.
 */
export function monitorSearchQuery(gateway: KongGateway): string {
  return datadogGatewayTags(gateway).map((t) => `tag:"${t}"`).join(' ');
}

/** `[Kong edge production]`: the prefix of every monitor, test and SLO name of a gateway. */
export function namePrefix(gateway: KongGateway): string {
  return `[Kong ${[gateway.name, gateway.environment, ...(gateway.cluster ? [gateway.cluster] : [])].join(' ')}]`;
}

/** One line naming the gateway in notification messages. */
export function gatewayLine(gateway: KongGateway): string {
  const where = [`namespace ${gateway.namespace}`, ...(gateway.cluster ? [`cluster ${gateway.cluster}`] : [])].join(', ');
  return `Gateway ${gateway.name} (${gateway.mode}, ${gateway.environment}; ${where}).`;
}

/** Checks a construct's extra tags: Datadog's syntax, and none of the library's own. */
export function requireExtraTags(subject: string, gateway: KongGateway, tags: { [key: string]: string } | undefined, ...more: ReservedTag[]): void {
  requireDatadogTags(subject, 'tags', tags, reservedTags(gateway, ...more));
}
