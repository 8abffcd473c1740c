// ticket.js: 准考证打印, 准考证查询 and 考生名单 at a phone's and a
// desktop's size, and the ticket printed (ticket.t says what and why).
'use strict';

const { run } = require('./lib');

async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

// The candidate c at size: the code form, a wrong code, the right one,
// the ticket.
async function ticket(t, size, c) {
  const page = await t.page(size);
  await t.login(page, 'candidate', c.idno, t.args.pw);
  let r = await page.goto(t.url('/ticket'));
  t.is(r.status(), 200, `${size}: /ticket answers 200`);
  t.like(await page.locator('main').innerText(), /验证手机号/,
    `${size}: the code is asked first`);
  t.is(await page.locator('.ticket-card').count(), 0, `${size}: no ticket yet`);
  await t.check(page, `${size}-ticket-locked`);
  await t.ask('sql_do', 'UPDATE sms_codes SET created_at = created_at - ' +
    'INTERVAL 70 SECOND');
  await go(page, page.getByRole('button', { name: '获取验证码' }));
  t.like(await page.locator('main').innerText(), /验证码已发送/,
    `${size}: 获取验证码 sends one`);
  const code = await t.ask('sms_code', c.phone);
  t.like(code, /^\d{6}$/, `${size}: the SMS arrives`);
  await t.check(page, `${size}-ticket-sent`);
  await page.fill('#f-sms_code', code === '000000' ? '111111' : '000000');
  await go(page, page.getByRole('button', { name: '查看准考证' }));
  t.like(await page.locator('.field.has-error').innerText(), /短信验证码不正确/,
    `${size}: a wrong code is refused on its field`);
  await t.check(page, `${size}-ticket-wrong`);
  await page.fill('#f-sms_code', code);
  await go(page, page.getByRole('button', { name: '查看准考证' }));
  const card = page.locator('.ticket-card');
  t.is(await card.count(), 1, `${size}: the right code shows the ticket`);
  const text = await card.innerText();
  for (const w of [c.name, c.idno, c.ticket, '郑州市第一考点', '郑州市金水区文化路1号'])
    t.ok(text.includes(w), `${size}: the ticket shows ${w}`);
  t.ok(await card.locator('img').evaluate((i) => i.complete && i.naturalWidth > 0),
    `${size}: his photo loads`);
  t.ok(await page.getByRole('link', { name: /下载准考证/ }).isVisible(),
    `${size}: 下载准考证 offered`);
  const box = await card.boundingBox();
  const vw = page.viewportSize().width;
  t.ok(box && box.x >= 0 && box.x + box.width <= vw + 1,
    `${size}: the card fits the screen's width`, JSON.stringify(box));
  await t.check(page, `${size}-ticket`);
  return page;
}

// The ticket printed: the card alone, on one A4 portrait page.
async function printed(t, page) {
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.locator(sel).first().evaluate(
    (e) => getComputedStyle(e).display !== 'none');
  t.ok(!(await shown('.menu')), 'print: no menu');
  t.ok(!(await shown('.buttons-inline')), 'print: no buttons');
  t.ok(await shown('.ticket-card'), 'print: the card');
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  t.is(pages, 1, 'print: one page');
  const box = (pdf.match(/MediaBox\s*\[[^\]]*\]/) || ['none'])[0];
  t.ok(/\[\s*0\s+0\s+59[45]\.\d+\s+84[12]\.\d+\s*\]/.test(box),
    'print: A4 portrait', box);
  await page.emulateMedia({ media: 'screen' });
}

async function noSeat(t, size, c) {
  const page = await t.page(size);
  await t.login(page, 'candidate', c.idno, t.args.pw);
  await page.goto(t.url('/ticket'));
  t.like(await page.locator('.ticket-refusal').innerText(), /还没有考场座位/,
    `${size}: no seat, the page says why`);
  await t.check(page, `${size}-ticket-noseat`);
  await page.context().close();
}

async function staff(t, size) {
  let page = await t.page(size);
  await t.login(page, 'staff', ...t.args.unit);
  let r = await page.goto(t.url('/admin/tickets'));
  t.is(r.status(), 200, `${size}: 准考证查询 answers 200`);
  const rows = await page.locator('table.tickets tbody').innerText();
  t.ok(t.args.cands.slice(0, 2).every((c) => rows.includes(c.name)),
    `${size}: both seated candidates listed`);
  t.ok(!rows.includes(t.args.cands[0].idno), `${size}: ID numbers masked`);
  await t.check(page, `${size}-tickets`);
  r = await page.goto(t.url('/admin/tickets?level=9'));
  t.is(r.status(), 400, `${size}: a wrong level is refused`);
  t.like(await page.locator('.msg-error').innerText(), /报考等级/,
    `${size}: ... with its message`);
  await t.check(page, `${size}-tickets-refused`);
  await page.context().close();

  page = await t.page(size);
  await t.login(page, 'staff', ...t.args.city);
  r = await page.goto(t.url('/admin/exam/roster'));
  t.is(r.status(), 200, `${size}: 考生名单 answers 200`);
  t.is(await page.locator('section.roster-section').count(), 2,
    `${size}: a section per room`);
  await t.check(page, `${size}-examroster`);
  r = await page.goto(t.url('/admin/exam/roster?site=x'));
  t.is(r.status(), 400, `${size}: a wrong site is refused`);
  await t.check(page, `${size}-examroster-refused`);
  await page.context().close();
}

run(async (t) => {
  const [a, b, none] = t.args.cands;
  const phone = await ticket(t, 'phone', a);
  await printed(t, phone);
  await phone.context().close();
  const desk = await ticket(t, 'desktop', b);
  await desk.context().close();
  await noSeat(t, 'phone', none);
  await staff(t, 'phone');
  await staff(t, 'desktop');
});
