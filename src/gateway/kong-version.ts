import { checkCall } from '../core/input-shape';
import { failValidation } from '../core/validation';

/** Which Kong Gateway is run: the open-source build or Kong Gateway Enterprise. */
export enum KongEdition {
  /** Kong Gateway open source (`kong` image). Its last release line is 3.9. */
  OPEN_SOURCE = 'open-source',
  /** Kong Gateway Enterprise (`kong/kong-gateway` image), releases `x.y.z.w`. */
  ENTERPRISE = 'enterprise',
}

/** The newest open-source release line (3.9.3 is the newest OSS tag; 3.10+ ship as Enterprise only). */
export const LATEST_OPEN_SOURCE_MINOR = 9;

/** `/status/ready` exists from Kong 3.3. */
const MINIMUM_SUPPORTED_MINOR = 3;

/** The Kong version the library's own defaults match: the `kong:3.9` image it deploys. */
export const DEFAULT_KONG_VERSION = '3.9';

/** A Kong 3.x version, compared by major and minor (patch releases do not change what is exported). */
export class KongVersion {
  /**
   * A Kong version: `3.9`, `3.9.1` or an Enterprise `3.10.0.1`. Kong 3.3 and later 3.x
   * releases are supported: earlier ones have no `/status/ready`, and 2.x exports other
   * metric names.
   */
  public static of(version: string): KongVersion {
    checkCall('KongVersion.of', version);
    return KongVersion._parse('KongVersion.of', 'version', version);
  }

  /** @internal parses with the caller's subject and field in the error message. */
  public static _parse(subject: string, field: string, text: string): KongVersion {
    const match = /^(\d+)\.(\d+)(?:\.(\d+)(?:\.(\d+))?)?$/.exec(String(text ?? '').trim());
    if (!match) {
      failValidation(subject, `${field} '${text}' is not a Kong version`, "give the Kong release as 'major.minor' (e.g. '3.9') or a full release ('3.9.1', Enterprise '3.10.0.1')");
    }
    const major = Number(match[1]);
    const minor = Number(match[2]);
    if (major !== 3) {
      failValidation(subject, `${field} '${text}' is not a Kong 3.x release`, 'the library supports Kong Gateway 3.0 and later 3.x releases (readiness needs 3.3+)');
    }
    if (minor < MINIMUM_SUPPORTED_MINOR) {
      failValidation(
        subject,
        `${field} '${text}' has no /status/ready (added in Kong 3.${MINIMUM_SUPPORTED_MINOR}), which the readiness probe, the load balancer check and the readiness alerts use`,
        `run Kong 3.${MINIMUM_SUPPORTED_MINOR} or later`,
      );
    }
    return new KongVersion(major, minor, String(text).trim());
  }

  private constructor(
    /** Major version (3). */
    public readonly major: number,
    /** Minor version. */
    public readonly minor: number,
    /** The version as given. */
    public readonly text: string,
  ) {}

  /** True when this version is `major.minor` or later. */
  public atLeast(major: number, minor: number): boolean {
    checkCall('KongVersion.atLeast', major, minor);
    return this.major > major || (this.major === major && this.minor >= minor);
  }

  /** `3.9`. */
  public get majorMinor(): string {
    return `${this.major}.${this.minor}`;
  }
}
