// apply.js: the application form on a phone (apply.t says what and why).
'use strict';

const { run } = require('./lib');

// Press a button that leaves the page and wait for the next one.
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

// What the person typed, by field name (no token, version or code).
async function typed(page) {
  return page.$$eval('#apply-form [name]', (els) => {
    const out = {};
    for (const e of els) {
      if (['hidden', 'file', 'submit', 'search'].includes(e.type) ||
          e.name === 'sms_code' || !e.name) continue;
      if (e.type === 'radio' || e.type === 'checkbox') {
        if (e.checked) out[e.name] = e.value;
      } else if (e.value) {
        out[e.name] = e.value;
      }
    }
    return out;
  });
}

// A few fields of each kind, as a person fills them.
async function fillSome(page, a) {
  await page.selectOption('#f-education', { label: '本科' });
  await page.fill('#f-work_start', '2008-07-01');
  await page.locator('#f-work_start').dispatchEvent('change');
  await page.selectOption('#f-cur_level', '5');
  await page.fill('#f-cur_level_year', String(a.year - 6));
  await page.selectOption('#f-unit_category', 'institution');
  await page.selectOption('#f-unit_rank', 'city');
  await page.selectOption('#f-target_level', '4');
  await page.getByRole('radio', { name: '否' }).check();
  await page.fill('#f-appraisal_note', '2021年病休未考核');
}

// A photo uploaded before 保存信息: everything typed is still there.
async function photoKeeps(t, page, a) {
  await fillSome(page, a);
  const before = await typed(page);
  await page.setInputFiles('#f-upload-photo', a.files.photo);
  await go(page, page.locator('#upload-photo').getByRole('button',
    { name: '上传' }));
  t.like(page.url(), /\/apply\?m=uploaded/, 'photo: uploaded from the form');
  await t.check(page, 'apply-photo');
  t.is(JSON.stringify(await typed(page)), JSON.stringify(before),
    'photo: every typed field is still there after the upload');
  t.is(await page.locator('img.thumb').count() >= 1, true,
    'photo: its thumbnail shows');
}

// The session expires (30 minutes idle) before 保存: login, and back.
async function expiryKeeps(t, page, a) {
  await page.selectOption('#f-education', { label: '大专' });
  await page.fill('#f-appraisal_note', '2021、2022年病休未考核');
  const before = await typed(page);
  // No request of the page (a thumbnail, a lookup) may still be on its way:
  // it would refresh the session after it is made old.
  await page.waitForLoadState('networkidle');
  await t.ask('sql_do', 'UPDATE sessions SET seen_at = NOW() - INTERVAL ' +
    '31 MINUTE WHERE account_id = ?', a.account);
  // A worker uses a session it read in the last 2 s (fcgi/web/sescache.c);
  // a change made outside gkbm-web, as here, is seen after that.
  await page.waitForTimeout(2100);
  await go(page, page.locator('#apply-form').getByRole('button',
    { name: '保存信息' }));
  t.like(page.url(), /\/login\?m=kept$/, 'expiry: 保存 leads to the login');
  t.like(await page.locator('.flash, [role=status], .msg').allInnerTexts()
    .then((x) => x.join(' ')), /已暂存/, 'expiry: the login page says the form is kept');
  await t.check(page, 'login-kept');
  await page.fill('#f-login-candidate', a.idno);
  await page.fill('#f-password-candidate', a.password);
  await go(page, page.locator('.panel-candidate button[type=submit]'));
  await page.waitForURL(/\/apply$/);
  t.like(page.url(), /\/apply$/, 'expiry: after the login, back at the form');
  await t.check(page, 'apply-restored');
  t.is(JSON.stringify(await typed(page)), JSON.stringify(before),
    'expiry: the form holds everything typed');
  await go(page, page.locator('#apply-form').getByRole('button',
    { name: '保存信息' }));
  t.like(page.url(), /\/apply\?m=saved$/, 'expiry: 保存 now saves');
}

// Typed, not saved, the page left: coming back puts it back (a copy in
// sessionStorage), until a save succeeds.
async function storageKeeps(t, page) {
  await page.selectOption('#f-education', { label: '高中' });
  await page.fill('#f-appraisal_note', '2023年借调未考核');
  const before = await typed(page);
  await page.goto(t.url('/status'));
  await page.goto(t.url('/apply'));
  t.is(await page.locator('#restored-msg').isVisible(), true,
    'storage: coming back, the page says what it put back');
  t.is(JSON.stringify(await typed(page)), JSON.stringify(before),
    'storage: every typed field is back');
  await t.check(page, 'apply-storage');
  await go(page, page.locator('#apply-form').getByRole('button',
    { name: '保存信息' }));
  await page.goto(t.url('/status'));
  await page.goto(t.url('/apply'));
  t.is(await page.locator('#restored-msg').count(), 0,
    'storage: after a save nothing is put back');
  t.is(await page.inputValue('#f-appraisal_note'), '2023年借调未考核',
    'storage: the saved value shows');
}

// 获取验证码 without leaving the page, the answer next to the code box.
async function code(t, page, a) {
  await t.ask('sql_do', 'UPDATE sms_codes SET created_at = created_at - ' +
    'INTERVAL 5 MINUTE');
  const btn = page.locator('#submit button[value=send_code]');
  t.is(await btn.innerText(), '获取验证码', 'code: the button says 获取验证码');
  await btn.scrollIntoViewIfNeeded();
  await page.evaluate(() => { window.gkbmStay = 1; });
  const y0 = await page.evaluate(() => window.scrollY);
  await btn.click();
  await page.locator('#sms-msg').filter({ hasText: '已发送' }).waitFor();
  t.is(await page.evaluate(() => window.gkbmStay), 1,
    'code: the page was not left');
  const y1 = await page.evaluate(() => window.scrollY);
  t.ok(Math.abs(y1 - y0) < 200, 'code: the page stays where it was',
    `scrollY ${y0} -> ${y1}`);
  t.like(await btn.innerText(), /重新获取\(\d+s\)/, 'code: the button counts down');
  t.is(await btn.isDisabled(), true, 'code: ... and waits');
  t.is(await page.evaluate(() => document.activeElement &&
    document.activeElement.id), 'f-sms_code', 'code: the code box has the focus');
  const box = await page.locator('#sms-msg').boundingBox();
  t.ok(box && box.y >= 0 && box.y < 844, 'code: the message is in view',
    JSON.stringify(box));
  const c = await t.ask('sms_code', a.phone);
  t.like(c, /^\d{6}$/, 'code: the SMS arrives');
  await t.check(page, 'apply-code-sent');
  return c;
}

// A refused submission: the summary at the top, focused, links to fields.
async function refused(t, page, c) {
  await page.selectOption('#f-education', '');
  await page.fill('#f-sms_code', c);
  await go(page, page.locator('#submit').getByRole('button',
    { name: '提交信息' }));
  const sum = page.locator('#error-summary');
  await sum.waitFor();
  t.is(await page.evaluate(() => document.activeElement &&
    document.activeElement.id), 'error-summary', 'refused: the summary has the focus');
  const box = await sum.boundingBox();
  t.ok(box && box.y > -2 && box.y < 844, 'refused: the summary is in view',
    JSON.stringify(box));
  const links = await sum.locator('a').evaluateAll((as) =>
    as.map((x) => x.getAttribute('href')));
  t.ok(links.length >= 2, 'refused: the summary lists the errors',
    JSON.stringify(links));
  t.ok(links.includes('#f-education'), 'refused: ... 文化程度 among them',
    JSON.stringify(links));
  await t.check(page, 'apply-refused');
  await sum.locator('a[href="#f-education"]').click();
  await page.waitForFunction(() => location.hash === '#f-education');
  const f = await page.locator('#f-education').boundingBox();
  t.ok(f && f.y > -2 && f.y < 844, 'refused: its link brings the field into view',
    JSON.stringify(f));
}

// 手机扫码上传 and the /m page on a phone without login.
async function mobile(t, page, a) {
  await go(page, page.getByRole('button', { name: '手机扫码上传' }));
  const href = await page.locator('.qr-link a').getAttribute('href');
  const phone = await t.page('phone');
  await phone.goto(href.startsWith('http') ? href : t.url(href));
  // The link is claimed by 开始上传 (a preview must not take it).
  const start = phone.getByRole('button', { name: '开始上传' });
  if (await start.count()) await go(phone, start);
  const kind = phone.locator('#f-kind');
  if (await kind.count()) {
    const opts = await kind.locator('option').evaluateAll((os) =>
      os.map((o) => [o.value, o.textContent]));
    t.ok(opts.every(([v, l]) => v !== '' && !/^[a-z]+$/.test(l)),
      '/m: each 资料类别 has a value and a Chinese label', JSON.stringify(opts));
    await kind.selectOption({ label: '报名资料' });
  }
  await t.check(phone, 'm');
  await phone.locator('input[type=file]').setInputFiles(a.files.material);
  await go(phone, phone.getByRole('button', { name: '上传' }));
  t.like(phone.url(), /[?&]ok=/, '/m: the material is uploaded');
  t.like(await phone.locator('.msg-ok').allInnerTexts().then((x) => x.join()),
    /上传成功/, '/m: the phone says so');
  await t.check(phone, 'm-uploaded');
  await phone.context().close();
}

// Item 5 with JavaScript: what the page says matches what it shows.
async function consistent(t, page) {
  t.ok(!/“下一级”/.test(await page.locator('#f-unit_id-hint').innerText()),
    'item 5: the unit hint does not name the hidden 下一级 button');
  t.is(await page.locator('button.pick-unit').isVisible(), false,
    'item 5: ... which is hidden');
  t.is(await page.locator('.window-box .badge').innerText(), '当前可填报',
    'item 5: the date box says 当前可填报');
  await page.selectOption('#f-target_level', '5');
  t.is(await page.locator('#f-route').isVisible(), false,
    'item 5: 申报方式 is not offered for 五级');
  await page.selectOption('#f-target_level', '4');
  t.is(await page.locator('#f-route').isVisible(), true,
    'item 5: ... and is for 四级');
  t.is(await page.locator('#exc-more').isVisible(), false,
    'item 5: 破格晋升 details closed until chosen');
  await page.check('#f-exceptional');
  t.is(await page.locator('#exc-more').isVisible(), true,
    'item 5: ... open once chosen');
  await page.uncheck('#f-exceptional');
  t.like(await page.locator('#f-sms_code-hint').innerText(),
    /5分钟内有效；60秒后可重新获取/, 'item 5: the SMS hint says 5 minutes and 60 seconds');
}

// Without JavaScript: the same page works, and answers come back in place.
async function noScript(t, a) {
  const page = await t.page('phone', { javaScriptEnabled: false });
  await t.login(page, 'candidate', a.idno, a.password);
  await page.goto(t.url('/apply'));
  t.like(await page.locator('#f-unit_id-hint').innerText(), /“下一级”/,
    'no JS: the unit hint names the 下一级 button');
  t.is(await page.locator('button.pick-unit').isVisible(), true,
    'no JS: ... which shows');
  t.is(await page.locator('#exc-more').isVisible(), false,
    'no JS: 破格晋升 details closed');
  await page.check('#f-exceptional');
  t.is(await page.locator('#exc-more').isVisible(), true,
    'no JS: ... open once ticked (CSS)');
  await page.uncheck('#f-exceptional');
  await page.selectOption('#f-education', { label: '中专' });
  const edu = await page.inputValue('#f-education');
  await t.ask('sql_do', 'UPDATE sms_codes SET created_at = created_at - ' +
    'INTERVAL 5 MINUTE');
  await go(page, page.locator('#submit button[value=send_code]'));
  t.like(page.url(), /\/apply#sms-box$/, 'no JS: 获取验证码 comes back at #sms-box');
  const box = await page.locator('#sms-msg').boundingBox();
  t.ok(box && box.y >= 0 && box.y < 844, 'no JS: the answer is in view, by the code box',
    JSON.stringify(box));
  t.like(await page.locator('#sms-msg').innerText(), /已发送/, 'no JS: ... saying it was sent');
  t.is(await page.inputValue('#f-education'), edu, 'no JS: what was typed is kept');
  // (no axe here: it runs as a script, and scripts are off)
  await go(page, page.locator('#submit').getByRole('button', { name: '提交信息' }));
  const sum = await page.locator('#error-summary').boundingBox();
  t.ok(sum && sum.y < 844, 'no JS: a refused submission shows the summary at the top',
    JSON.stringify(sum));
  await page.context().close();
}

// Each step starts at the form (logged in again if need be) and runs
// even when one before it failed: each shows its own failure.
async function step(t, page, name, fn) {
  const a = t.args;
  try {
    await page.goto(t.url('/apply'));
    if (/\/login/.test(page.url())) {
      await t.login(page, 'candidate', a.idno, a.password);
      await page.goto(t.url('/apply'));
    }
    await fn();
  } catch (e) {
    t.ok(false, `${name}: the step ran to its end`, e.stack);
  }
}

run(async (t) => {
  const a = t.args;
  const page = await t.page('phone');
  await t.login(page, 'candidate', a.idno, a.password);
  await page.goto(t.url('/apply'));
  await t.check(page, 'apply');
  await step(t, page, 'item 5', () => consistent(t, page));
  await step(t, page, 'photo', () => photoKeeps(t, page, a));
  await step(t, page, 'expiry', () => expiryKeeps(t, page, a));
  await step(t, page, 'storage', () => storageKeeps(t, page));
  await step(t, page, '/m', () => mobile(t, page, a));
  let c = '000000';
  await step(t, page, 'code', async () => { c = await code(t, page, a); });
  await step(t, page, 'refused', () => refused(t, page, c));
  try {
    await noScript(t, a);
  } catch (e) {
    t.ok(false, 'no JS: the step ran to its end', e.stack);
  }
});
