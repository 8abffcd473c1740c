// staff.js: the staff pages of today at a desktop's size, and the menu of
// every role at a phone's size (staff.t says what and why).
'use strict';

const { run } = require('./lib');

const ROLES = ['province', 'city', 'county', 'unit', 'reviewer',
  'supervising'];

// The same-site links of the menu, in order.
async function menuLinks(page) {
  return page.$$eval('nav.menu a[href^="/"]', (as) =>
    as.map((a) => a.getAttribute('href')));
}

async function staffPages(t, role) {
  const [login, pw] = t.args[role];
  const page = await t.page('desktop');
  await t.login(page, 'staff', login, pw);
  t.like(new URL(page.url()).pathname, /^\/(home|password)$/,
    `${role}: the login leads home`);
  await t.check(page, `${role}-home`);
  t.ok(await page.locator('.menu-bar').isVisible() &&
    !(await page.locator('.menu-narrow').isVisible()),
  `${role}: at desktop size the menu is a bar`);
  const seen = new Set([new URL(page.url()).pathname]);
  for (const href of await menuLinks(page)) {
    if (seen.has(href)) continue;
    seen.add(href);
    const r = await page.goto(t.url(href));
    t.is(r.status(), 200, `${role}: ${href} answers 200`);
    await t.check(page, `${role}${href.replace(/\//g, '-')}`);
  }
  // The second page of 报名查询, where a pager shows.
  if (seen.has('/admin/registrations')) {
    const next = page.locator('.pager a', { hasText: '下一页' });
    await page.goto(t.url('/admin/registrations'));
    if (await next.count()) {
      await Promise.all([page.waitForNavigation(), next.first().click()]);
      await t.check(page, `${role}-registrations-2`);
    }
  }
  if (role === 'province') await provinceForms(t, page);
  if (role === 'county') {
    const r = await page.goto(t.url('/admin/windows'));
    t.is(r.status(), 403, 'county: 时间设置 is refused');
    await t.check(page, 'county-forbidden');
  }
  await page.context().close();
}

// The province's forms answered: a refused window, a saved policy, a
// filtered list.
async function provinceForms(t, page) {
  await page.goto(t.url('/admin/windows'));
  const starts = await page.inputValue('#f-starts_at');
  await page.fill('#f-ends_at', starts.replace(/^(\d{4})/,
    (y) => String(+y - 1)));
  await Promise.all([page.waitForNavigation(),
    page.locator('form.windows-form button[type=submit]').click()]);
  t.ok(await page.locator('.has-error, .msg-error').count(),
    'province: an end before the start is refused');
  await t.check(page, 'province-windows-refused');
  await page.goto(t.url('/admin/policy'));
  await Promise.all([page.waitForNavigation(),
    page.locator('form.policy-form button[type=submit]').click()]);
  await t.check(page, 'province-policy-saved');
  await page.goto(t.url('/admin/registrations'));
  await page.selectOption('#f-level', '4');
  await Promise.all([page.waitForNavigation(),
    page.getByRole('button', { name: '查询' }).click()]);
  t.like(page.url(), /level=4/, 'province: 报名查询 filters by level');
  await t.check(page, 'province-registrations-level');
}

// A first login with the default password: 修改密码 with an SMS code.
async function firstLogin(t) {
  const [login, pw, phone] = t.args.first;
  const page = await t.page('desktop');
  await t.login(page, 'staff', login, pw);
  t.like(new URL(page.url()).pathname, /^\/password$/,
    'first login: the default password must be changed');
  await t.check(page, 'first-password');
  await Promise.all([page.waitForNavigation(),
    page.getByRole('button', { name: '获取验证码' }).click()]);
  const code = await t.ask('sms_code', phone);
  t.like(code, /^\d{6}$/, 'first login: the code arrives');
  await t.check(page, 'first-password-sent');
  await page.fill('#f-old', pw);
  await page.fill('#f-password', 'Kaifeng#2026x');
  await page.fill('#f-password2', 'Kaifeng#2026x');
  await page.fill('#f-sms_code', code);
  await Promise.all([page.waitForNavigation(),
    page.getByRole('button', { name: '确认修改' }).click()]);
  t.like(new URL(page.url()).pathname, /^\/(home|password)$/,
    'first login: the password is changed');
  await t.check(page, 'first-password-changed');
  await page.context().close();
}

// At 390x844: the menu is one 菜单 line (was 300 px with greyed 未开放
// entries), it opens to links only, and it offers nothing not open.
async function phoneMenu(t, role) {
  const [login, pw] = t.args[role];
  const page = await t.page('phone');
  await t.login(page, role === 'candidate' ? 'candidate' : 'staff', login,
    pw);
  const nav = page.locator('nav.menu');
  const h = (await nav.boundingBox()).height;
  t.ok(h <= 64, `${role}: the phone menu is at most 64 px tall`,
    `height ${h}`);
  const text = await nav.innerText();
  t.ok(!/未开放/.test(text), `${role}: the menu shows no 未开放 entry`, text);
  const items = await nav.locator('li').evaluateAll((lis) =>
    lis.map((li) => !!li.querySelector('a[href]')));
  t.ok(items.length > 0 && items.every(Boolean),
    `${role}: every menu entry is a link`, JSON.stringify(items));
  const links = nav.locator('.menu-narrow a');
  t.is(await links.first().isVisible(), false,
    `${role}: the phone menu starts closed`);
  await nav.locator('summary').click();
  const n = await links.count();
  let shown = 0;
  for (let i = 0; i < n; i++) shown += (await links.nth(i).isVisible()) ? 1 : 0;
  t.ok(n >= 2 && shown === n, `${role}: 菜单 opens to its ${n} links`,
    `${shown} shown`);
  await t.check(page, `${role}-phone-menu`);
  await page.context().close();
}

run(async (t) => {
  for (const role of ROLES) await staffPages(t, role);
  await firstLogin(t);
  for (const role of [...ROLES, 'candidate']) await phoneMenu(t, role);
});
