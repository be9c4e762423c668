import { IConstruct } from 'constructs';
import { AppRegistry } from '../../core/app-registry';
import { failValidation } from '../../core/validation';
import { KongGateway } from '../../gateway/kong-gateway';
import { TerraformStack } from '../../internal/cdktf';

/**
 * Kubernetes object names the library derives (`<workloadName>-status`, `-proxy`, `-cluster`):
 * checked against the API's rules with the message naming where the name came from, and
 * claimed app-wide so two gateways never write one object. No name is ever cut to fit.
 */

/** A DNS-1035 label: what Kubernetes requires of Service names. */
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_MAX = 63;

/**
 * The name of a Service the library creates: `given` when the user set it (named `option`),
 * else the gateway's workload name and `suffix`. Service names are DNS-1035 labels: at most 63
 * characters, starting with a letter
 * (kubernetes.io/docs/concepts/overview/working-with-objects/names/#rfc-1035-label-names).
 */
export function serviceName(subject: string, role: string, gateway: KongGateway, suffix: string, given?: string, option = 'serviceName'): string {
  if (given !== undefined) {
    if (!DNS_1035_LABEL.test(given) || given.length > LABEL_MAX) {
      const startsWrong = /^[^a-zA-Z]/.test(given);
      failValidation(
        subject,
        `${option} '${given}' is not a DNS-1035 label${startsWrong ? ': Kubernetes Service names start with a letter' : ''}`,
        startsWrong ? `give a ${option} that starts with a letter` : "use at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit",
      );
    }
    return given;
  }
  const name = `${gateway.workloadName}${suffix}`;
  const source = `the ${role} Service name '${name}' (from the gateway's workloadName '${gateway.workloadName}')`;
  const instead = option !== '' ? `, or set ${option}` : '';
  if (!/^[a-z]/.test(name)) {
    failValidation(subject, `${source} is not a DNS-1035 label: Kubernetes Service names start with a letter`, `give the gateway a workloadName (or name) that starts with a letter${instead}`);
  }
  if (name.length > LABEL_MAX) {
    failValidation(
      subject,
      `${source} has ${name.length} characters, and Kubernetes allows ${LABEL_MAX}`,
      `give the gateway a workloadName (or name) of at most ${LABEL_MAX - suffix.length} characters${instead}`,
    );
  }
  return name;
}

/**
 * Claims a Kubernetes object for `owner`: a second claim of the same kind, namespace and name
 * in the same stack fails, naming both. A stack writes to one cluster (its Kubernetes
 * provider); stacks may share a cluster name across environments, so objects of other stacks
 * are not compared.
 */
export function claimKubernetesObject(owner: IConstruct, subject: string, gateway: KongGateway, kind: string, name: string, fix: string, clusterScoped = false): void {
  const namespace = clusterScoped ? undefined : gateway.namespace;
  AppRegistry.of(owner).claim('kubernetes-object', `${TerraformStack.of(owner).node.path}\u0000${kind}\u0000${namespace ?? ''}\u0000${name}`, owner, {
    subject,
    what: `${kind} ${namespace !== undefined ? `${namespace}/` : ''}${name}`,
    fix,
  });
}

/** How to tell two gateways' namespaced objects apart. */
export const DISTINCT_WORKLOADS_FIX = 'give each gateway deployed into one namespace its own workloadName (or name), or its own namespace';
