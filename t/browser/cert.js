// cert.js: 电子证书, 证书查验, 证书管理, 申领汇总上报 at a phone's and a
// desktop's size (cert.t says what and why).
'use strict';

const { run } = require('./lib');

async function holder(t, size) {
  const page = await t.page(size);
  await t.login(page, 'candidate', ...t.args.holder);
  const r = await page.goto(t.url('/cert'));
  t.is(r.status(), 200, `${size}: 电子证书 answers 200`);
  t.like(await page.locator('main').innerText(), new RegExp(t.args.no),
    `${size}: the certificate's number`);
  t.ok(await page.getByRole('link', { name: '下载电子证书' }).isVisible(),
    `${size}: 下载电子证书 offered`);
  await t.check(page, `${size}-cert`);
  await page.context().close();
}

async function checks(t, size) {
  const page = await t.page(size);
  let r = await page.goto(t.url(t.args.ok));
  t.is(r.status(), 200, `${size}: a valid link answers 200`);
  t.like(await page.locator('.verify-state').innerText(), /有效/,
    `${size}: 有效`);
  t.is(await page.locator('nav.menu').count(), 0, `${size}: no menu`);
  const w = await page.locator('.verify-page').evaluate(
    (e) => e.getBoundingClientRect().width);
  t.ok(w <= page.viewportSize().width, `${size}: fits the screen`, String(w));
  await t.check(page, `${size}-verify-valid`);
  r = await page.goto(t.url(t.args.revoked));
  t.like(await page.locator('.verify-state').innerText(), /已撤销/,
    `${size}: 已撤销`);
  await t.check(page, `${size}-verify-revoked`);
  r = await page.goto(t.url(t.args.forged));
  t.is(r.status(), 404, `${size}: a forged link answers 404`);
  t.like(await page.locator('main').innerText(), /未查到该证书/,
    `${size}: ... and says so`);
  await t.check(page, `${size}-verify-none`);
  await page.context().close();
}

async function city(t, size) {
  const page = await t.page(size);
  await t.login(page, 'staff', ...t.args.city);
  let r = await page.goto(t.url('/admin/certs'));
  t.is(r.status(), 200, `${size}: 证书管理 answers 200`);
  await t.check(page, `${size}-certs`);
  if (size === 'desktop') {
    await Promise.all([page.waitForNavigation(),
      page.getByRole('button', { name: /签发 1 本电子证书/ }).click()]);
    t.like(await page.locator('.flash').innerText(), /电子证书已签发/,
      `${size}: the button issues`);
    await t.check(page, `${size}-certs-issued`);
  }
  r = await page.goto(t.url('/admin/claim'));
  t.is(r.status(), 200, `${size}: 申领汇总上报 answers 200`);
  await t.check(page, `${size}-claim`);
  await page.context().close();
}

async function province(t, size) {
  const page = await t.page(size);
  await t.login(page, 'staff', ...t.args.province);
  const r = await page.goto(t.url('/admin/certs?region=410100'));
  t.is(r.status(), 200, `${size}: province 证书管理 answers 200`);
  t.ok(await page.getByRole('button', { name: '撤销' }).first().isVisible(),
    `${size}: the revoke forms`);
  await t.check(page, `${size}-province-certs`);
  await page.goto(t.url('/admin/claim'));
  await t.check(page, `${size}-province-claim`);
  await page.context().close();
}

run(async (t) => {
  for (const size of ['phone', 'desktop']) {
    await holder(t, size);
    await checks(t, size);
    await city(t, size);
    await province(t, size);
  }
});
