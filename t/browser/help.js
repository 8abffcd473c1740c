// help.js: the help and public pages at 390x844 (help.t).  Each page
// passes t.check (axe-core, the Nu checker, a full-page screenshot).
// With t.args.helpshots (tools/help-shots) the first screen of the pages
// the manuals describe is written there as c-*.png and a-*.png, at
// 390 px (device scale 1) so they stay small.
'use strict';
const path = require('path');
const { run } = require('./lib');

run(async (t) => {
  const out = t.args.helpshots;

  // shot(PAGE, NAME, SELECTOR): the first screen (from SELECTOR, scrolled
  // to the top) into the help directory, when asked for.
  async function shot(page, name, sel) {
    if (sel) {
      await page.evaluate((s) => {
        const e = document.querySelector(s);
        if (e) window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8);
      }, sel);
    }
    if (out) await page.screenshot({ path: path.join(out, `${name}.png`) });
  }

  const page = await t.page('phone', { deviceScaleFactor: 1 });

  // --- the public pages ---------------------------------------------------
  for (const [p, name, h1] of [
    ['/help/candidate', 'manual-candidate', '报考人员手册'],
    ['/help/admin', 'manual-admin', '管理员手册'],
    ['/help/policy', 'rules', '政策说明'],
    ['/help/phones', 'phones', '咨询电话'],
    ['/canapply', 'canapply', '我能报哪一级']]) {
    await page.goto(t.url(p));
    await t.check(page, name);
    t.is(await page.locator('h1').innerText(), h1, `${p}: ${h1}`);
  }
  const imgs = await page.goto(t.url('/help/candidate')).then(() =>
    page.locator('figure.shot img').count());
  t.ok(imgs >= 5, 'the candidate manual has its screenshots', `${imgs}`);
  // (Not while tools/help-shots makes them.)
  if (!out) {
    const broken = await page.evaluate(() => Array.from(
      document.querySelectorAll('figure.shot img')).filter((i) =>
      i.complete && i.naturalWidth === 0).map((i) => i.src));
    t.is(broken.join(' '), '', 'every screenshot loads');
  }

  // 我能报哪一级 through its form, as a worker on a phone.
  await page.goto(t.url('/canapply'));
  await page.check('input[name=gender][value=M]');
  await page.fill('#f-birth_year', '1980');
  await page.fill('#f-work_start_year', '2000');
  await page.selectOption('#f-cur_level', '5');
  await page.fill('#f-cur_level_year', '2015');
  await page.selectOption('#f-cur_worktype', 'W019');
  await page.selectOption('#f-education', '60');
  await Promise.all([page.waitForNavigation(), page.click('button[name=go]')]);
  await t.check(page, 'canapply-answer');
  t.like(await page.locator('.verdict').innerText(),
    /您可以申报：.*四级（中级工）（按岗位等级证书申报）/, 'the verdict');
  const top = await page.locator('.verdict').boundingBox();
  t.ok(top && top.y + top.height < 844, 'the verdict on the first screen',
    JSON.stringify(top));
  t.like(await page.locator('.option-0').first().innerText(), /现岗位等级须为|不能重复/,
    'a level not open says why');
  t.is(await page.inputValue('#f-birth_year'), '1980', 'the answers kept');
  await shot(page, 'c-canapply');

  // A wrong answer: the message under the question, no verdict.
  await page.fill('#f-birth_year', '80');
  await Promise.all([page.waitForNavigation(), page.click('button[name=go]')]);
  await t.check(page, 'canapply-wrong');
  t.like(await page.locator('#f-birth_year-err').innerText(), /四位数字年份/,
    'a two-digit year: told under the question');
  t.is(await page.locator('.verdict').count(), 0, 'no verdict');

  // --- the candidate ------------------------------------------------------
  await page.goto(t.url('/login'));
  await shot(page, 'c-login');
  await page.goto(t.url('/register/notice'));
  await shot(page, 'c-notice');
  await page.goto(t.url('/register?consent=v2026.1'));
  await shot(page, 'c-register');
  await t.login(page, 'candidate', ...t.args.candidate);
  await t.check(page, 'home-new');
  t.like(await page.locator('.next-steps').innerText(), /填写报名信息/,
    'home: the next step is the form');
  t.ok(!/未开放/.test(await page.locator('.next-steps').innerText()),
    'home: not 未开放 while the form is open');
  await page.goto(t.url('/apply'));
  await t.ask('fill');
  await page.goto(t.url('/home'));
  await t.check(page, 'home-upload');
  t.like(await page.locator('.next-steps').innerText(), /上传个人照片/,
    'home: the form saved, the photo is next');
  await shot(page, 'c-home');
  await Promise.all([page.waitForNavigation(),
    page.click('.next-steps a.btn-primary')]);
  t.like(page.url(), /\/apply#materials$/, 'its button leads to the uploads');
  await page.goto(t.url('/apply'));
  await shot(page, 'c-apply');
  await shot(page, 'c-upload', '#materials');
  await shot(page, 'c-submit', '#submit');
  await t.ask('submitted');
  await page.goto(t.url('/home'));
  t.like(await page.locator('.next-steps').innerText(), /等待审核/,
    'home after submitting: wait');
  await page.goto(t.url('/status'));
  await t.check(page, 'status');
  t.like(await page.locator('.timeline, #main').first().innerText(), /李明/,
    '审核结果: his own name in full');
  await shot(page, 'c-status');

  // --- an office ----------------------------------------------------------
  const office = await t.page('phone', { deviceScaleFactor: 1 });
  await office.goto(t.url('/login'));
  await office.click('label[for=tab-staff]');
  await shot(office, 'a-login');
  await t.login(office, 'staff', ...t.args.city);
  await t.check(office, 'city-home');
  await shot(office, 'a-home');
  await office.goto(t.url('/admin/registrations'));
  await shot(office, 'a-registrations');
  await office.goto(t.url('/admin/phones'));
  await t.check(office, 'phoneedit');
  await office.fill('#f-label_1', '市工考办');
  await office.fill('#f-phone_1', '0371-67180003');
  await office.fill('#f-phone_2', '0371-6718');
  await Promise.all([office.waitForNavigation(),
    office.click('.phones-form button[type=submit]')]);
  await t.check(office, 'phoneedit-wrong');
  t.like(await office.locator('#f-phone_2-err').innerText(), /电话号码格式不正确/,
    'a short number: told under it');
  await office.fill('#f-phone_2', '0371-67180004');
  await Promise.all([office.waitForNavigation(),
    office.click('.phones-form button[type=submit]')]);
  t.like(office.url(), /\/admin\/phones\?m=saved$/, 'saved');
  await shot(office, 'a-phones');
  await office.goto(t.url('/help/phones'));
  await t.check(office, 'phones-published');
  t.like(await office.locator('.office-city').first().innerText(),
    /市工考办：0371-67180003/, 'the public list shows them');

  const prov = await t.page('phone', { deviceScaleFactor: 1 });
  await t.login(prov, 'staff', ...t.args.province);
  await prov.goto(t.url('/admin/windows'));
  await shot(prov, 'a-windows');
  await prov.goto(t.url('/admin/policy'));
  await shot(prov, 'a-policy');
});
