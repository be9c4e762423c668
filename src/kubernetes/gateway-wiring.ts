/**
 * Registry kind under which the Kubernetes constructs that serve a gateway (KongDeployment,
 * PrometheusScrape, KongClusterPlugins) file themselves by the gateway's identity, so the
 * gateway's monitoring can find what feeds it anywhere in the app.
 */
export const GATEWAY_WIRING = 'gateway-wiring';
