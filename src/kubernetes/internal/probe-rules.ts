import { failValidation, requirePositiveInteger } from '../../core/validation';
import { KongGateway } from '../../gateway/kong-gateway';
import { KONG_STATUS_PATH, KONG_STATUS_READY_PATH, KongProbe, ProbeAction } from '../probe';

/** The three probes a Kong container gets. */
export interface ProbeTriple {
  readonly readiness: KongProbe;
  readonly liveness: KongProbe;
  readonly startup: KongProbe;
}

/** Probes a user chose; any left out get Kong's defaults. */
export interface ProbeChoice {
  readonly readiness?: KongProbe;
  readonly liveness?: KongProbe;
  readonly startup?: KongProbe;
}

/**
 * The probes chosen, the rest defaulted (`statusReady`, `statusLive`, `startup` sized to the
 * gateway's startup window), checked against Kong's rules.
 */
export function resolveProbes(subject: string, gateway: KongGateway, chosen: ProbeChoice): ProbeTriple {
  const probes: ProbeTriple = {
    readiness: chosen.readiness ?? KongProbe.statusReady(),
    liveness: chosen.liveness ?? KongProbe.statusLive(),
    startup: chosen.startup ?? KongProbe.startup({ window: gateway.startupWindow }),
  };
  validateProbes(subject, probes, gateway.statusPort);
  return probes;
}

/**
 * Kong's probe rules, checked wherever probes are applied (provider blocks, Helm values,
 * an existing Deployment), so the three ways cannot disagree.
 */
export function validateProbes(subject: string, probes: ProbeTriple, statusPort: number): void {
  checkOne(subject, 'readiness', probes.readiness, statusPort);
  checkOne(subject, 'liveness', probes.liveness, statusPort);
  checkOne(subject, 'startup', probes.startup, statusPort);

  if (probes.readiness.action === ProbeAction.HTTP_GET && probes.readiness.path === KONG_STATUS_PATH) {
    failValidation(
      subject,
      `readiness probe is ${probes.readiness.describe()}, which answers 200 before Kong has a configuration (pods take traffic they cannot route)`,
      `use KongProbe.statusReady() (GET ${KONG_STATUS_READY_PATH}); ${KONG_STATUS_PATH} belongs to the liveness probe`,
    );
  }
  if (probes.liveness.action === ProbeAction.HTTP_GET && probes.liveness.path === KONG_STATUS_READY_PATH) {
    failValidation(
      subject,
      `liveness probe is ${probes.liveness.describe()}: a database blip fails ${KONG_STATUS_READY_PATH} on every node at once and Kubernetes restarts them all`,
      `use KongProbe.statusLive() (GET ${KONG_STATUS_PATH}) for liveness; keep ${KONG_STATUS_READY_PATH} for readiness`,
    );
  }
  if (probes.startup.action === ProbeAction.HTTP_GET && probes.startup.path === KONG_STATUS_READY_PATH) {
    failValidation(
      subject,
      `startup probe is ${probes.startup.describe()}: a DB-less node without configuration never passes it and is restarted in a loop`,
      `use KongProbe.startup() (GET ${KONG_STATUS_PATH}); readiness already gates traffic on ${KONG_STATUS_READY_PATH}`,
    );
  }
}

function checkOne(subject: string, role: string, probe: KongProbe, statusPort: number): void {
  if (probe.runsKongHealthCli) {
    failValidation(
      subject,
      `${role} probe runs ${probe.describe()}, which only checks that the nginx PID is alive, not that Kong has a valid configuration`,
      `use KongProbe.${role === 'readiness' ? 'statusReady' : role === 'startup' ? 'startup' : 'statusLive'}() on the status listener instead of 'kong health'`,
    );
  }
  if (probe.timeout.toSeconds() < 1) {
    failValidation(subject, `${role} probe timeout is ${probe.timeout.toPrometheus()}`, 'use a timeout of at least 1s (Kubernetes counts in whole seconds)');
  }
  if (probe.period.toSeconds() < 1) {
    failValidation(subject, `${role} probe period is ${probe.period.toPrometheus()}`, 'use a period of at least 1s');
  }
  if (!probe.period.isLongerThan(probe.timeout)) {
    failValidation(
      subject,
      `${role} probe timeout ${probe.timeout.toPrometheus()} is not shorter than its period ${probe.period.toPrometheus()}`,
      'make the timeout shorter than the period (the Kong Helm chart uses timeout 5s, period 10s)',
    );
  }
  requirePositiveInteger(subject, `${role} probe successThreshold`, probe.successThreshold);
  requirePositiveInteger(subject, `${role} probe failureThreshold`, probe.failureThreshold);
  if (role !== 'readiness' && probe.successThreshold !== 1) {
    failValidation(subject, `${role} probe successThreshold is ${probe.successThreshold}`, `set it to 1: Kubernetes rejects any other value for ${role} probes`);
  }
  const servedOnStatusPort = probe.path === KONG_STATUS_PATH || probe.path === KONG_STATUS_READY_PATH;
  if (probe.action === ProbeAction.HTTP_GET && servedOnStatusPort && probe.port !== undefined && probe.port !== statusPort) {
    failValidation(
      subject,
      `${role} probe calls ${probe.path} on port ${probe.port}, but the status endpoints are served on the status port ${statusPort}`,
      `leave the probe's port unset (it then uses the container port named 'status') or set it to ${statusPort}`,
    );
  }
}
