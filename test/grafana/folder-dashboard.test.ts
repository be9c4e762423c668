import { body, expectValidAgainstSchema, synth } from './helpers';
import { Dashboard, Folder } from '../../src/grafana/provider';

describe('Folder', () => {
  test('maps title, uid and parent folder to snake_case attributes', () => {
    const s = synth((stack) => {
      const parent = new Folder(stack, 'platform', { title: 'Platform', uid: 'platform' });
      new Folder(stack, 'kong', {
        title: 'Kong Gateway',
        uid: 'kong-gateway',
        parentFolderUid: parent.uid,
        preventDestroyIfNotEmpty: true,
        orgId: '1',
      });
    });
    expect(s.json).toHaveResourceWithProperties(Folder, { title: 'Kong Gateway', uid: 'kong-gateway' });
    const kong = body(s, 'grafana_folder', 'kong');
    expect(kong.parent_folder_uid).toBe('${grafana_folder.platform.uid}');
    expect(kong.prevent_destroy_if_not_empty).toBe(true);
    expect(kong.org_id).toBe('1');
    // Unset optionals are left out rather than written as null.
    expect(Object.keys(body(s, 'grafana_folder', 'platform')).sort()).toEqual(['title', 'uid']);
    expectValidAgainstSchema(s, 2);
  });

  test('getters are references Terraform resolves', () => {
    const s = synth((stack) => {
      const f = new Folder(stack, 'kong', { title: 'Kong' });
      new Folder(stack, 'child', { title: `${f.title} child`, parentFolderUid: f.id });
    });
    expect(body(s, 'grafana_folder', 'child').title).toBe('${grafana_folder.kong.title} child');
    expect(body(s, 'grafana_folder', 'child').parent_folder_uid).toBe('${grafana_folder.kong.id}');
  });
});

describe('Dashboard', () => {
  test('writes config_json as a JSON string and references the folder uid', () => {
    const model = { uid: 'kong-health', title: 'Kong health', panels: [{ id: 1, type: 'stat', title: 'Nodes ready' }] };
    const s = synth((stack) => {
      const folder = new Folder(stack, 'kong', { title: 'Kong', uid: 'kong' });
      new Dashboard(stack, 'health', {
        configJson: JSON.stringify(model),
        folder: folder.uid,
        overwrite: true,
        message: 'managed by cdktf-kong-monitoring',
      });
    });
    const d = body(s, 'grafana_dashboard', 'health');
    expect(typeof d.config_json).toBe('string');
    expect(JSON.parse(d.config_json)).toEqual(model);
    expect(d.folder).toBe('${grafana_folder.kong.uid}');
    expect(d.overwrite).toBe(true);
    expect(d.message).toBe('managed by cdktf-kong-monitoring');
    expectValidAgainstSchema(s, 2);
  });

  test('exposes uid, url, dashboard_id and version as references', () => {
    const s = synth((stack) => {
      const d = new Dashboard(stack, 'health', { configJson: '{"uid":"kong-health"}' });
      new Folder(stack, 'f', { title: `${d.uid} ${d.url} ${d.dashboardId} ${d.version}` });
    });
    expect(body(s, 'grafana_folder', 'f').title).toBe(
      '${grafana_dashboard.health.uid} ${grafana_dashboard.health.url} ${grafana_dashboard.health.dashboard_id} ${grafana_dashboard.health.version}',
    );
  });
});
