// review.js: the review's decision pages and the candidate's 站内消息 at a
// phone's and a desktop's size (review.t says what and why).
'use strict';

const { run } = require('./lib');

// post(T, PAGE, ACTION, FIELDS): as the page's own form would, a POST of
// FIELDS (arrays repeat) with the page's CSRF token to ACTION; waits for
// the answer and returns its status.
async function post(t, page, action, fields) {
  const [r] = await Promise.all([
    page.waitForNavigation(),
    page.evaluate(([a, f]) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = a;
      const add = (k, v) => {
        const i = document.createElement('input');
        i.type = 'hidden';
        i.name = k;
        i.value = v;
        form.appendChild(i);
      };
      add('csrf', document.querySelector('input[name=csrf]').value);
      for (const [k, v] of Object.entries(f)) {
        for (const x of [].concat(v)) add(k, x);
      }
      document.body.appendChild(form);
      form.submit();
    }, [action, fields]),
  ]);
  return r ? r.status() : 0;
}

async function version(t, id) {
  return String(await t.ask('sql',
    'SELECT version FROM applications WHERE id = ?', id));
}

async function staffPages(t, kind) {
  const [login, pw] = t.args.unit;
  const page = await t.page(kind);
  await t.login(page, 'staff', login, pw);
  const [app, old] = t.args.stale;
  let st = await post(t, page, '/review/decide',
    { id: app, version: old, action: 'pass' });
  t.is(st, 409, `${kind}: a decision made first by someone else: 409`);
  t.like(await page.textContent('main'), /您的审核没有保存[\s\S]*退回本人/,
    `${kind}: the 409 page says what happened`);
  await t.check(page, `${kind}-409`);

  await page.goto(t.url('/home'));
  const w = t.args.waiting;
  st = await post(t, page, '/review/decide',
    { id: w, version: await version(t, w), action: 'return', reason: '' });
  t.is(st, 400, `${kind}: a return without a reason: 400`);
  t.ok(await page.locator('.has-error').count(),
    `${kind}: the reason field shows its error`);
  await t.check(page, `${kind}-refused`);
  // The form again: a reason typed, sent, and the decision is made.
  await page.fill('#f-reason', '缺少学历证书');
  await page.check('input[name=action][value=return]');
  await Promise.all([page.waitForNavigation(),
    page.click('form.decide-form button[type=submit]')]);
  t.like(page.url(), /\/review\/(app|queue)/,
    `${kind}: sent again from the refusal page, it is decided`);
  t.is(await t.ask('sql', 'SELECT state FROM applications WHERE id = ?', w),
    'returned', `${kind}: ... returned`);
  await t.ask('sql_do', 'UPDATE applications SET state = \'submitted\', ' +
    'wait_step = 1, wait_level = \'unit\', wait_unit_id = (SELECT unit_id ' +
    'FROM app_chain WHERE application_id = ? AND step = 1), ' +
    'version = version + 1 WHERE id = ?', w, w);

  await page.goto(t.url('/home'));
  const [b2, b3, v3] = t.args.batch;
  st = await post(t, page, '/review/batch', { action: 'pass',
    ids: [`${b2}:${await version(t, b2)}`, `${b3}:${v3}`] });
  t.is(st, 200, `${kind}: a batch: 200`);
  t.like(await page.textContent('main'), /共2条/,
    `${kind}: the batch page counts the rows`);
  await t.check(page, `${kind}-batch`);
  await page.context().close();
}

async function falsePage(t, kind) {
  const [login, pw] = t.args.city;
  const page = await t.page(kind);
  await t.login(page, 'staff', login, pw);
  const id = t.args.cancel;
  const st = await post(t, page, '/review/false',
    { id, version: await version(t, id), reason: '' });
  t.is(st, 400, `${kind}: 填报虚假信息 without a reason: 400`);
  await t.check(page, `${kind}-false-refused`);
  await page.context().close();
}

async function messages(t, kind) {
  const [login, pw] = t.args.candidate;
  const page = await t.page(kind);
  await t.login(page, 'candidate', login, pw);
  await page.goto(t.url('/home'));
  t.ok(await page.locator('#messages .unread').count(),
    `${kind}: the home page shows an unread 站内消息`);
  await t.check(page, `${kind}-home-messages`);
  if (await page.locator('#messages .unread').count()) {
    await Promise.all([page.waitForNavigation(),
      page.locator('#messages .unread button').first().click()]);
    t.like(page.url(), /\/home\?m=read/, `${kind}: marked read`);
    await t.check(page, `${kind}-home-read`);
  }
  await page.context().close();
}

run(async (t) => {
  for (const kind of ['phone', 'desktop']) {
    await staffPages(t, kind);
    await falsePage(t, kind);
  }
  await messages(t, 'phone');
  await t.ask('sql_do', 'UPDATE messages SET read_at = NULL');
  await messages(t, 'desktop');
});
