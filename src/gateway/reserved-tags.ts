import { GatewayIdentityParts, datadogGatewayTags } from './gateway-identity';
import { ReservedTag } from '../core/labels';

/** Tag every resource this library creates in Datadog carries, for search and cleanup. */
export const MANAGED_BY_TAG = 'managed-by:cdktf-kong-monitoring';

/** The tags the library sets on every Datadog resource of a gateway: a user's tags may not override them. */
export function reservedTags(gateway: GatewayIdentityParts & { readonly team?: string }, ...more: ReservedTag[]): ReservedTag[] {
  const identity = datadogGatewayTags({ ...gateway, cluster: gateway.cluster ?? "<the gateway's cluster>" });
  return [...identity, ...(gateway.team ? [`team:${gateway.team}`] : []), MANAGED_BY_TAG]
    .map((tag) => ({ key: tag.slice(0, tag.indexOf(':')), value: tag.slice(tag.indexOf(':') + 1) }))
    .concat(more);
}
