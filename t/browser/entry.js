// entry.js: 单位名称核对, 补报及破格（一线）人员 and 撤销注册 at a phone's
// and a desktop's size (entry.t says what and why).
'use strict';

const { run } = require('./lib');

// Press a button (or follow a link) that leaves the page; wait for it.
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function as(t, who, view) {
  const [login, pw] = t.args[who];
  const page = await t.page(view);
  await t.login(page, 'staff', login, pw);
  return page;
}

// A JPEG drawn in the page (an ID card's shape), for setInputFiles.
async function scan(page) {
  const b64 = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 640; c.height = 400;
    const g = c.getContext('2d');
    g.fillStyle = '#e8eef4'; g.fillRect(0, 0, 640, 400);
    g.fillStyle = '#333'; g.fillRect(40, 40, 300, 16);
    const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const x of buf) s += String.fromCharCode(x);
    return btoa(s);
  });
  return { name: '身份证.jpg', mimeType: 'image/jpeg',
    buffer: Buffer.from(b64, 'base64') };
}

// The supervising unit: its names, a refused rename; on the desktop the
// confirmation.
async function supervising(t, view) {
  const page = await as(t, 'supervising', view);
  const r = await page.goto(t.url('/admin/unitcheck'));
  t.is(r.status(), 200, `supervising ${view}: 单位名称核对 answers 200`);
  await t.check(page, `supervising-${view}-unitcheck`);
  const row = page.locator('form.rename-form').nth(1);
  await row.locator('input[name=name]').fill('郑');
  await go(page, row.getByRole('button', { name: '修改名称' }));
  t.ok(await page.locator('p.error').count() > 0,
    `supervising ${view}: a name of one character is refused`);
  await t.check(page, `supervising-${view}-unitcheck-refused`);
  if (view === 'desktop') {
    await go(page, page.getByRole('button', { name: '确认名称已核对' }));
    t.like(page.url(), /m=unitchecked/, `supervising ${view}: confirmed`);
    await t.check(page, `supervising-${view}-unitcheck-confirmed`);
  }
  await page.context().close();
}

// The county: who has confirmed; 添加补报人员 refused, then (desktop) done.
async function county(t, view) {
  const page = await as(t, 'county', view);
  await page.goto(t.url('/admin/unitcheck'));
  await t.check(page, `county-${view}-unitcheck`);
  await page.goto(t.url('/admin/entry'));
  await go(page, page.getByRole('link', { name: '添加补报人员' }));
  await t.check(page, `county-${view}-entry-form`);
  await page.fill('#f-unit', 'JSBAS');
  await page.fill('#f-idno', view === 'desktop' ? t.args.late_idno : '41010519900307135');
  await page.fill('#f-name', '周补报');
  await page.fill('#f-phone', '13900000101');
  await page.selectOption('#f-level', '4');
  await page.fill('#f-reason', '无社保，不能自行注册');
  await page.setInputFiles('#f-idcard', await scan(page));
  await go(page, page.getByRole('button', { name: '添加', exact: true }));
  if (view === 'desktop') {
    t.like(page.url(), /m=entered/, `county ${view}: the candidate entered`);
    await t.check(page, `county-${view}-entry-list`);
  } else {
    t.ok(await page.locator('.msg-error').count() > 0,
      `county ${view}: a wrong ID number is refused`);
    await t.check(page, `county-${view}-entry-refused`);
  }
  await page.context().close();
}

// The city: the list of supervising units; 撤销注册 found, confirmed and
// (desktop) done.
async function city(t, view) {
  const page = await as(t, 'city', view);
  await page.goto(t.url('/admin/unitcheck'));
  await t.check(page, `city-${view}-unitcheck`);
  await page.goto(t.url('/admin/revoke'));
  await t.check(page, `city-${view}-revoke`);
  await page.fill('#f-idno', t.args.false_idno);
  await go(page, page.getByRole('button', { name: '查找' }));
  t.ok(await page.getByText('冒名').count() > 0, `city ${view}: the registration found`);
  await t.check(page, `city-${view}-revoke-found`);
  await page.fill('#f-reason', '他人冒用身份证号注册，本人持身份证申请撤销');
  await go(page, page.getByRole('button', { name: '撤销注册' }));
  await t.check(page, `city-${view}-revoke-confirm`);
  if (view === 'desktop') {
    await go(page, page.getByRole('button', { name: '确认撤销' }));
    t.like(page.url(), /m=revoked/, `city ${view}: revoked`);
    await t.check(page, `city-${view}-revoke-done`);
  }
  await page.context().close();
}

run(async (t) => {
  for (const view of ['phone', 'desktop']) await supervising(t, view);
  for (const view of ['phone', 'desktop']) await county(t, view);
  for (const view of ['phone', 'desktop']) await city(t, view);
});
