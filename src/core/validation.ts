/**
 * Every synth-time validation error goes through here, so messages share one shape:
 * `<Construct> '<id>': <what is wrong>. Fix: <what to do>.`
 */
export function failValidation(subject: string, problem: string, fix: string): never {
  throw new Error(`${subject}: ${problem}. Fix: ${fix}.`);
}

/** Kubernetes DNS-1123 label: lower-case alphanumerics and '-', 63 characters at most. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function requireDns1123Label(subject: string, field: string, value: string): void {
  if (value.length > 63 || !DNS_1123_LABEL.test(value)) {
    failValidation(
      subject,
      `${field} '${value}' is not a DNS-1123 label`,
      "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
    );
  }
}

export function requirePort(subject: string, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    failValidation(subject, `${field} ${value} is out of range`, 'use a whole port number between 1 and 65535');
  }
}

export function requirePositiveInteger(subject: string, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    failValidation(subject, `${field} ${value} must be a whole number of 1 or more`, `set ${field} to 1 or more`);
  }
}

/** Kubernetes DNS-1123 subdomain (Secret and ConfigMap names): 253 characters at most. */
export const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function requireDns1123Subdomain(subject: string, field: string, value: string): void {
  if (typeof value !== 'string' || value.length > 253 || !DNS_1123_SUBDOMAIN.test(value)) {
    failValidation(subject, `${field} '${value}' is not a DNS-1123 subdomain`, "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (the name of an existing Secret)");
  }
}

/** An IPv4 or IPv6 block in CIDR notation (NetworkPolicy `ipBlock.cidr`). */
export function requireCidr(subject: string, field: string, value: string): void {
  const v4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
  const v6 = /^[0-9a-fA-F:]+\/(12[0-8]|1[01]\d|\d?\d)$/;
  if (typeof value !== 'string' || (!v4.test(value) && !(value.includes(':') && v6.test(value)))) {
    failValidation(subject, `${field} '${value}' is not a CIDR block`, "write it as address/prefix length, e.g. '10.0.0.0/16'");
  }
}
