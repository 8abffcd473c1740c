// pay.js: the payment pages at a phone's and a desktop's size (pay.t says
// what and why).
'use strict';

const { run } = require('./lib');

async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function as(t, kind, login, pw, view) {
  const page = await t.page(view);
  await t.login(page, kind, login, pw);
  return page;
}

// The candidate: 网上缴费, the receipt, the confirmation (确认缴费 waits
// for the countdown), the platform; on the desktop he pays there and comes
// back to the return page, which turns from checking to paid.
async function candidate(t, view, who, pays) {
  const [login, pw] = t.args.candidates[who];
  const page = await as(t, 'candidate', login, pw, view);
  const r = await page.goto(t.url('/pay'));
  t.is(r.status(), 200, `candidate ${view}: 网上缴费 answers 200`);
  await t.check(page, `candidate-${view}-pay`);
  await page.getByLabel('单位').check();
  await page.fill('#f-name', '郑州市水利局机关');
  await go(page, page.getByRole('button', { name: '确认', exact: true }));
  const btn = page.getByRole('button', { name: /确认缴费/ });
  t.ok(await btn.isDisabled(), `candidate ${view}: 确认缴费 waits for the countdown`);
  await t.check(page, `candidate-${view}-confirm`);
  await page.waitForFunction(() => {
    const b = document.querySelector('button[data-countdown]');
    return b && !b.disabled;
  }, null, { timeout: 10000 });
  // 确认缴费: the hand-over page posts itself to the platform's cashier.
  await Promise.all([page.waitForURL(/\/gateway$/), btn.click()]);
  t.ok(await page.getByRole('button', { name: '确认支付' }).count() > 0,
    `candidate ${view}: at the platform's cashier`);
  if (pays) {
    await Promise.all([page.waitForURL(/\/pay\/return/),
      page.getByRole('button', { name: '确认支付' }).click()]);
    await page.waitForSelector('.pay-code', { timeout: 15000 });
    t.ok(await page.getByText('缴款码').count() > 0,
      `candidate ${view}: back from the platform, paid, the 缴款码 shown`);
    await t.check(page, `candidate-${view}-paid`);
  } else {
    await page.goto(t.url('/pay/return'));
    t.ok(await page.getByText('正在确认缴费结果').count() > 0,
      `candidate ${view}: not paid: the return page is checking`);
    await t.check(page, `candidate-${view}-checking`);
  }
  await page.context().close();
}

// An office: each page of 缴费管理; a late payment sent to refund.
async function office(t, view, who, decide) {
  const [login, pw] = t.args[who];
  const page = await as(t, 'staff', login, pw, view);
  for (const [path, name] of [['/admin/pay/due?st=all', 'due'],
    ['/admin/pay/orders', 'orders'], ['/admin/pay/qr', 'qr'],
    ['/admin/pay/stats', 'stats'], ['/admin/pay/cases', 'cases']]) {
    const r = await page.goto(t.url(path));
    t.is(r.status(), 200, `${who} ${view}: ${path} answers 200`);
    await t.check(page, `${who}-${view}-${name}`);
  }
  if (decide) {
    const form = page.locator('form.case-form').first();
    await form.locator('textarea').fill('订单已失效，款项退回原账户');
    await go(page, form.getByRole('button', { name: '退费' }));
    t.like(page.url(), /m=done/, `${who} ${view}: the late payment sent to refund`);
    await t.check(page, `${who}-${view}-cases-decided`);
  }
  if (who === 'province') {
    const r = await page.goto(t.url('/admin/pay/reconcile'));
    t.is(r.status(), 200, `province ${view}: 对账 answers 200`);
    await t.check(page, `province-${view}-reconcile`);
  }
  await page.context().close();
}

run(async (t) => {
  await candidate(t, 'phone', 0, false);
  await candidate(t, 'desktop', 1, true);
  await office(t, 'phone', 'city', true);
  await office(t, 'desktop', 'county', false);
  await office(t, 'desktop', 'province', false);
  await office(t, 'phone', 'province', false);
});
