/** A plugin as declarative configuration spells it. */
export interface DeclarativePlugin {
  readonly name: string;
  readonly config: { [key: string]: unknown };
}

/** Global plugin entries (no service, route or consumer: they apply to every request). */
export function declarativePluginEntries(plugins: DeclarativePlugin[]): DeclarativePlugin[] {
  return plugins.map((p) => ({ name: p.name, config: p.config }));
}

/** The library's plugins alone, as a declarative configuration (JSON text, valid YAML too). */
export function pluginsOnlyDeclarativeConfig(plugins: DeclarativePlugin[]): string {
  return JSON.stringify({ _format_version: '3.0', plugins: declarativePluginEntries(plugins) }, null, 2);
}
