import { createHash } from 'node:crypto';
import type { AdminOverview } from './admin-service';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#666}.revoked{color:#a00}code{font-size:.85em}
`;

/**
 * Nothing but this one inline stylesheet may run or load: no scripts, images, frames or forms.
 * The style is allowed by its hash rather than by 'unsafe-inline'.
 */
export const ADMIN_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function when(at: string | null): string {
  return at ? escapeHtml(at.replace('T', ' ').slice(0, 16) + ' UTC') : '<span class="muted">never</span>';
}

function num(value: number): string {
  return `<td class="n">${escapeHtml(value)}</td>`;
}

/** The read-only overview, every interpolated value escaped. */
export function renderAdminPage(overview: AdminOverview): string {
  const chapterRows = overview.chapters
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.name)}<br><code class="muted">${escapeHtml(c.id)}</code></td>` +
        `${num(c.activeDevices)}${num(c.revokedDevices)}<td>${when(c.lastSyncAt)}</td>${num(c.lastSeq)}` +
        `${num(c.members.active)}${num(c.members.grace)}${num(c.members.lapsed)}${num(c.members['never-paid'])}` +
        `${num(c.members.honorary)}${num(c.members.lifetime)}` +
        `${num(c.members.total)}</tr>`,
    )
    .join('\n');
  const deviceRows = overview.devices
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.name)}<br><code class="muted">${escapeHtml(d.id)}</code></td>` +
        `<td>${escapeHtml(d.chapterName)}</td><td><code>${escapeHtml(d.nodeId)}</code></td>` +
        `<td>${when(d.createdAt)}</td><td>${when(d.lastPushAt)}</td><td>${when(d.lastPullAt)}</td>` +
        `<td>${d.revokedAt ? `<span class="revoked">revoked ${when(d.revokedAt)}</span>` : 'active'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>ChapterDesk sync server</title>
<style>${STYLE}</style>
</head>
<body>
<h1>ChapterDesk sync server</h1>
<p class="muted">Read-only overview at ${when(overview.generatedAt)}. Member status as of ${escapeHtml(overview.today)}.</p>
<h2>Chapters (${overview.chapters.length})</h2>
<table>
<thead><tr><th>Chapter</th><th>Devices</th><th>Revoked</th><th>Last sync</th><th>Changes</th><th>Active</th><th>Grace</th><th>Lapsed</th><th>Never paid</th><th>Honorary</th><th>Lifetime</th><th>Members</th></tr></thead>
<tbody>
${chapterRows || '<tr><td colspan="10" class="muted">No chapters yet: chapterdesk server chapter add --name NAME</td></tr>'}
</tbody>
</table>
<h2>Devices (${overview.devices.length})</h2>
<table>
<thead><tr><th>Device</th><th>Chapter</th><th>Node</th><th>Enrolled</th><th>Last push</th><th>Last pull</th><th>Status</th></tr></thead>
<tbody>
${deviceRows || '<tr><td colspan="7" class="muted">No devices enrolled yet.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}
