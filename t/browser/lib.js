// t/browser/lib.js: the harness of the browser tests (t/browser/NAME.js).
//
// A browser test is a Perl TAP test t/browser/NAME.t that starts the
// servers with t/lib/GKBM.pm and runs t/browser/NAME.js through
// t/lib/GKBM/Chrome.pm; this file is what NAME.js uses.  One Chromium
// (Debian's /usr/bin/chromium, driven by playwright-core) per test file,
// one run of the Nu HTML checker per test file.
//
//   const { run } = require('./lib');
//   run(async (t) => {
//     const page = await t.page('phone');       // or 'desktop'
//     await page.goto(t.url('/login'));
//     await t.check(page, 'login');             // axe + vnu + screenshot
//     t.ok(await page.locator('h1').isVisible(), 'the title shows');
//     t.is(await page.title(), '登录 - …', 'the title');
//     const code = await t.ask('sms_code', '13900000001');   // from Perl
//   });
//
// Every assertion is one JSON line on stdout that Chrome.pm turns into a
// Test::More assertion; t.ask() is a question to the Perl side (one JSON
// line out, one back on stdin).  t.args holds what the .t file passed.
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { execFile } = require('child_process');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.GKBM_CHROMIUM || '/usr/bin/chromium';
const AXE = require.resolve('axe-core/axe.min.js');
const VNU = require('vnu-jar');   // the jar's path
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The two viewports of the suite: a phone as in the issue (390x844,
// touch, zh-CN) and an ordinary office desktop.
const VIEWPORTS = {
  phone: {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
    isMobile: true, hasTouch: true, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 13; gkbm-test) ' +
      'AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36',
  },
  desktop: { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' },
};

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  // Chromium's own words (a file input's button) in Chinese, as on the
  // phones of the people using the site (Debian's chromium-l10n).
  '--lang=zh-CN'];

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

class Run {
  constructor(args) {
    this.args = args;
    this.base = args.base;
    this.test = args.test;
    this.shots = args.shots;
    this.pages = [];         // [{ n, name, file }] for vnu
    this.n = 0;
    this.answers = [];
    this.waiting = [];
    this.contexts = [];
  }

  url(p) { return this.base + (p || '/'); }

  // --- assertions: each one line, one Test::More assertion -----------
  ok(cond, name, diag) {
    emit({ ok: !!cond, name, diag: cond ? undefined : diag });
    return !!cond;
  }

  is(got, want, name) {
    const ok = got === want;
    return this.ok(ok, name, `got: ${JSON.stringify(got)}\n` +
      `expected: ${JSON.stringify(want)}`);
  }

  like(got, re, name) {
    return this.ok(re.test(String(got)), name,
      `got: ${JSON.stringify(got)}\nexpected to match: ${re}`);
  }

  diag(text) { emit({ diag: String(text) }); }

  // --- questions to the Perl side -------------------------------------
  // ask(WHAT, ARGS...): the answer of the handler WHAT of the .t file
  // (Chrome.pm: sms_code, admin, sql, and what the test adds).
  ask(what, ...args) {
    emit({ ask: what, args });
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this._drain();
    });
  }

  _answer(line) {
    this.answers.push(JSON.parse(line));
    this._drain();
  }

  _drain() {
    while (this.answers.length && this.waiting.length) {
      const a = this.answers.shift();
      const w = this.waiting.shift();
      if (a.error) w.reject(new Error(a.error)); else w.resolve(a.value);
    }
  }

  // --- the browser ----------------------------------------------------
  // page(KIND, OPTS): a new page in a new context (own cookies) at the
  // 'phone' or 'desktop' viewport.  The page remembers its last
  // main-frame document response, for check().
  async page(kind, opts) {
    const o = VIEWPORTS[kind || 'phone'];
    if (!o) throw new Error(`no viewport ${kind}`);
    const ctx = await this.browser.newContext({ ...o, ...(opts || {}) });
    this.contexts.push(ctx);
    // A step that waits longer than this has failed (a safety net).
    ctx.setDefaultTimeout(15000);
    const page = await ctx.newPage();
    page.on('response', (r) => {
      if (r.request().isNavigationRequest() &&
          r.frame() === page.mainFrame()) {
        page._gkbmDoc = r;
      }
    });
    page.on('pageerror', (e) => this.ok(false,
      `no script error on ${page.url()}`, String(e)));
    // Chromium's console errors other than an answer's status (a 400 of a
    // refused form, a 404): a Content-Security-Policy refusal, a
    // script's console.error.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) {
        this.ok(false, `no console error on ${page.url()}`, m.text());
      }
    });
    return page;
  }

  // login(PAGE, KIND, LOGIN, PASSWORD): the login page's form of KIND
  // ('candidate' or 'staff') filled and sent as a person would; waits for
  // the page after it.
  async login(page, kind, login, pw) {
    await page.goto(this.url('/login'));
    if (kind === 'staff') await page.click('label[for=tab-staff]');
    await page.fill(`#f-login-${kind}`, login);
    await page.fill(`#f-password-${kind}`, pw);
    await Promise.all([page.waitForNavigation(),
      page.click(`.panel-${kind} button[type=submit]`)]);
  }

  // check(PAGE, NAME): the page as it is now passes axe-core (WCAG 2.1 A
  // and AA, zero violations) and its served HTML goes to the Nu checker
  // at the end (zero errors); a full-page screenshot is kept as
  // shots/TEST/NN-NAME.png.  Returns the axe violations.
  async check(page, name) {
    const n = String(++this.n).padStart(2, '0');
    const base = path.join(this.shots, `${n}-${name}`);
    await page.screenshot({ path: `${base}.png`, fullPage: true });
    const v = await this.axe(page);
    this.ok(v.length === 0, `${n}-${name}: axe WCAG 2.1 A+AA, no violation`,
      v.map(fmtViolation).join('\n'));
    const r = page._gkbmDoc;
    let html = null;
    if (r) {
      try { html = await r.body(); } catch (e) { html = null; }
    }
    if (this.ok(html !== null, `${n}-${name}: the served HTML is read`,
      `url ${page.url()}`)) {
      fs.writeFileSync(`${base}.html`, html);
      this.pages.push({ n, name, file: `${base}.html`, url: page.url() });
    }
    return v;
  }

  // axe(PAGE, OPTS): the axe-core violations of the page (a list).
  async axe(page, opts) {
    const have = await page.evaluate(() => typeof window.axe === 'object');
    if (!have) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
    return page.evaluate(async (o) => {
      const r = await window.axe.run(document, o);
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((x) => ({
          target: x.target.join(' '), summary: x.failureSummary })),
      }));
    }, opts || { runOnly: { type: 'tag', values: AXE_TAGS },
      resultTypes: ['violations'] });
  }

  // selfTest: the checkers can fail.  A page made wrong on purpose
  // (grey text on white, an input without a label, a stray end tag) must
  // give axe violations now and Nu errors at the end (vnu).
  async selfTest() {
    const page = await this.page('desktop');
    const url = this.url('/__gkbm_harness_check');
    await page.route(url, (r) => r.fulfill({ status: 200,
      contentType: 'text/html; charset=utf-8', body: BAD_PAGE }));
    await page.goto(url);
    const ids = (await this.axe(page)).map((v) => v.id);
    this.ok(ids.includes('color-contrast') && ids.includes('label'),
      'harness: axe finds the faults of a page made wrong', ids.join(' '));
    this.bad = path.join(this.shots, '00-harness-check.html');
    fs.writeFileSync(this.bad, await page._gkbmDoc.body());
    await page.context().close();
  }

  // vnu: the Nu checker over every page check() kept; one assertion per
  // page (zero errors), one that it found the errors of selfTest's page,
  // one that each of its messages is about a page it was given.
  async vnu() {
    if (!this.pages.length) return;
    const files = this.pages.map((p) => p.file);
    if (this.bad) files.push(this.bad);
    const out = await new Promise((resolve) => {
      // A short run: the quick JIT alone and one GC thread halve its CPU
      // time; the quick JIT needs the larger stack the checker asks for.
      execFile('java', ['-Xss8m', '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC', '-jar', VNU, '--format', 'json',
        '--exit-zero-always', ...files],
      { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
        resolve({ err, text: stderr || stdout }));
    });
    let msgs = [];
    try {
      msgs = JSON.parse(out.text).messages;
    } catch (e) {
      this.ok(false, 'the Nu checker ran', `${out.err || ''}\n${out.text}`);
      return;
    }
    const file = (m) => decodeURIComponent(m.url || '').replace(/^file:/, '');
    const stray = msgs.filter((m) => !files.includes(file(m)));
    this.ok(stray.length === 0, 'every Nu checker message is of a page given',
      JSON.stringify(stray.slice(0, 3)));
    if (this.bad) {
      this.ok(msgs.some((m) => file(m) === this.bad && m.type === 'error'),
        'harness: the Nu checker finds the errors of a page made wrong');
    }
    for (const p of this.pages) {
      const errs = msgs.filter((m) => file(m) === p.file &&
        m.type !== 'info');
      this.ok(errs.length === 0, `${p.n}-${p.name}: Nu HTML checker, ` +
        'no error', errs.slice(0, 10).map((m) =>
        `${m.type} line ${m.lastLine}: ${m.message}\n  ${m.extract || ''}`)
        .join('\n') + `\n(${p.url})`);
    }
  }

  // Playwright gives each launch a fresh, empty user-data-dir of its own
  // (removed at close); never a downloaded browser.
  async start() {
    fs.mkdirSync(this.shots, { recursive: true });
    for (const f of fs.readdirSync(this.shots)) {
      fs.rmSync(path.join(this.shots, f), { force: true });
    }
    this.browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS,
      // On Linux Chromium takes its UI language from LANGUAGE.
      env: { ...process.env, LANGUAGE: 'zh_CN' },
    });
  }

  async stop() {
    for (const c of this.contexts) await c.close().catch(() => {});
    if (this.browser) await this.browser.close().catch(() => {});
  }
}

// The page of selfTest: wrong for axe and for the Nu checker.
const BAD_PAGE = '<!DOCTYPE html><html lang="zh-CN"><head><meta ' +
  'charset="utf-8"><title>harness</title></head><body><main>' +
  '<p style="color:#ccc;background:#fff">浅灰色的字</p>' +
  '<input type="text"></div></main></body></html>';

function fmtViolation(v) {
  return `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((x) =>
    `  ${x.target}\n    ${(x.summary || '').replace(/\n/g, '\n    ')}`)
    .join('\n');
}

// run(FN): parse the arguments (JSON in GKBM_BROWSER_ARGS), start
// Chromium, call FN(t), run vnu, stop.  An exception in FN is one
// failed assertion; the process exits 0 unless the harness itself broke.
function run(fn) {
  const args = JSON.parse(process.env.GKBM_BROWSER_ARGS || '{}');
  const t = new Run(args);
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (l) => t._answer(l));
  (async () => {
    try {
      await t.start();
    } catch (e) {
      t.ok(false, 'Chromium starts', e.stack);
      process.exit(1);
    }
    try {
      await t.selfTest();
      await fn(t);
    } catch (e) {
      t.ok(false, 'the browser test ran to its end', e.stack);
    }
    await t.stop();
    await t.vnu();
    rl.close();
    emit({ done: true });
    process.exit(0);
  })();
}

module.exports = { run, VIEWPORTS, AXE_TAGS };
