import { IConstruct } from 'constructs';
import { AppRegistry } from '../core/app-registry';
import { Token } from '../internal/cdktf';
import { Folder } from './provider/folder';

/**
 * Claims a Grafana UID for the whole app: folder, dashboard and alert-rule UIDs are unique per
 * Grafana organization, and a second resource with the same UID is refused at apply (409).
 */
export function claimGrafanaUid(owner: IConstruct, subject: string, kind: string, uid: string): void {
  if (Token.isUnresolved(uid)) return;
  AppRegistry.of(owner).claim('grafana-uid', uid, owner, {
    subject,
    what: `Grafana ${kind} uid '${uid}'`,
    fix: 'monitor each gateway once per Grafana organization (its name, environment and cluster make its UIDs), give gateways of separate apps their own uidPrefix, or pass distinct uids',
  });
}

/** Claims a folder the library creates: its UID, and its title (people tell folders apart by it). */
export function claimFolder(owner: IConstruct, subject: string, folder: Folder): void {
  if (folder.uidInput !== undefined) claimGrafanaUid(owner, subject, 'folder', folder.uidInput);
  const title = folder.titleInput;
  if (Token.isUnresolved(title)) return;
  AppRegistry.of(owner).claim('grafana-folder-title', title, owner, {
    subject,
    what: `Grafana folder title '${title}'`,
    fix: "leave folderTitle out (the default names the gateway, its environment and cluster), or give each gateway's folder its own title",
  });
}
