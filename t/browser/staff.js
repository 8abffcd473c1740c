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
  for (const role of [...ROLES, 'candidate']) await phoneMenu(t, role);
});
