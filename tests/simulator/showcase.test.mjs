// The showcase page (showcase.mjs) for the stores' screenshots: the same head as the plain page
// — every meta tag detection reads — and a body of our own (header, projects, issues), with no
// script and nothing of Atlassian's markup or prose.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSimulator } from './server.mjs';

/** The page at the scenario's entry, with and without the showcase. */
async function both(scenario) {
  const pages = [];
  for (const showcase of [false, true]) {
    const sim = await startSimulator({ scenario, showcase });
    try {
      const res = await fetch(sim.url);
      assert.equal(res.status, 200);
      pages.push(await res.text());
    } finally {
      await sim.close();
    }
  }
  return pages;
}

const part = (html, tag) => html.slice(html.indexOf(`<${tag}`), html.indexOf(`</${tag}>`));
/** The page with its per-run values (the port, the trace id) blanked. */
const stable = (html) => html.replace(/127\.0\.0\.1:\d+/g, 'HOST').replace(/(ajs-(?:trace-id|server-port)" content=")[^"]*/g, '$1');

for (const scenario of ['dc-9.12-cluster', 'cloud']) {
  test(`${scenario}: the showcase keeps the head, and its body is ours`, async () => {
    const [plain, showcase] = await both(scenario);
    assert.equal(stable(part(showcase, 'head')), stable(part(plain, 'head')), 'the same head: detection reads the same');
    assert.equal(/<body[^>]*>/.exec(showcase)?.[0], /<body[^>]*>/.exec(plain)?.[0], 'the same body element');
    const inside = (html) => part(html, 'body').replace(/^<body[^>]*>/, '');
    const body = inside(showcase);
    assert.match(body, /<h2>Projects<\/h2>/);
    assert.match(body, /WEB-142/);
    assert.doesNotMatch(body, /<script|Atlassian|aui-|atlassian\.com/i, 'no script, no Atlassian markup or prose');
    assert.notEqual(body, inside(plain));
  });
}
