// results.js: 考核结果's pages at a desktop's and a phone's size
// (results.t says what and why).
'use strict';

const { run } = require('./lib');

// Press a button that leaves the page; wait for it.
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function as(t, view, kind, who) {
  const [login, pw] = t.args[who];
  const page = await t.page(view);
  await t.login(page, kind, login, pw);
  return page;
}

// The failed candidate asks for 复核 on the phone; the passer's page.
async function candidates(t) {
  let page = await as(t, 'phone', 'candidate', 'passer');
  let r = await page.goto(t.url('/result'));
  t.is(r.status(), 200, 'phone: 考核结果 answers 200');
  t.like(await page.locator('main').innerText(), /考核通过/, 'phone: the passer reads 考核通过');
  await t.check(page, 'phone-result-pass');
  await page.context().close();
  page = await as(t, 'phone', 'candidate', 'failer');
  await page.goto(t.url('/result'));
  t.like(await page.locator('main').innerText(), /考核不通过[\s\S]*55\.0[\s\S]*60\.0/,
    'phone: the failer reads the scores and the lines');
  await t.check(page, 'phone-result-fail');
  await page.fill('#f-reason', '   ');	// past the browser's own check
  await go(page, page.getByRole('button', { name: '提交复核申请' }));
  t.like(await page.locator('main').innerText(), /请填写申请复核的理由/,
    'phone: 复核 without a reason is refused, saying why');
  await t.check(page, 'phone-result-refused');
  await page.fill('#f-reason', '操作技能成绩与本人估计不符，申请复核。');
  await go(page, page.getByRole('button', { name: '提交复核申请' }));
  t.like(page.url(), /m=recheck_asked/, 'phone: the request is sent');
  await t.check(page, 'phone-result-asked');
  await page.context().close();
}

// The city: the query, the import with a bad row (refused, the row
// named), the lines, the rechecks; on the desktop it then publishes.
async function city(t, view) {
  const page = await as(t, view, 'staff', 'city');
  let r = await page.goto(t.url('/admin/results'));
  t.is(r.status(), 200, `${view}: 考核结果查询 answers 200`);
  await t.check(page, `${view}-results`);
  await page.goto(t.url('/admin/results?level=9'));
  await t.check(page, `${view}-results-refused`);
  await page.goto(t.url('/admin/results/import'));
  await t.check(page, `${view}-import`);
  await page.setInputFiles('#f-file', t.args.bad);
  await go(page, page.getByRole('button', { name: '导入', exact: true }));
  t.like(await page.locator('main').innerText(), /姓名与这个准考证号的考生不符/,
    `${view}: the bad row is named with its reason`);
  await t.check(page, `${view}-import-refused`);
  if (view === 'desktop') {
    await page.getByRole('checkbox', { name: /确认公布/ }).check();
    await go(page, page.getByRole('button', { name: /^公布/ }));
    t.like(page.url(), /m=published/, 'desktop: the results are published');
    await t.check(page, 'desktop-import-published');
  }
  await page.goto(t.url('/admin/results/lines'));
  await t.check(page, `${view}-lines`);
  await page.goto(t.url('/admin/rechecks'));
  await t.check(page, `${view}-rechecks-none`);
  await page.context().close();
}

// The city answers the 复核 on the desktop.
async function answer(t) {
  const page = await as(t, 'desktop', 'staff', 'city');
  await page.goto(t.url('/admin/rechecks'));
  await t.check(page, 'desktop-rechecks');
  await page.locator('textarea[name=answer]').first().fill('经复核，成绩无误。');
  await go(page, page.getByRole('button', { name: '提交答复' }).first());
  t.like(page.url(), /m=answered/, 'desktop: the answer is saved');
  await t.check(page, 'desktop-rechecks-answered');
  await page.goto(t.url('/admin/results'));
  await t.check(page, 'desktop-results-rechecked');
  await page.context().close();
}

// The province: the lines with their form.
async function province(t) {
  const page = await as(t, 'desktop', 'staff', 'province');
  await page.goto(t.url('/admin/results/lines'));
  await t.check(page, 'desktop-lines-province');
  await page.goto(t.url('/admin/results/import'));
  await t.check(page, 'desktop-import-province');
  await page.context().close();
}

run(async (t) => {
  await city(t, 'phone');
  await city(t, 'desktop');
  await candidates(t);
  await answer(t);
  await province(t);
});
