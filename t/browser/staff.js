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

run(async (t) => {
  for (const role of ROLES) await staffPages(t, role);
});
