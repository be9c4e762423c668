/** Where a Kong deployment's configuration (routes, services, plugins) comes from. */
export enum KongConfigurationSource {
  /** A declarative configuration ConfigMap mounted into DB-less Kong (holding the plugins). */
  DECLARATIVE_CONFIG_MAP = 'declarative-config-map',
  /** The Kong Ingress Controller pushes configuration; plugins become `KongClusterPlugin`s. */
  INGRESS_CONTROLLER = 'ingress-controller',
  /** A hybrid-mode control plane pushes configuration to these data planes. */
  CONTROL_PLANE = 'control-plane',
  /** A database (traditional mode, or a hybrid control plane). */
  DATABASE = 'database',
}
