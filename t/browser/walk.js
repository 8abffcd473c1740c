// walk.js: the candidate's journey at 390x844 (walk.t says what and why).
// Steps other helpers add are marked TODO(helper) (t/browser/README.md).
'use strict';

const { run } = require('./lib');

// Press a button that leaves the page and wait for the next one.
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

// A select's options filled (by a lookup of apply.js).
async function options(page, sel) {
  await page.waitForFunction((s) =>
    document.querySelector(s).options.length > 1, sel);
}

async function register(t, page, a) {
  await page.goto(t.url('/login'));
  await t.check(page, 'login');
  await go(page, page.getByRole('link', { name: '去注册' }));
  await t.check(page, 'notice');
  await page.getByLabel(/已阅读并同意/).check();
  await go(page, page.getByRole('button', { name: '下一步' }));
  await t.check(page, 'register');

  await page.selectOption('#f-region', { label: '郑州市' });
  await page.selectOption('#f-level', '4');
  await page.setInputFiles('#f-idcard', a.files.idcard);
  await page.locator('#f-idno').pressSequentially(a.idno);
  // register.js fills the birth date and gender from the ID number.
  t.is(await page.inputValue('#f-birth'), a.birth,
    'register: the birth date comes from the ID number');
  await page.fill('#f-name', a.name);
  await page.fill('#f-phone', a.phone);
  // gkbm.js sends the code without leaving the page.
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('.sms-msg').filter({ hasText: '已发送' }).waitFor();
  const code = await t.ask('sms_code', a.phone);
  t.like(code, /^\d{6}$/, 'register: the SMS code arrives');
  await page.fill('#f-sms_code', code);
  await page.fill('#f-password', a.password);
  await page.fill('#f-password2', a.password + 'x');
  await t.check(page, 'register-filled');
  // A typing slip: the passwords differ; the page says where.
  await go(page, page.getByRole('button', { name: '注册', exact: true }));
  t.like(await page.locator('.has-error').allInnerTexts()
    .then((x) => x.join(' ')), /两次/, 'register: the differing password ' +
    'is named at its field');
  t.is(await page.inputValue('#f-name'), a.name,
    'register: the name typed is kept');
  await t.check(page, 'register-error');
  // The ID photo is kept for the retry (photo.t walks the rest of it);
  // the passwords that differed are typed again, and the code unless it
  // was already taken.
  t.ok(await page.locator('.kept-photo img').isVisible(),
    'register: the ID photo is kept for the retry');
  const codeBox = page.locator('#f-sms_code');
  if (await codeBox.isVisible() && await codeBox.isEditable()) {
    await codeBox.fill(code);
  }
  await page.fill('#f-password', a.password);
  await page.fill('#f-password2', a.password);
  await go(page, page.getByRole('button', { name: '注册', exact: true }));
  t.like(page.url(), /\/login\?m=registered$/,
    'register: the account is made and the login page follows');
  await t.check(page, 'registered');
}

// The pages around the login a person may meet: a wrong password, the
// forgotten-password page, an address that does not exist.
async function aside(t, page, a) {
  await page.fill('#f-login-candidate', a.idno);
  await page.fill('#f-password-candidate', 'Wrong2026abc');
  await go(page, page.locator('.panel-candidate button[type=submit]'));
  t.ok(await page.locator('.panel-candidate .msg-error, ' +
    '.panel-candidate .error').count(), 'login: a wrong password is told');
  await t.check(page, 'login-wrong');
  await go(page, page.locator('.panel-candidate')
    .getByRole('link', { name: /忘记密码/ }));
  await t.check(page, 'forgot');
  // The password forgotten: a new one with a code to the phone (the
  // registration's code made older than the 60 s between two codes).
  await t.ask('sql_do', 'UPDATE sms_codes SET created_at = created_at - ' +
    'INTERVAL 5 MINUTE');
  await page.fill('#f-login', a.idno);
  await page.fill('#f-phone', a.phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('.sms-msg').filter({ hasText: '已发送' }).waitFor();
  const code = await t.ask('sms_code', a.phone);
  t.like(code, /^\d{6}$/, 'forgot: the SMS code arrives');
  await page.fill('#f-sms_code', code);
  a.password = 'Reset2026xyz';
  await page.fill('#f-password', a.password);
  await page.fill('#f-password2', a.password);
  await t.check(page, 'forgot-filled');
  await go(page, page.getByRole('button', { name: '重置密码' }));
  t.like(page.url(), /\/login\?m=reset$/, 'forgot: the password is reset');
  await t.check(page, 'forgot-reset');
  const r = await page.goto(t.url('/no-such-page'));
  t.is(r.status(), 404, 'an unknown address answers 404');
  await t.check(page, 'not-found');
  await page.goto(t.url('/login'));
}

async function login(t, page, a) {
  await page.fill('#f-login-candidate', a.idno);
  await page.fill('#f-password-candidate', a.password);
  await go(page, page.locator('.panel-candidate button[type=submit]'));
  t.like(page.url(), /\/home$/, 'login: the candidate is home');
  await t.check(page, 'home');
}

// Through the phone's 菜单 to an entry.
async function menu(page, label) {
  const toggle = page.locator('nav.menu summary');
  if (await toggle.count()) await toggle.click();
  await go(page, page.locator('nav.menu a')
    .filter({ hasText: label, visible: true }).first());
}

// The pinyin search above a work-type select: type initials, pick.
async function searchWorktype(t, page, name, q, pick) {
  const box = page.locator(`[data-wt=${name}] .wt-search input`);
  await box.pressSequentially(q);
  const hit = page.locator(`[data-wt=${name}] .wt-results button`,
    { hasText: pick });
  await hit.first().waitFor();
  return { box, hit };
}

// The search box is a normal touch-size input whose hint is not cut.
async function searchBoxSize(t, box) {
  const m = await box.evaluate((el) => {
    const cs = getComputedStyle(el);
    const c = document.createElement('canvas').getContext('2d');
    c.font = `${cs.fontSize} ${cs.fontFamily}`;
    const inner = el.clientWidth - parseFloat(cs.paddingLeft) -
      parseFloat(cs.paddingRight);
    return { h: el.getBoundingClientRect().height, inner,
      text: c.measureText(el.placeholder).width };
  });
  t.ok(m.h >= 40, 'apply: the pinyin search box is at least 40 px tall',
    JSON.stringify(m));
  t.ok(m.text <= m.inner, 'apply: its placeholder fits in the box',
    JSON.stringify(m));
}

async function fill(t, page, a) {
  // 单位信息: the cascade fills each next select.
  await page.selectOption('#f-region', { label: '郑州市' });
  await options(page, '#f-supervisor');
  await page.selectOption('#f-supervisor', { label: '郑州市水利局' });
  await options(page, '#f-unit_id');
  await page.selectOption('#f-unit_id', { label: '郑州市水利局机关' });

  await page.selectOption('#f-education', { label: '本科' });
  await page.fill('#f-work_start', '2008-07-01');
  await page.locator('#f-work_start').dispatchEvent('change');
  t.is(await page.inputValue('#f-work_years'), String(a.year - 2008 + 1),
    'apply: 工作年限 follows 参加工作时间');
  await page.selectOption('#f-cur_level', '5');

  const cur = await searchWorktype(t, page, 'cur_worktype', 'dg', '电工');
  await searchBoxSize(t, cur.box);
  await t.check(page, 'apply-search');
  await cur.hit.first().click();
  t.is(await page.inputValue('#f-cur_worktype'), 'W019',
    'apply: the pinyin search picks 电工');

  await page.fill('#f-cur_level_year', String(a.year - 6));
  await page.selectOption('#f-unit_category', 'institution');
  await page.selectOption('#f-unit_rank', 'city');
  await page.selectOption('#f-target_level', '4');
  await page.selectOption('#f-route', 'certificate');
  const tgt = await searchWorktype(t, page, 'target_worktype', '电工', '电工');
  await tgt.hit.first().click();
  t.is(await page.inputValue('#f-target_worktype'), 'W019',
    'apply: the search picks the target 电工');
  for (let y = a.year - 5; y < a.year; y++) {
    await page.selectOption(`#f-appraisal_${y}`, { label: '合格' });
  }
  await page.fill('#f-appraisal_note', '近五年年度考核均为合格。');
  await page.getByRole('radio', { name: '否' }).check();
}

// Every value the walk typed, read back from the page.
async function values(page) {
  return page.$$eval('#apply-form select, #apply-form input:not([type=hidden]),' +
    ' #apply-form textarea', (els) => els.filter((e) => e.name &&
    e.name !== 'sms_code' && e.type !== 'search').map((e) =>
    `${e.name}=${e.type === 'radio' || e.type === 'checkbox'
      ? (e.checked ? e.value : '') : e.value}`).filter((v) => !/=$/.test(v))
    .sort());
}

// The thumbnails show the whole image: the stamped ID number at the
// bottom of the photo and the whole ID card stay visible.
async function thumbs(t, page) {
  const r = await page.$$eval('img.thumb', (imgs) => imgs.map((i) => {
    const fit = getComputedStyle(i).objectFit;
    const box = i.clientWidth / i.clientHeight;
    const img = i.naturalWidth / i.naturalHeight;
    return { fit, box, img, ok: fit === 'contain' || fit === 'scale-down' ||
      Math.abs(box - img) < 0.02 };
  }));
  t.ok(r.length >= 2 && r.every((x) => x.ok),
    'apply: the thumbnails show the whole photo and ID card',
    JSON.stringify(r));
}

async function uploads(t, page, a) {
  // The upload's controls belong to the application form (its fields go
  // along and are saved with the photo).
  const photo = page.locator('#upload-photo');
  await photo.locator('input[type=file]').setInputFiles(a.files.photo);
  await go(page, photo.getByRole('button', { name: '上传' }));
  t.like(page.url(), /\/apply\?m=uploaded/, 'apply: the photo is uploaded');
  await t.check(page, 'apply-photo');
  // A 3024x4032 phone photo cropped in the browser: photo.t.
  await go(page, page.getByRole('button', { name: '添加身份证号' }));
  t.like(page.url(), /\/apply\?m=stamped/, 'apply: the ID number is stamped');
  await page.locator('img.thumb').last().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('img.thumb')]
    .every((i) => i.complete && i.naturalWidth > 0));
  await thumbs(t, page);
  await t.check(page, 'apply-stamped');
}

// 手机扫码上传: the QR page, then the /m page in another phone (no login).
async function mobile(t, page, a) {
  await go(page, page.getByRole('button', { name: '手机扫码上传' }));
  await t.check(page, 'qr');
  const href = await page.locator('.qr-link a').getAttribute('href');
  const phone = await t.page('phone');
  await phone.goto(href.startsWith('http') ? href : t.url(href));
  // Opening the link claims nothing (a preview or a scanner's prefetch
  // must not take it): 开始上传 does, for this phone.
  await t.check(phone, 'm-start');
  await go(phone, phone.getByRole('button', { name: '开始上传' }));
  await t.check(phone, 'm');
  const file = phone.locator('input[type=file]');
  t.is(await file.getAttribute('capture'), null,
    '/m: the file input offers the album, not only the camera');
  // 资料类别, if the page asks (the phone takes materials only).
  const kind = phone.locator('select#f-kind');
  if (await kind.count()) {
    const label = kind.locator('option', { hasText: /资料/ });
    if (await label.count()) {
      await kind.selectOption({ label: (await label.first().innerText()).trim() });
    }
  }
  await file.setInputFiles(a.files.material);
  await go(phone, phone.getByRole('button', { name: '上传' }));
  t.like(phone.url(), /[?&]ok=/, '/m: the material is uploaded');
  await t.check(phone, 'm-uploaded');
  await phone.context().close();
  // The computer shows that the code was opened on a phone, and 撤销.
  await go(page, page.getByRole('link', { name: /查看手机是否已打开/ }));
  t.like(await page.locator('.qr-claimed').innerText(), /已在手机上打开/,
    '/apply/qr: the computer sees the phone opened the code');
  await t.check(page, 'qr-state');
  await go(page, page.getByRole('link', { name: /返回报名信息/ }));
}

async function submit(t, page, a) {
  // A person fills the form in minutes, the walk in seconds: the code of
  // the registration is made older than the 60 s between two codes.
  await t.ask('sql_do', 'UPDATE sms_codes SET created_at = created_at - ' +
    'INTERVAL 5 MINUTE');
  // apply.js asks for the code without leaving the page (apply.t tests
  // that it stays in place and counts down).
  await page.locator('#submit').getByRole('button',
    { name: '获取验证码' }).click();
  await page.locator('#sms-msg').filter({ hasText: '已发送' }).waitFor();
  const code = await t.ask('sms_code', a.phone);
  t.like(code, /^\d{6}$/, 'submit: the SMS code arrives');
  await t.check(page, 'apply-code-sent');
  const wrong = code === '000000' ? '111111' : '000000';
  await page.fill('#f-sms_code', wrong);
  await go(page, page.getByRole('button', { name: '提交信息' }));
  // TODO(apply): a summary of the errors at the top, each a link to its
  // field, with the focus on it.
  t.like(await page.locator('#f-sms_code-err, .has-error .error')
    .allInnerTexts().then((x) => x.join(' ')), /验证码/,
  'submit: a wrong code is refused at the code box');
  await t.check(page, 'apply-wrong-code');
  await page.fill('#f-sms_code', code);
  await go(page, page.getByRole('button', { name: '提交信息' }));
  t.like(page.url(), /\/status\?m=submitted$/, 'submit: the right code submits');
  await t.check(page, 'status-submitted');
}

run(async (t) => {
  const a = t.args;
  const page = await t.page('phone');
  await register(t, page, a);
  await aside(t, page, a);
  await login(t, page, a);
  await menu(page, '报名信息');
  await t.check(page, 'apply');
  await fill(t, page, a);
  const typed = await values(page);
  await t.check(page, 'apply-filled');
  // TODO(apply): upload a photo before 保存信息 and find every value
  // typed still there; let the session expire (30 minutes idle) and
  // press 保存: through the login and back to a form that holds it all.
  await go(page, page.locator('#apply-form').getByRole('button',
    { name: '保存信息' }));
  t.like(page.url(), /\/apply\?m=saved$/, 'apply: 保存信息 saves');
  t.is(JSON.stringify(await values(page)), JSON.stringify(typed),
    'apply: every value typed is there after saving');
  await t.check(page, 'apply-saved');
  await uploads(t, page, a);
  t.is(JSON.stringify(await values(page)), JSON.stringify(typed),
    'apply: every value is still there after the uploads');
  await mobile(t, page, a);
  await submit(t, page, a);
  await menu(page, '审核结果');
  await t.check(page, 'status');
  await menu(page, '修改密码');
  await t.check(page, 'password');
  await menu(page, '首页');
  await t.check(page, 'home-after');

  // The same candidate at a desktop (where 手机扫码上传 starts): the
  // submitted, read-only form and 审核结果.
  const desk = await t.page('desktop');
  await t.login(desk, 'candidate', a.idno, a.password);
  await t.check(desk, 'desktop-home');
  await desk.goto(t.url('/apply'));
  t.ok(await desk.locator('#apply-form fieldset[disabled]').count(),
    'desktop: the submitted form is read-only');
  await t.check(desk, 'desktop-apply-submitted');
  await desk.goto(t.url('/status'));
  await t.check(desk, 'desktop-status');
});
