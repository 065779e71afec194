/**
 * Note 15's pod-creation diagram, linked to the page's cluster (src/components/run/flow-ui.ts,
 * src/lib/run/pod-flow.ts): running the block that creates a pod lights the 11 steps one after
 * another, in the order the simulator went through them, and the list under the diagram names what
 * the cluster did (the node the pod really went to); a second run of the same block stops at step 4
 * with the real AlreadyExists error; a pod no node can take stops at step 7 (FailedScheduling).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { builtHtml, builtRoutes, startSite, watch, type Site } from './support.ts';

const ROUTE = '/notes/15-kube-apiserver/';
const available = builtRoutes().includes(ROUTE) && builtHtml(ROUTE).includes('data-step="11"') && builtHtml(ROUTE).includes('data-id="nginx"');
const skip = available ? false : `${ROUTE} with the pod-creation diagram and its nginx block is not built`;

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

/** Records every change of a step's highlight, in order: "7:done". */
async function recordSteps(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { lit: string[] };
    w.lit = [];
    const svg = document.querySelector<SVGGElement>('svg g[data-step]')!.ownerSVGElement!;
    new MutationObserver((records) => {
      for (const r of records) {
        const g = r.target as SVGGElement;
        const state = g.getAttribute('data-flow');
        if (state) w.lit.push(`${g.dataset.step}:${state}`);
      }
    }).observe(svg, { subtree: true, attributes: true, attributeFilter: ['data-flow'] });
  });
}
const lit = (page: Page) => page.evaluate(() => (window as unknown as { lit: string[] }).lit.slice());
const litState = (page: Page, n: number) => page.locator(`svg g[data-step="${n}"]`).getAttribute('data-flow');

async function runBlock(page: Page, selector: string) {
  const block = page.locator(selector);
  await block.locator('button.run-primary').click();
  await page.waitForFunction((sel) => ['ok', 'failed', 'expected', 'stopped'].includes((document.querySelector(sel) as HTMLElement)?.dataset.state ?? ''), selector, { timeout: 30_000 });
  return block;
}

test('running the block that creates a pod lights the 11 steps in the order the cluster went through them', { skip }, async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watch(page, site.origin);
  try {
    await page.goto(ROUTE);
    await page.locator('run-block .run-bar').first().waitFor();
    await recordSteps(page);
    const block = await runBlock(page, 'run-block[data-id="nginx"]');
    const transcript = await block.locator('.run-transcript').innerText();
    const node = /nginx\s+1\/1\s+Running\s+\d+\s+\S+\s+\S+\s+(node\d+)/.exec(transcript)?.[1];
    assert.ok(node, `the block shows where the pod runs:\n${transcript}`);
    // The steps light up one by one (paced by simulated time), all 11 in the end.
    await page.waitForFunction(() => document.querySelectorAll('svg g[data-flow="done"]').length === 11, null, { timeout: 20_000 });
    const seq = await lit(page);
    const firstDone = [...new Set(seq.filter((s) => s.endsWith(':done')).map((s) => Number(s.split(':')[0])))];
    assert.deepEqual(firstDone, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], `finished in order: ${seq.join(' ')}`);
    // Not a fixed animation: the kubelet reported the pod (Pending) before pulling the image, as
    // the simulated kubelet did — step 10 was active before step 9 started.
    assert.ok(seq.indexOf('10:active') >= 0 && seq.indexOf('10:active') < seq.findIndex((s) => s.startsWith('9:')), seq.join(' '));
    const list = page.locator('.flow-live .flow-list');
    assert.match(await list.locator('li[data-n="7"]').innerText(), new RegExp(`${node}에 바인딩`), 'the node the pod really went to');
    assert.match(await list.locator('li[data-n="8"]').innerText(), new RegExp(`${node}의 kubelet`));
    assert.equal(await page.locator('svg text', { hasText: /^node\d+$/ }).textContent(), node, "the kubelet lane names the pod's node");
    assert.match(await list.locator('li[data-n="1"]').innerText(), /kubectl: POST \/api\/v1\/namespaces\/default\/pods/);
    assert.match(await list.locator('li[data-n="9"]').innerText(), /컨테이너 시작: Started container nginx/);
    assert.match(await page.locator('.flow-live .flow-head').innerText(), /default\/nginx: 11단계를 모두 거쳐 실행 중입니다/);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

    // The same block again: kubectl's create is refused at step 4, and nothing lights after it.
    await page.evaluate(() => ((window as unknown as { lit: string[] }).lit.length = 0));
    await runBlock(page, 'run-block[data-id="nginx"]');
    await page.waitForFunction(() => document.querySelector('svg g[data-step="4"]')?.getAttribute('data-flow') === 'failed', null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    assert.equal(await litState(page, 5), null, 'step 5 not reached');
    assert.equal(await litState(page, 3), 'done');
    assert.match(await list.locator('li[data-n="4"]').innerText(), /pods "nginx" already exists/);
    assert.match(await page.locator('.flow-live .flow-head').innerText(), /4단계 실패/);

    // A pod no node can take, from the terminal: the scheduler saw it, the binding never came.
    await page.locator('.run-page-bar button', { hasText: '터미널 열기' }).click();
    const input = page.locator('.term-in');
    await input.fill(`kubectl run big --image=nginx --overrides='{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"50"}}}]}}'`);
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('svg g[data-step="7"]')?.getAttribute('data-flow') === 'failed', null, { timeout: 20_000 });
    assert.equal(await litState(page, 6), 'done');
    assert.equal(await litState(page, 8), null);
    assert.match(await list.locator('li[data-n="7"]').innerText(), /노드를 찾지 못함: 0\/3 nodes are available: .*Insufficient cpu/);
    // Replay shows the same recorded steps again.
    await page.locator('.flow-live button', { hasText: '다시 보기' }).click();
    await page.waitForFunction(() => document.querySelector('svg g[data-step="7"]')?.getAttribute('data-flow') === 'failed', null, { timeout: 10_000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with reduced motion the steps show at once; nothing lights on a page without the diagram', { skip }, async () => {
  const context = await site.context({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = watch(page, site.origin);
  try {
    await page.goto(ROUTE);
    await page.locator('run-block .run-bar').first().waitFor();
    await runBlock(page, 'run-block[data-id="nginx"]');
    await page.waitForFunction(() => document.querySelectorAll('svg g[data-flow="done"]').length === 11, null, { timeout: 3_000 });
    await page.goto('/notes/31-taints-and-tolerations/');
    await page.locator('run-block .run-bar').first().waitFor();
    await runBlock(page, 'run-block[data-title="myapp-pod.yaml"]');
    assert.equal(await page.locator('.flow-live').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
