import { formatDuration, type RunDigest } from './run-digest.js';

export interface FailureEmail {
  subject: string;
  text: string;
  html: string;
}

/** Project and test names are user input: every value placed in the HTML goes through this. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A project name with a line break must not spill into the next header line or the layout. */
function singleLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
}

export function failureEmail(d: RunDigest): FailureEmail {
  const project = singleLine(d.projectName);
  const facts: [string, string][] = [
    ['Project', project],
    ['Run', d.runId],
    ['Status', d.status],
    ['Passed', String(d.passed)],
    ['Failed', String(d.failed)],
    ['Total', String(d.total)],
    ['Duration', formatDuration(d.durationMs)],
  ];
  const names = d.failingTests.map(singleLine);
  return {
    subject: `[Sentri] ❌ ${d.failed} test(s) failed — ${project}`,
    text: plainText(project, facts, names, d),
    html: htmlBody(project, facts, names, d),
  };
}

function plainText(project: string, facts: [string, string][], names: string[], d: RunDigest): string {
  const width = Math.max(...facts.map(([label]) => label.length)) + 2;
  const lines = [
    `Test run failed — ${project}`,
    '',
    ...facts.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`),
  ];
  if (names.length > 0) {
    lines.push('', 'Failing tests:', ...names.map((name) => `  - ${name}`));
    if (d.moreFailing) lines.push('  (and more…)');
  }
  lines.push('', `View run details: ${d.detailUrl}`);
  return lines.join('\n');
}

// Inline styles and tables only: most mail clients drop <style> blocks and ignore flexbox.
function htmlBody(project: string, facts: [string, string][], names: string[], d: RunDigest): string {
  const rows = facts
    .map(
      ([label, value]) =>
        `<tr><td style="padding:4px 16px 4px 0;color:#6b7280;">${escapeHtml(label)}</td>` +
        `<td style="padding:4px 0;font-weight:600;">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const failing =
    names.length === 0
      ? ''
      : `<h3 style="margin:24px 0 8px;font-size:15px;">Failing tests</h3>` +
        `<ul style="margin:0;padding-left:20px;">${names.map((name) => `<li style="margin:2px 0;">${escapeHtml(name)}</li>`).join('')}` +
        (d.moreFailing ? `<li style="margin:2px 0;color:#6b7280;">(and more…)</li>` : '') +
        `</ul>`;
  const href = escapeHtml(d.detailUrl);
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>Test run failed</title></head>',
    '<body style="margin:0;padding:24px;background:#f3f4f6;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111827;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;">',
    '<tr><td style="padding:24px;">',
    `<h2 style="margin:0 0 16px;font-size:20px;color:#b91c1c;">🔴 Test run failed — ${escapeHtml(project)}</h2>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="font-size:14px;">${rows}</table>`,
    failing,
    '<p style="margin:24px 0 0;">',
    `<a href="${href}" style="display:inline-block;padding:10px 18px;background:#2563eb;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">View Run Details</a>`,
    '</p>',
    `<p style="margin:16px 0 0;font-size:12px;color:#6b7280;">Or open this link: <a href="${href}" style="color:#2563eb;">${href}</a></p>`,
    '</td></tr></table>',
    '</body></html>',
  ].join('\n');
}
