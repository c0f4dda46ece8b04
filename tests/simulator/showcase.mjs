// The body of a believable Jira page for the stores' screenshots (startSimulator's `showcase`
// option; tests/e2e/store-screenshots.test.mjs): a header bar, a project list and an issue
// list, so the tab beside the wizard looks like a Jira someone works in rather than a bare
// form. Our own minimal markup, CSS and made-up content — nothing of Atlassian's markup,
// scripts or prose. Only the body: the page's head keeps the meta tags detection reads
// (pages.mjs), so what the wizard detects is the same as without it.

import { escapeHtml as e } from './respond.mjs';

const PROJECTS = [
  ['WEB', 'Website relaunch', 'Software', 'Maria Lopez'],
  ['MOB', 'Mobile app', 'Software', 'Ken Ito'],
  ['OPS', 'Platform operations', 'Business', 'Ada Admin'],
  ['HELP', 'IT help desk', 'Service', 'Sam Reed'],
];

const ISSUES = [
  ['WEB-142', 'Update the pricing page for the spring plans', 'In progress', 'progress', 'Maria Lopez'],
  ['OPS-88', 'Rotate the integration token before it expires', 'To do', 'todo', 'Ada Admin'],
  ['MOB-311', 'Crash when the sync starts offline', 'In review', 'progress', 'Ken Ito'],
  ['HELP-907', 'New laptop for the design team', 'Done', 'done', 'Sam Reed'],
  ['WEB-139', 'Cookie banner text in Russian', 'Done', 'done', 'Maria Lopez'],
  ['OPS-91', 'Nightly report to the data warehouse', 'To do', 'todo', 'Ada Admin'],
];

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f6f7f9}
.sc-top{display:flex;align-items:center;gap:18px;height:52px;padding:0 20px;background:#fff;border-bottom:1px solid #dfe2e8}
.sc-brand{display:flex;align-items:center;gap:8px;font-weight:700;font-size:16px;color:#1d2433;text-decoration:none}
.sc-mark{width:22px;height:22px;border-radius:5px;background:linear-gradient(135deg,#2f6fde,#5b9bff)}
.sc-nav{display:flex;gap:4px}.sc-nav span{padding:6px 10px;border-radius:4px;color:#44506a;font-weight:500}
.sc-nav .on{color:#2f6fde;background:#e9f0fd}
.sc-create{padding:6px 14px;border-radius:4px;background:#2f6fde;color:#fff;font-weight:600}
.sc-search{margin-left:auto;width:220px;padding:6px 10px;border:1px solid #cfd4dd;border-radius:4px;color:#7a8499;background:#fff}
.sc-avatar{width:28px;height:28px;border-radius:50%;background:#7b61c9;color:#fff;display:grid;place-items:center;font-size:12px;font-weight:700}
.sc-main{padding:22px 28px}.sc-main h1{margin:0 0 4px;font-size:22px}.sc-sub{margin:0 0 18px;color:#5c667d}
.sc-card{background:#fff;border:1px solid #dfe2e8;border-radius:6px;margin-bottom:18px}
.sc-card h2{margin:0;padding:12px 16px;font-size:15px;border-bottom:1px solid #eceef2}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:9px 16px;border-bottom:1px solid #f0f1f4;white-space:nowrap}
th{font-size:12px;color:#5c667d;font-weight:600}td.sum{white-space:normal}
.sc-key{color:#2f6fde;font-weight:600}.sc-icon{display:inline-block;width:16px;height:16px;border-radius:3px;vertical-align:-3px;margin-right:8px}
.sc-pill{display:inline-block;padding:1px 8px;border-radius:3px;font-size:11px;font-weight:700;text-transform:uppercase}
.sc-pill.todo{background:#e9ebef;color:#44506a}.sc-pill.progress{background:#e2ecfd;color:#2456b5}.sc-pill.done{background:#e1f4e8;color:#1f7a44}
`;

const COLORS = ['#e5793b', '#2f9e6b', '#7b61c9', '#d04c6f'];

/**
 * The page's body content (the `<body>` element itself stays the page's).
 * @param {{cloud: boolean, user: {displayName: string} | null}} options
 */
export function showcaseBody({ cloud, user }) {
  const initials = (user?.displayName ?? 'Ada Admin').split(/\s+/).map((w) => w[0]).join('').slice(0, 2);
  const projects = PROJECTS.map(([key, name, type, lead], i) => `<tr><td><span class="sc-icon" style="background:${COLORS[i % COLORS.length]}"></span>${e(name)}</td>`
    + `<td>${e(key)}</td><td>${e(type)}</td><td>${e(lead)}</td></tr>`).join('');
  const issues = ISSUES.map(([key, summary, status, kind, who]) => `<tr><td class="sc-key">${e(key)}</td><td class="sum">${e(summary)}</td>`
    + `<td><span class="sc-pill ${kind}">${e(status)}</span></td><td>${e(who)}</td></tr>`).join('');
  return `<style>${CSS}</style>
<div class="sc-top">
<a class="sc-brand" href="#"><span class="sc-mark"></span>Jira</a>
<nav class="sc-nav"><span class="on">${cloud ? 'Your work' : 'Dashboards'}</span><span>Projects</span><span>Filters</span><span>Boards</span></nav>
<span class="sc-create">Create</span>
<span class="sc-search">Search</span>
<span class="sc-avatar">${e(initials)}</span>
</div>
<main class="sc-main">
<h1>${cloud ? 'Your work' : 'System dashboard'}</h1>
<p class="sc-sub">Recent projects and the issues assigned to your team</p>
<section class="sc-card"><h2>Projects</h2><table><thead><tr><th>Name</th><th>Key</th><th>Type</th><th>Lead</th></tr></thead><tbody>${projects}</tbody></table></section>
<section class="sc-card"><h2>Assigned to the team</h2><table><thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Assignee</th></tr></thead><tbody>${issues}</tbody></table></section>
</main>`;
}
