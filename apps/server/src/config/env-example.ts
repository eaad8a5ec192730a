import { VARIABLES } from './variables.js';

/** Renders `.env.example` from the variable table: grouped, documented, defaults commented out. */
export function renderEnvExample(): string {
  const lines = [
    '# Sentri configuration. Generated from apps/server/src/config/variables.ts',
    '# by `npm run env:example`; do not edit by hand. Every variable is optional.',
  ];
  let group = '';
  for (const [name, spec] of Object.entries(VARIABLES)) {
    if (spec.group !== group) {
      group = spec.group;
      lines.push('', `# --- ${group} ---`);
    }
    lines.push(`# ${spec.doc}`);
    if ('values' in spec && spec.values) lines.push(`# One of: ${spec.values.join(', ')}`);
    const shown = ('example' in spec ? spec.example : undefined) ?? ('default' in spec ? spec.default : '') ?? '';
    lines.push(`# ${name}=${shown}`);
  }
  return `${lines.join('\n')}\n`;
}
