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
