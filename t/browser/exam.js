// exam.js: 考点考场, 场次 and 编排考场 at a desktop's and a phone's size
// (exam.t says what and why).
'use strict';

const { run } = require('./lib');

// Press a button that leaves the page; wait for it.
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function as(t, view) {
  const [login, pw] = t.args.city;
  const page = await t.page(view);
  await t.login(page, 'staff', login, pw);
  return page;
}

// The desktop: the plan made through the forms, then the run.
async function desktop(t) {
  const page = await as(t, 'desktop');
  const y = t.args.year;
  let r = await page.goto(t.url('/admin/exam/sites'));
  t.is(r.status(), 200, 'desktop: 考点考场 answers 200');
  await t.check(page, 'desktop-sites-empty');
  await page.fill('#f-site-code', '01');
  await page.fill('#f-site-name', '郑州市第一考点');
  await page.fill('#f-site-address', '郑州市金水路1号');
  await go(page, page.getByRole('button', { name: '保存考点' }));
  t.like(page.url(), /m=saved/, 'desktop: the site is saved');
  await page.selectOption('#f-room-site', { index: 1 });
  await page.fill('#f-room-code', '001');
  await page.fill('#f-room-name', '第1考场');
  await page.fill('#f-room-capacity', '2');
  await go(page, page.getByRole('button', { name: '保存考场' }));
  t.like(page.url(), /m=saved/, 'desktop: the room is saved');
  await t.check(page, 'desktop-sites');
  await page.goto(t.url('/admin/exam/sessions'));
  await t.check(page, 'desktop-sessions-empty');
  await page.fill('#f-session_code', '1');
  await page.fill('#f-starts', `${y}-12-20 09:00`);
  await page.fill('#f-ends', `${y}-12-20 11:00`);
  await page.fill('#f-sits', '4');
  await go(page, page.getByRole('button', { name: '保存场次' }));
  t.like(page.url(), /m=saved/, 'desktop: the session is saved');
  await t.check(page, 'desktop-sessions');
  await page.goto(t.url('/admin/exam/allocate'));
  await t.check(page, 'desktop-allocate');
  await go(page, page.getByRole('button', { name: '编排考场' }));
  t.like(page.url(), /m=allocated/, 'desktop: the allocation ran');
  t.like(await page.locator('main').innerText(), /考场座位不足/,
    'desktop: the one left short is listed with why');
  await t.check(page, 'desktop-allocated');
  await page.context().close();
}

// The phone: the pages full, and a refused room.
async function phone(t) {
  const page = await as(t, 'phone');
  await page.goto(t.url('/admin/exam/sites'));
  await t.check(page, 'phone-sites');
  await page.selectOption('#f-room-site', { index: 1 });
  await page.fill('#f-room-code', '1');
  await page.fill('#f-room-name', '第2考场');
  await page.fill('#f-room-capacity', '30');
  await go(page, page.getByRole('button', { name: '保存考场' }));
  t.like(await page.locator('main').innerText(), /三位数字/,
    'phone: a one-digit room code is refused, saying why');
  await t.check(page, 'phone-sites-refused');
  await page.goto(t.url('/admin/exam/sessions'));
  await t.check(page, 'phone-sessions');
  await page.goto(t.url('/admin/exam/allocate'));
  await t.check(page, 'phone-allocate');
  await page.context().close();
}

run(async (t) => {
  await desktop(t);
  await phone(t);
});
