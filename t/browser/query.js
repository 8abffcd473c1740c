// query.js: 报名信息查询 and 信息统计 at a phone's and a desktop's size
// (query.t says what and why).
'use strict';

const { run } = require('./lib');

async function pages(t, role, kind) {
  const [login, pw] = t.args[role];
  const page = await t.page(kind);
  await t.login(page, 'staff', login, pw);

  let r = await page.goto(t.url('/admin/query'));
  t.is(r.status(), 200, `${role} ${kind}: 报名信息查询`);
  t.ok(await page.locator('table.query-list tbody tr').count() >= 2,
    `${role} ${kind}: rows listed`);
  await t.check(page, `${role}-${kind}-query`);

  // Filtered through the form: 终审通过 only.
  await page.selectOption('#f-state', 'approved');
  await Promise.all([page.waitForNavigation(),
    page.locator('form.filter-form button[type=submit]').click()]);
  t.like(page.url(), /state=approved/, `${role} ${kind}: the filter sent`);
  t.is(await page.locator('table.query-list tbody tr').count(), 1,
    `${role} ${kind}: one approved`);
  t.like(await page.textContent('table.query-list'), new RegExp(t.args.approved),
    `${role} ${kind}: the approved candidate`);
  t.ok(await page.locator('form.export-form button').isVisible(),
    `${role} ${kind}: the export offered with the filter`);
  t.is(await page.inputValue('form.export-form input[name=state]'), 'approved',
    `${role} ${kind}: ... carrying it`);
  await t.check(page, `${role}-${kind}-query-filtered`);

  // A filter refused: its message under the field.
  r = await page.goto(t.url('/admin/query?unit=NOSUCH&from=2026-13-01'));
  t.is(r.status(), 400, `${role} ${kind}: a wrong filter: 400`);
  t.like(await page.textContent('#f-unit-err'), /本辖区内没有这个单位编码/,
    `${role} ${kind}: the unit's message`);
  await t.check(page, `${role}-${kind}-query-refused`);

  r = await page.goto(t.url('/admin/stats'));
  t.is(r.status(), 200, `${role} ${kind}: 信息统计`);
  t.ok(await page.locator('svg.bars rect.bar-now').count() > 0,
    `${role} ${kind}: bars drawn`);
  t.is(await page.locator('svg.bars rect.bar-prev').count() > 0,
    role === 'province', `${role} ${kind}: the previous year for the province only`);
  await t.check(page, `${role}-${kind}-stats`);
  await page.context().close();
}

run(async (t) => {
  for (const kind of ['phone', 'desktop']) {
    await pages(t, 'province', kind);
    await pages(t, 'city', kind);
  }
});
