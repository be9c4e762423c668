import { Construct } from 'constructs';
import { failValidation } from '../../core/validation';
import { KONG_IMAGE_REPOSITORY } from '../../gateway/kong-facts';
import { KongGateway } from '../../gateway/kong-gateway';
import { KongEdition } from '../../gateway/kong-version';
import { Annotations } from '../../internal/cdktf';

/** The image of the gateway's Kong release and edition: `kong:3.9`, `kong/kong-gateway:3.10.0.1`. */
export function defaultKongImage(gateway: KongGateway): string {
  const repository = gateway.edition === KongEdition.ENTERPRISE ? KONG_IMAGE_REPOSITORY.enterprise : KONG_IMAGE_REPOSITORY.openSource;
  return `${repository}:${gateway.kongVersion.text}`;
}

/**
 * The image to run: the default, or the given one when its repository and tag agree with the
 * gateway's edition and `kongVersion` (signals and plugin configs follow them). A tag that names
 * no version is accepted with a warning.
 */
export function resolveKongImage(scope: Construct, subject: string, gateway: KongGateway, image?: string): string {
  if (image === undefined) return defaultKongImage(gateway);
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const repository = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = colon > slash ? withoutDigest.slice(colon + 1) : '';
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  const expected = defaultKongImage(gateway);

  const imageEdition = name === 'kong-gateway' ? KongEdition.ENTERPRISE : name === 'kong' ? KongEdition.OPEN_SOURCE : undefined;
  if (imageEdition !== undefined && imageEdition !== gateway.edition) {
    const enterprise = imageEdition === KongEdition.ENTERPRISE;
    failValidation(
      subject,
      `image '${image}' is ${enterprise ? 'Kong Gateway Enterprise' : 'open-source Kong'}, but the gateway's edition is ${gateway.edition}`,
      `declare the gateway with edition: KongEdition.${enterprise ? 'ENTERPRISE' : 'OPEN_SOURCE'}, or use image '${expected}'`,
    );
  }
  const version = /^(\d+)\.(\d+)/.exec(tag);
  if (!version) {
    Annotations.of(scope).addWarning(`${subject}: image '${image}' does not tell its Kong version; the library assumes the gateway's kongVersion ${gateway.kongVersion.text} for signals and plugin configs.`);
    return image;
  }
  const majorMinor = `${version[1]}.${version[2]}`;
  if (majorMinor !== gateway.kongVersion.majorMinor) {
    failValidation(
      subject,
      `image '${image}' runs Kong ${majorMinor}, but the gateway's kongVersion is ${gateway.kongVersion.text} (its signals and plugin configs follow kongVersion)`,
      `set kongVersion: '${majorMinor}' on the gateway, or use image '${expected}'`,
    );
  }
  return image;
}
