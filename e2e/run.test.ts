/**
 * Runnable notes in Chromium: run a manifest and see its pod on a node in the cluster view; edit
 * and re-run; an unschedulable pod explained; terminal history and completion; state across a
 * reload; reset and share links; keyboard-only use; huge pastes and YAML bombs (editor and
 * terminal) that never freeze the page; cluster text (names in errors, annotations, logs) shown as
 * text; axe with every panel open.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { builtHtml, builtRoutes, startSite, watch, type Site } from './support.ts';

const ROUTE = '/notes/31-taints-and-tolerations/';
const POD_FILE = 'myapp-pod.yaml';
const available = builtRoutes().includes(ROUTE) && builtHtml(ROUTE).includes(`data-title="${POD_FILE}"`);
const skip = available ? false : `${ROUTE} with a ${POD_FILE} block is not built`;
const BIG_POD = `kubectl run big --image=nginx --overrides='{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"5"}}}]}}'`;

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

async function withPage(fn: (page: Page, context: BrowserContext, problems: string[]) => Promise<void>, options: Parameters<Site['context']>[0] = {}) {
  const context = await site.context({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = watch(page, site.origin);
  try {
    await fn(page, context, problems);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

async function open(page: Page, route = ROUTE) {
  await page.goto(route);
  await page.locator('run-block .run-bar').first().waitFor();
}

const podBlock = (page: Page) => page.locator(`run-block[data-title="${POD_FILE}"]`);

/** Waits until the block has finished (done, failed or expected) and returns its state. */
async function finished(block: Locator): Promise<string> {
  const handle = await block.elementHandle();
  await block.page().waitForFunction((el) => !!el && ['ok', 'failed', 'expected', 'stopped'].includes((el as HTMLElement).dataset.state ?? ''), handle, { timeout: 30_000 });
  return (await block.getAttribute('data-state')) ?? '';
}

async function openDock(page: Page, tab: '클러스터 보기' | '터미널 열기') {
  await page.locator('.run-page-bar button', { hasText: tab }).click();
  await page.locator('.run-dock').waitFor();
  await page.waitForFunction(() => document.querySelector('.run-clock')?.textContent !== '—', null, { timeout: 30_000 });
}

async function term(page: Page, line: string) {
  const input = page.locator('.term-in');
  const before = await page.locator('.term-out').evaluate((el) => el.childNodes.length);
  await input.fill(line);
  await input.press('Enter');
  await page.waitForFunction((n) => (document.querySelector('.term-out')?.childNodes.length ?? 0) > n && !document.querySelector('.term-in')?.hasAttribute('aria-busy'), before, { timeout: 30_000 });
}

test('run a manifest: feedback within the frame, output in place, the pod on a node in the cluster view', { skip }, async () => {
  await withPage(async (page) => {
    await open(page);
    const block = podBlock(page);
    // The click answers before any code has loaded.
    const status = await block.locator('button.run-primary').evaluate((b) => {
      (b as HTMLButtonElement).click();
      return b.closest('run-block')!.querySelector('.run-status')!.textContent;
    });
    assert.ok(status && status.length > 0, 'a state right away');
    assert.equal(await finished(block), 'ok');
    assert.match(await block.locator('.run-transcript').innerText(), /^\$ kubectl apply -f myapp-pod\.yaml\npod\/myapp-pod created/);
    await openDock(page, '클러스터 보기');
    const pod = page.locator('.cv-node .cv-pod', { hasText: 'myapp-pod' });
    await pod.waitFor();
    const node = await pod.evaluate((el) => el.closest('.cv-node')!.querySelector('.cv-node-name')!.textContent);
    assert.match(node ?? '', /^node0[12]$/, 'a worker node (the control plane is tainted)');
    // Time flows while the dock is open: the pod gets to Running.
    await page.locator('button', { hasText: '+30초' }).click();
    await page.locator('.cv-node .cv-pod', { hasText: 'Running' }).filter({ hasText: 'myapp-pod' }).waitFor({ timeout: 20_000 });
    // describe and YAML of the pod.
    await pod.click();
    await page.locator('.cv-detail pre', { hasText: 'Name:' }).waitFor();
    await page.locator('.cv-detail button', { hasText: 'YAML' }).click();
    await page.locator('.cv-detail pre', { hasText: 'kind: Pod' }).waitFor();
    // A mistake block fails with the real error and says it was expected.
    const mistake = page.locator('run-block[data-mistake]').first();
    await mistake.locator('button.run-primary').click();
    assert.equal(await finished(mistake), 'expected');
    assert.match(await mistake.locator('.run-err').first().innerText(), /invalid taint effect/);
  });
});

test('opening and closing the dock from a block keeps the block where it was on screen', { skip }, async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 780 }]) {
    await withPage(
      async (page) => {
        await open(page);
        const block = podBlock(page);
        await block.locator('button.run-primary').click();
        assert.equal(await finished(block), 'ok');
        const show = block.locator('.run-out-tools button', { hasText: '클러스터 보기' });
        // The block in the middle of the window, below other text, as a reader has it.
        await show.evaluate((b) => window.scrollBy(0, b.getBoundingClientRect().top - window.innerHeight / 2));
        const top = () => show.evaluate((b) => Math.round(b.getBoundingClientRect().top));
        const before = await top();
        await show.click();
        await page.locator('.run-dock').waitFor();
        assert.ok(Math.abs((await top()) - before) <= 2, `${viewport.width}px: the block stays put when the dock opens (${before} → ${await top()})`);
        await page.keyboard.press('Escape');
        await page.locator('.run-dock').waitFor({ state: 'hidden' });
        assert.ok(Math.abs((await top()) - before) <= 2, `${viewport.width}px: and when it closes (${before} → ${await top()})`);
      },
      { viewport },
    );
  }
});

test('edit and re-run; the edit survives a reload; reset to the original', { skip }, async () => {
  await withPage(async (page) => {
    await open(page);
    const block = podBlock(page);
    await block.locator('button', { hasText: '편집' }).click();
    const editor = block.locator('textarea.run-editor');
    await editor.waitFor();
    assert.equal(await editor.evaluate((el) => el === document.activeElement), true, 'the editor has focus');
    const original = await editor.inputValue();
    await editor.fill(original.replace('name: myapp-pod', 'name: edited-pod'));
    // YAML help: Enter after "key:" indents one level.
    await editor.evaluate((ta: HTMLTextAreaElement) => ta.setSelectionRange(ta.value.indexOf('metadata:') + 9, ta.value.indexOf('metadata:') + 9));
    await editor.press('Enter');
    assert.match(await editor.inputValue(), /metadata:\n  \n  name: edited-pod/);
    await editor.press('Backspace');
    await editor.press('Backspace');
    await editor.press('Backspace');
    await page.waitForTimeout(400);
    await block.locator('button.run-primary').click();
    assert.equal(await finished(block), 'ok');
    assert.match(await block.locator('.run-transcript').innerText(), /pod\/edited-pod created/);
    assert.equal(await block.getAttribute('data-edited'), '');

    await page.reload();
    await podBlock(page).locator('textarea.run-editor').waitFor();
    assert.match(await podBlock(page).locator('textarea.run-editor').inputValue(), /name: edited-pod/);
    assert.match(await podBlock(page).locator('.run-transcript').innerText(), /pod\/edited-pod created/, 'the output is back too');
    await podBlock(page).locator('button', { hasText: '원래대로' }).click();
    assert.equal(await podBlock(page).locator('textarea').count(), 0);
    assert.equal(await podBlock(page).locator('pre.astro-code').isVisible(), true);
    assert.equal(await podBlock(page).getAttribute('data-edited'), null);
  });
});

test('an unschedulable pod: the node × plugin table and the FailedScheduling message explained', { skip }, async () => {
  await withPage(async (page) => {
    await open(page);
    await openDock(page, '터미널 열기');
    await term(page, BIG_POD);
    await page.locator('.run-tabs [role=tab]', { hasText: '클러스터' }).click();
    await page.locator('.cv-queue .cv-pod', { hasText: 'big' }).click();
    const table = page.locator('.why-table');
    await table.waitFor();
    assert.match(await table.locator('caption').innerText(), /default\/big/);
    assert.ok((await table.locator('tbody tr').count()) >= 3, 'a row per node');
    assert.ok((await table.locator('td.why-fail').count()) >= 3, 'every node failed a filter');
    assert.match(await table.innerText(), /Insufficient cpu/);
    const why = await page.locator('.why').innerText();
    assert.match(why, /Pending으로 남습니다/);
    assert.match(why, /0\/3 nodes are available/);
    assert.match(why, /CPU가 모자랍니다/);
  });
});

test('terminal: completion, history (kept across reloads), here-documents, aliases, vi, Ctrl+L', { skip }, async () => {
  await withPage(async (page) => {
    await open(page);
    await openDock(page, '터미널 열기');
    const input = page.locator('.term-in');
    assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'the prompt has focus');
    const value = (v: string) => page.waitForFunction((want) => (document.querySelector('.term-in') as HTMLTextAreaElement).value === want, v);
    await input.fill('kubectl descr');
    await input.press('Tab');
    await value('kubectl describe ');
    await input.pressSequentially('node controlp');
    await input.press('Tab');
    await value('kubectl describe node controlplane ');
    await input.press('Enter');
    await page.locator('.term-out', { hasText: 'Taints:' }).waitFor();
    // Several candidates: listed below, as bash does.
    await input.fill('kubectl get pods --all');
    await input.press('Tab');
    await page.locator('.term-out', { hasText: '--all-namespaces' }).waitFor();
    await input.fill('');
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), 'kubectl describe node controlplane ');
    // A pasted here-document runs as one command.
    // (term() waits for each answer: the next line's count of output must not be taken before it.)
    await term(page, "cat <<'EOF' > hello.txt\n<b>hello</b>\nEOF");
    await term(page, 'alias k=kubectl');
    await term(page, 'k get ns default');
    await term(page, 'cat hello.txt');
    const out = page.locator('.term-out');
    assert.match(await out.innerText(), /<b>hello<\/b>/);
    assert.equal(await out.locator('b').count(), 0, 'text, not markup');
    assert.match(await out.innerText(), /default\s+Active/);
    // stderr of a command that failed is an error; of one that succeeded, information (another style).
    await term(page, 'cat nothing.txt');
    await term(page, 'ssh node01');
    await term(page, 'exit');
    assert.equal(await out.locator('.run-err:not(.run-err-ok)', { hasText: 'No such file or directory' }).count(), 1);
    assert.equal(await out.locator('.run-err.run-err-ok', { hasText: 'Connection to node01 closed.' }).count(), 1);
    // vi opens the in-page editor; saving writes the file.
    await input.fill('vi notes.txt');
    await input.press('Enter');
    const ed = page.locator('.term-editor textarea');
    await ed.waitFor();
    await ed.fill('written in vi');
    await page.locator('.term-editor button', { hasText: '저장하고 닫기' }).click();
    await page.locator('.term-out', { hasText: '"notes.txt" [New] 1L, 14B written' }).waitFor();
    await term(page, 'cat notes.txt');
    assert.match(await out.innerText(), /written in vi/);
    // kubectl edit opens the same editor on the object; saving patches it as kubectl does.
    await term(page, 'kubectl run web --image=nginx');
    await input.fill('kubectl edit pod web');
    await input.press('Enter');
    await ed.waitFor();
    assert.match(await ed.inputValue(), /^# Please edit the object below/);
    await ed.fill((await ed.inputValue()).replace('image: nginx', 'image: nginx:1.27'));
    await page.locator('.term-editor button', { hasText: '저장하고 닫기' }).click();
    await page.locator('.term-out', { hasText: 'pod/web edited' }).waitFor();
    await input.press('Control+l');
    assert.equal(await out.innerText(), '');

    await page.reload();
    await openDock(page, '터미널 열기');
    await page.locator('.term-in').press('ArrowUp');
    assert.equal(await page.locator('.term-in').inputValue(), 'kubectl edit pod web', 'history survives the reload');
    await term(page, 'cat notes.txt');
    assert.match(await page.locator('.term-out').innerText(), /written in vi/, 'so does the file (the session replays)');
  });
});

test('simulator code on demand: a first run fetches only the core; describe brings its chunk; a command hidden behind an alias still answers exactly (the session replays with all code)', { skip }, async () => {
  await withPage(async (page) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await open(page);
    // The taint page's first shell block: kubectl taint, from the first chunks alone.
    const block = page.locator('run-block:not([data-kind]):not([data-mistake])').first();
    await block.locator('button.run-primary').click();
    assert.equal(await finished(block), 'ok');
    const chunk = (name: string) => fetched.some((p) => new RegExp(`/_astro/${name}-[\\w-]+\\.js$`).test(p));
    // One file for the worker: its entry holds the core (no second chunk to find once it is parsed).
    const workerFiles = fetched.filter((p) => /\/_astro\/(sim\.worker|sim-core)[\w.-]*\.js$/.test(p));
    assert.deepEqual(workerFiles.map((p) => p.replace(/-[\w-]+\.js$/, '')), ['/_astro/sim.worker'], `the worker's code: ${workerFiles.join(' ')}`);
    assert.ok(!chunk('describe') && !chunk('emitter') && !chunk('rollout'), `no on-demand chunk for a taint: ${fetched.join(' ')}`);
    await openDock(page, '터미널 열기');
    const out = page.locator('.term-out');
    await term(page, 'kubectl run web --image=nginx');
    await term(page, 'kubectl describe pod web');
    assert.ok(chunk('describe'), 'describe fetched its chunk');
    assert.match(await out.innerText(), /Name:\s+web\n/);
    // No line says "rollout" as a word: the stand-in misses, the worker loads everything and replays.
    await term(page, "alias kr='kubectl roll''out'");
    await term(page, 'kubectl create deployment app --image=nginx');
    assert.ok(!chunk('rollout') && !chunk('etcdctl'), 'not loaded before the miss');
    await term(page, 'kr history deployment/app');
    assert.ok(chunk('rollout') && chunk('etcdctl'), 'everything loaded after the miss');
    const text = await out.innerText();
    assert.doesNotMatch(text, /불러오지 않았습니다|시뮬레이터 오류/);
    assert.match(text, /deployment\.apps\/app \nREVISION\s+CHANGE-CAUSE\n1\s+<none>/);
    // The replayed session is the same session: the pod made before is still there, once.
    await term(page, 'kubectl get pods web --no-headers -o custom-columns=NAME:.metadata.name');
    assert.match(await out.innerText(), /\nweb\n/);
    // A long jump runs in steps (progress between them) and ends where it should.
    await page.getByRole('button', { name: '시간을 5분 앞으로' }).click();
    await page.getByText('시간을 5분 앞으로 옮겼습니다.').waitFor();
    await term(page, 'kubectl get pod web -o jsonpath={.status.phase}');
    assert.match(await out.innerText(), /Running$/m);
  });
});

test('state survives a reload; a share link rebuilds the session elsewhere; reset; damaged storage is reset with a notice', { skip }, async () => {
  let link = '';
  await withPage(async (page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await open(page);
    await podBlock(page).locator('button.run-primary').click();
    assert.equal(await finished(podBlock(page)), 'ok');
    await page.reload();
    assert.match(await podBlock(page).locator('.run-transcript').innerText(), /pod\/myapp-pod created/);
    await openDock(page, '클러스터 보기');
    await page.locator('.cv-pod', { hasText: 'myapp-pod' }).waitFor();
    await page.locator('.run-dock button', { hasText: '공유 링크' }).click();
    await page.waitForFunction(() => (document.querySelector('.run-share-out') as HTMLInputElement)?.value.includes('#run='));
    link = await page.locator('.run-share-out').inputValue();
    assert.ok(link.startsWith(`${site.origin}${ROUTE}#run=`));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    // A reset that would drop commands asks first; cancelling keeps everything.
    await page.locator('.run-dock .run-row button', { hasText: '초기화' }).click();
    const ask = page.locator('.run-ask');
    assert.match(await ask.innerText(), /명령 1개와 그 결과가 사라지며/);
    await ask.locator('button', { hasText: '취소' }).click();
    await page.locator('.run-live', { hasText: '초기화하지 않았습니다' }).waitFor();
    assert.ok(await page.locator('.cv-pod', { hasText: 'myapp-pod' }).isVisible());
    await page.locator('.run-dock .run-row button', { hasText: '초기화' }).click();
    await ask.locator('button', { hasText: '초기화' }).click();
    await page.locator('.run-live', { hasText: '처음 상태' }).waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('.cv-pod')].some((p) => p.textContent?.includes('myapp-pod')));
    assert.equal(await podBlock(page).locator('.run-out').count(), 0, 'outputs go with the session');
  });
  // Someone else opens the link: asked first, then the same cluster.
  await withPage(async (page) => {
    await page.goto(link);
    const ask = page.locator('.run-ask');
    await ask.waitFor();
    assert.match(await ask.innerText(), /공유받은 실습 세션/);
    await ask.locator('button', { hasText: '불러오기' }).click();
    await page.locator('.cv-pod', { hasText: 'myapp-pod' }).waitFor({ timeout: 30_000 });
    assert.equal(new URL(page.url()).hash, '', 'the link data leaves the address bar');
  });
  // Damaged storage and a damaged link never break the page.
  await withPage(async (page, context) => {
    await page.goto(ROUTE, { waitUntil: 'networkidle' });
    await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"ops":[{"t":"zzz"}]'), 'kubenote:v1:page:31-taints-and-tolerations');
    await page.reload();
    await page.locator('.run-toast', { hasText: '손상' }).waitFor();
    await podBlock(page).locator('button.run-primary').click();
    assert.equal(await finished(podBlock(page)), 'ok');
    const other = await context.newPage();
    const otherProblems = watch(other, site.origin);
    await other.goto(`${ROUTE}#run=AAAA-not-a-session`);
    await other.locator('.run-live', { hasText: '공유 링크를 읽을 수 없습니다' }).waitFor();
    await other.locator('.cv-pod', { hasText: 'myapp-pod' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(otherProblems, []);
  });
});

test('keyboard only: run a block, open the dock, switch tabs, close it with Escape', { skip }, async () => {
  await withPage(async (page) => {
    await open(page);
    // Tab from the top of the page to the first run button of the pod block.
    const target = podBlock(page).locator('button.run-primary');
    let found = false;
    for (let i = 0; i < 200 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await target.evaluate((el) => el === document.activeElement);
    }
    assert.ok(found, 'the run button is reachable with Tab');
    await page.keyboard.press('Enter');
    assert.equal(await finished(podBlock(page)), 'ok');
    const bar = page.locator('.run-page-bar button', { hasText: '클러스터 보기' });
    await bar.focus();
    await page.keyboard.press('Enter');
    await page.locator('.run-dock').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('[role=tab][aria-selected=true]').innerText(), '터미널');
    assert.equal(await page.locator('.run-panel-terminal').isVisible(), true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.run-dock').isVisible(), false);
    assert.equal(await bar.evaluate((el) => el === document.activeElement), true, 'focus returns to the button that opened it');
    // The editor never traps focus: Escape, then Tab leaves it.
    await podBlock(page).locator('button', { hasText: '편집' }).focus();
    await page.keyboard.press('Enter');
    await podBlock(page).locator('textarea').waitFor();
    await page.keyboard.press('Tab');
    assert.match(await podBlock(page).locator('textarea').inputValue(), / {2}$/, 'Tab indents inside the editor');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await podBlock(page).locator('textarea').evaluate((el) => el === document.activeElement), false);
  });
});

test('10 MB pastes and a YAML bomb never block the page for more than 100 ms, and end in a clear message', { skip }, async () => {
  await withPage(async (page) => {
    await open(page);
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    // The 10 MB clipboard is made in one task (the test's own work), pasted in the next (the page's).
    const paste = async (selector: string) => {
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', 'x'.repeat(10_000_000));
        (window as unknown as { clip: DataTransfer }).clip = data;
      });
      await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
      return page.evaluate((sel) => {
        const el = document.querySelector(sel) as HTMLTextAreaElement;
        el.focus();
        const ev = new ClipboardEvent('paste', { clipboardData: (window as unknown as { clip: DataTransfer }).clip, bubbles: true, cancelable: true });
        el.dispatchEvent(ev);
        return { prevented: ev.defaultPrevented, length: el.value.length };
      }, selector);
    };
    const longTasks = () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.slice());
    // On a busy machine one attempt can be slowed by others; the page's own cost is the best of three.
    const bestOf3 = async (selector: string) => {
      let best: { r: { prevented: boolean; length: number }; long: number[] } | null = null;
      for (let i = 0; i < 3; i++) {
        const r = await paste(selector);
        await page.waitForTimeout(50);
        const long = await longTasks();
        if (!best || Math.max(0, ...long) < Math.max(0, ...best.long)) best = { r, long };
        if (long.every((d) => d <= 100)) break;
      }
      return best!;
    };
    await podBlock(page).locator('button', { hasText: '편집' }).click();
    await podBlock(page).locator('textarea').waitFor();
    const { r: r1, long: afterPaste1 } = await bestOf3(`run-block[data-title="${POD_FILE}"] textarea`);
    assert.equal(r1.prevented, true);
    assert.ok(r1.length < 10_000);
    await page.locator('.run-toast', { hasText: '너무 큽니다' }).waitFor();
    await openDock(page, '터미널 열기');
    const { r: r2, long: afterPaste2 } = await bestOf3('.term-in');
    assert.equal(r2.prevented, true);
    await page.locator('.term-out', { hasText: '너무 큽니다' }).waitFor();
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    // A YAML bomb: the simulator refuses it, as kubectl does.
    const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
    await podBlock(page).locator('textarea').fill(bomb);
    await page.waitForTimeout(300);
    await podBlock(page).locator('button.run-primary').click();
    assert.equal(await finished(podBlock(page)), 'failed');
    assert.match(await podBlock(page).locator('.run-transcript').innerText(), /excessive aliasing/);
    // The same bomb pasted into the terminal as a here-document.
    const input = page.locator('.term-in');
    await input.fill(`kubectl apply -f - <<'EOF'\n${bomb}\nEOF`);
    await input.press('Enter');
    await page.locator('.term-out', { hasText: 'yaml: document contains excessive aliasing' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('.term-in')?.hasAttribute('aria-busy'));
    const long = [...afterPaste1, ...afterPaste2, ...(await longTasks())];
    assert.deepEqual(long.filter((d) => d > 100), [], `long tasks: ${long.map((d) => Math.round(d)).join(', ')}`);
  });
});

test('names, annotations, logs and errors that hold HTML or script are shown as text, in outputs, the terminal and the cluster view', { skip }, async () => {
  await withPage(async (page) => {
    await open(page);
    // A block edited so its error message repeats markup from the manifest.
    await podBlock(page).locator('button', { hasText: '편집' }).click();
    const editor = podBlock(page).locator('textarea.run-editor');
    await editor.fill((await editor.inputValue()).replace('name: myapp-pod', 'name: "<img src=x onerror=window.__xss=1>"'));
    await page.waitForTimeout(300);
    await podBlock(page).locator('button.run-primary').click();
    assert.equal(await finished(podBlock(page)), 'failed');
    const transcript = podBlock(page).locator('.run-transcript');
    assert.match(await transcript.innerText(), /Invalid value: "<img src=x onerror=window.__xss=1>"/);
    assert.equal(await transcript.locator('img').count(), 0);
    // A pod whose annotation and log are markup.
    await openDock(page, '터미널 열기');
    await term(page, `kubectl run xss --image=busybox --annotations='note=<img src=x onerror="window.__xss=2">' -- sh -c 'echo "<script>window.__xss=3</script><b>bold</b>"; sleep 3600'`);
    await term(page, 'sleep 10');
    await term(page, 'kubectl logs xss');
    const out = page.locator('.term-out');
    assert.match(await out.innerText(), /<script>window\.__xss=3<\/script><b>bold<\/b>/);
    await page.locator('.run-tabs [role=tab]', { hasText: '클러스터' }).click();
    await page.locator('.cv-node .cv-pod', { hasText: 'xss' }).click();
    const detail = page.locator('.cv-detail pre', { hasText: 'Annotations:' });
    await detail.waitFor();
    assert.match(await detail.innerText(), /note: <img src=x onerror="window\.__xss=2">/);
    await page.locator('.cv-detail button', { hasText: 'YAML' }).click();
    await page.locator('.cv-detail pre', { hasText: 'window.__xss=2' }).waitFor();
    // Nothing of it became markup, nothing ran.
    assert.equal(await page.locator('run-block img, run-block script, run-block b, .run-dock img, .run-dock script, .run-dock b').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 360]) {
    test(`axe: every run panel open, ${theme} theme, ${width} px`, { skip }, async () => {
      await withPage(
        async (page) => {
          await open(page);
          const check = async (what: string) => {
            const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode(true).analyze();
            assert.deepEqual(
              r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
              [],
              what,
            );
          };
          await podBlock(page).locator('button.run-primary').click();
          await finished(podBlock(page));
          await page.locator('run-block[data-mistake] button.run-primary').first().click();
          await finished(page.locator('run-block[data-mistake]').first());
          await podBlock(page).locator('button', { hasText: '편집' }).click();
          await openDock(page, '터미널 열기');
          await term(page, BIG_POD);
          await term(page, 'kubectl get pods');
          await check('outputs, editor, terminal');
          await page.locator('.run-tabs [role=tab]', { hasText: '클러스터' }).click();
          await page.locator('.cv-labels summary').first().click();
          await page.locator('.cv-queue .cv-pod').first().click();
          await page.locator('.why-table').waitFor();
          await check('cluster view with the scheduling explanation');
          await page.locator('.cv-node .cv-pod').first().click();
          await page.locator('.cv-detail pre').waitFor();
          await page.locator('.run-dock button', { hasText: '공유 링크' }).click();
          await page.locator('.run-share-out').waitFor();
          await check('describe and share link');
        },
        { colorScheme: theme, viewport: { width, height: width < 500 ? 780 : 900 } },
      );
    });
  }
}
