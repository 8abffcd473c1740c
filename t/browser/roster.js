// roster.js: 名册打印 and 汇总上报 at a desktop's and a phone's size, and
// printed (roster.t says what and why).
'use strict';

const { run } = require('./lib');

async function rosterPages(t, size) {
  const page = await t.page(size);
  await t.login(page, 'staff', ...t.args.city);
  for (const k of ['final', 'site']) {
    const r = await page.goto(t.url(`/admin/roster?k=${k}`));
    t.is(r.status(), 200, `${size}: roster ${k} answers 200`);
    const rows = await page.locator('table.roster tbody').innerText();
    t.ok(t.args.names.every((n) => rows.includes(n)),
      `${size}: roster ${k} lists both approved candidates`);
    await t.check(page, `${size}-roster-${k}`);
  }
  // 全选本页 ticks every row (roster.js), 打印本页 is shown.
  await page.locator('input[data-all]').check();
  t.is(await page.locator('input[name="ids"]:checked').count(), 2,
    `${size}: 全选本页 ticks both rows`);
  t.ok(await page.getByRole('button', { name: '打印本页' }).isVisible(),
    `${size}: 打印本页 offered`);
  const r = await page.goto(t.url('/admin/roster?k=final&level=9'));
  t.is(r.status(), 400, `${size}: a wrong level is refused`);
  t.like(await page.locator('.msg-error').innerText(), /申报等级/,
    `${size}: ... with its message`);
  await t.check(page, `${size}-roster-refused`);
  await page.context().close();
}

async function printed(t) {
  const page = await t.page('desktop');
  await t.login(page, 'staff', ...t.args.city);
  await page.goto(t.url('/admin/roster?k=final'));
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.locator(sel).first().evaluate(
    (e) => getComputedStyle(e).display !== 'none');
  t.ok(!(await shown('.menu')), 'print: no menu');
  t.ok(!(await shown('.filter-form')), 'print: no filters');
  t.ok(!(await shown('#export')), 'print: no export buttons');
  t.ok(!(await shown('table.roster td.no-print')), 'print: no tick boxes');
  t.ok(await shown('.print-head'), 'print: the heading');
  t.ok(await shown('.stamp-area'), 'print: the stamp area (加盖公章)');
  t.is(await page.locator('table.roster thead').evaluate(
    (e) => getComputedStyle(e).display), 'table-header-group',
    'print: the header repeats on each page');
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = (pdf.match(/MediaBox\s*\[[^\]]*\]/) || ['none'])[0];
  // A4 landscape: 841.89 x 595.28 points (Skia rounds to 1/25 pt).
  t.ok(/\[\s*0\s+0\s+84[12]\.\d+\s+59[45]\.\d+\s*\]/.test(box),
    'print: Chromium lays it out on A4 landscape', box);
  await page.emulateMedia({ media: 'screen' });
  await page.context().close();
}

async function reportPages(t, size) {
  const page = await t.page(size);
  await t.login(page, 'staff', ...t.args.city);
  let r = await page.goto(t.url('/admin/report'));
  t.is(r.status(), 200, `${size}: 汇总上报 answers 200`);
  await t.check(page, `${size}-report-form`);
  if (size === 'desktop') {
    await page.locator('input[name="confirm"]').check();
    await Promise.all([page.waitForNavigation(),
      page.getByRole('button', { name: '汇总上报' }).click()]);
    t.like(await page.locator('.flash').innerText(), /已汇总上报/,
      `${size}: reported`);
  }
  r = await page.goto(t.url('/admin/report'));
  t.like(await page.locator('main').innerText(), /本年度已汇总上报/,
    `${size}: the report stands`);
  await t.check(page, `${size}-report-done`);
  const link = await page.getByRole('link', { name: '查看' }).first()
    .getAttribute('href');
  r = await page.goto(t.url(link));
  t.is(r.status(), 200, `${size}: the snapshot answers 200`);
  await t.check(page, `${size}-report-snapshot`);
  await page.context().close();
}

run(async (t) => {
  await rosterPages(t, 'desktop');
  await rosterPages(t, 'phone');
  await printed(t);
  await reportPages(t, 'desktop');
  await reportPages(t, 'phone');
  const page = await t.page('desktop');
  await t.login(page, 'staff', ...t.args.province);
  const r = await page.goto(t.url('/admin/report'));
  t.is(r.status(), 200, 'province: 汇总上报 answers 200');
  t.like(await page.locator('table.list').innerText(), /郑州市工考办[\s\S]*已上报/,
    'province: 郑州 reported');
  await t.check(page, 'province-report');
  await page.context().close();
});
