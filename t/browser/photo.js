// photo.js: phone photos at 390x844 (photo.t says what and why).
'use strict';

const { run } = require('./lib');

// Press a button that leaves the page and wait for the next one.
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

// A JPEG as a phone camera makes one, drawn in the page: w x h, a face
// on a light background, with sensor noise of the given strength (more
// noise, more bytes).  Returns { name, mimeType, buffer } for
// setInputFiles.
async function camera(page, name, w, h, noise, quality) {
  const b64 = await page.evaluate(async ([w, h, noise, quality]) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d');
    const bg = g.createLinearGradient(0, 0, 0, h);
    bg.addColorStop(0, '#dfe8f2');
    bg.addColorStop(1, '#9fb3c8');
    g.fillStyle = bg;
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#2c3e50';				// shoulders
    g.beginPath();
    g.ellipse(w / 2, h * 0.95, w * 0.4, h * 0.25, 0, 0, 2 * Math.PI);
    g.fill();
    g.fillStyle = '#e0b48c';				// the face
    g.beginPath();
    g.ellipse(w / 2, h * 0.45, w * 0.16, h * 0.16, 0, 0, 2 * Math.PI);
    g.fill();
    if (noise > 0) {
      const img = g.getImageData(0, 0, w, h);
      const d = img.data;
      let x = 12345;
      for (let i = 0; i < d.length; i += 4) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        const n = ((x >> 8) % (2 * noise + 1)) - noise;
        d[i] += n; d[i + 1] += n >> 1; d[i + 2] -= n;
      }
      g.putImageData(img, 0, 0);
    }
    const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', quality));
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 0x8000) {
      s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
    }
    return btoa(s);
  }, [w, h, noise, quality]);
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') };
}

// The file an input holds now: { size, w, h } (decoded in the page).
async function held(page, sel) {
  return page.evaluate(async (s) => {
    const f = document.querySelector(s).files[0];
    if (!f) return null;
    const bmp = await createImageBitmap(f);
    return { size: f.size, w: bmp.width, h: bmp.height, type: f.type };
  }, sel);
}

async function errorPages(t, page) {
  let r = await page.goto(t.url('/favicon.ico'));
  t.is(r.status(), 200, 'favicon: /favicon.ico answers 200');
  r = await page.goto(t.url('/static/no-such-file.css'));
  t.is(r.status(), 404, 'error page: a missing file is 404');
  t.like(await page.title(), /页面不存在/, 'error page: in Chinese');
  await t.check(page, 'error-404');
  await go(page, page.getByRole('link', { name: '返回首页' }));
  t.like(page.url(), /\/(login)?$/, 'error page: 返回首页 leads home');
}

async function register(t, page, a) {
  await page.goto(t.url(`/register?consent=${a.consent}`));
  await t.check(page, 'register');
  await page.selectOption('#f-region', { label: '郑州市' });
  await page.selectOption('#f-level', '4');
  await page.locator('#f-idno').pressSequentially(a.idno);
  t.is(await page.inputValue('#f-birth'), a.birth,
    'register: the birth date is filled from the ID number');
  t.is(await page.inputValue('#f-gender'), 'F',
    'register: the gender is filled from the ID number');

  // A photo of about 9 MB: more than nginx takes in one request.
  const big = await camera(page, 'IMG_20261203_0001.jpg', 4000, 3000, 90, 0.97);
  t.ok(big.buffer.length > 8 * 1024 * 1024,
    `register: a photo of ${(big.buffer.length / 1048576).toFixed(1)} MB`);
  await page.setInputFiles('#f-idcard', big);
  await page.locator('.crop-note').filter({ hasText: '已自动缩小' })
    .waitFor({ timeout: 60000 });
  const f = await held(page, '#f-idcard');
  t.ok(f && f.size <= 4 * 1024 * 1024 && f.type === 'image/jpeg',
    'register: the photo is scaled down under 4MB before it is sent',
    JSON.stringify(f));
  t.like(await page.locator('#f-idcard-hint').textContent(), /单个文件不超过4MB/,
    'register: the size limit is stated next to the field');

  // A birth date that is not the ID number's: the form comes back.
  await page.fill('#f-birth', '1983-09-16');
  await page.fill('#f-name', a.name);
  await page.fill('#f-phone', a.phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.locator('.sms-msg').filter({ hasText: '已发送' }).waitFor();
  const code = await t.ask('sms_code', a.phone);
  await page.fill('#f-sms_code', code);
  await page.fill('#f-password', a.password);
  await page.fill('#f-password2', a.password);
  await go(page, page.getByRole('button', { name: '注册', exact: true }));
  t.like(await page.locator('#f-birth-err').textContent(), /不一致/,
    'register retry: the birth date is refused');
  const thumb = page.locator('.kept-photo img');
  await page.waitForFunction(() => {
    const i = document.querySelector('.kept-photo img');
    return i && i.complete && i.naturalWidth > 0;
  });
  t.ok(await thumb.isVisible(), 'register retry: the kept photo is shown');
  t.ok(await page.getByText('重新选择').first().isVisible(),
    'register retry: with 重新选择');
  t.like(await page.locator('#f-sms_code-hint').textContent(), /已验证/,
    'register retry: the SMS code need not be typed again');
  t.like(await page.locator('#f-password-hint').textContent(), /密码已设置/,
    'register retry: nor the password');
  t.is(await page.inputValue('#f-name'), a.name,
    'register retry: the name is still there');
  await t.check(page, 'register-retry');
  await page.locator('.photo-field').screenshot(
    { path: `${t.args.shots}/kept-photo.png` });

  await page.fill('#f-birth', a.birth);
  await go(page, page.getByRole('button', { name: '注册', exact: true }));
  t.like(page.url(), /\/login\?m=registered$/,
    'register retry: only the birth date corrected, the account is made');
}

async function apply(t, page, a) {
  await t.login(page, 'candidate', a.idno, a.password);
  await page.goto(t.url('/apply'));
  await t.check(page, 'apply');
  // The photo's upload box: its controls belong to the application form.
  const form = page.locator('#upload-photo');
  const input = form.locator('input[type=file]');
  t.like(await form.locator('.upload-limit').textContent(), /单个文件不超过4MB/,
    'apply: the size limit is stated next to the photo field');

  // A phone's 3024x4032 photo: 3:4, not 413:626.
  const shot = await camera(page, 'IMG_0002.jpg', 3024, 4032, 6, 0.9);
  await input.setInputFiles(shot);
  const canvas = page.locator('.crop-canvas');
  await canvas.waitFor();
  t.ok(await form.getByRole('button', { name: '上传' }).isDisabled(),
    'crop: 上传 waits for the crop');
  await t.check(page, 'apply-crop');
  await form.screenshot({ path: `${t.args.shots}/crop-view.png` });
  // By touch, as on the phone: two fingers apart zoom in, one finger
  // drags the picture under the frame.
  const box = await canvas.boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: pts.map(([x, y], id) => ({ x, y, id })) });
  const zoom0 = await page.inputValue('.crop-zoom input');
  await touch('touchStart', [[cx - 20, cy], [cx + 20, cy]]);
  for (let d = 30; d <= 90; d += 20) {
    await touch('touchMove', [[cx - d, cy], [cx + d, cy]]);
  }
  await touch('touchEnd', []);
  const zoom1 = await page.inputValue('.crop-zoom input');
  t.ok(+zoom1 > +zoom0, 'crop: two fingers zoom in', `${zoom0} -> ${zoom1}`);
  const pixel = () => canvas.evaluate((c) => Array.from(c.getContext('2d')
    .getImageData(c.width / 2, c.height * 0.3, 1, 1).data).join(','));
  const before = await pixel();
  await touch('touchStart', [[cx, cy]]);
  for (let d = 10; d <= 60; d += 10) await touch('touchMove', [[cx, cy + d]]);
  await touch('touchEnd', []);
  t.ok(await pixel() !== before, 'crop: one finger drags the picture');
  await page.getByRole('button', { name: '确定裁剪' }).click();
  await page.locator('.crop-preview').waitFor();
  const f = await held(page, '#f-upload-photo');
  t.ok(f && f.w === 413 && f.h === 626, 'crop: the photo to send is 413x626',
    JSON.stringify(f));
  await go(page, form.getByRole('button', { name: '上传' }));
  t.like(page.url(), /\/apply\?m=uploaded/, 'crop: the cropped photo is accepted');
  await t.check(page, 'apply-cropped');

  // The ID card on /apply: about 9 MB, scaled down and accepted.
  const idf = page.locator('#upload-idcard');
  const big = await camera(page, 'IMG_0003.jpg', 4000, 3000, 90, 0.97);
  t.ok(big.buffer.length > 8 * 1024 * 1024,
    `apply: an ID card photo of ${(big.buffer.length / 1048576).toFixed(1)} MB`);
  await idf.locator('input[type=file]').setInputFiles(big);
  await idf.locator('.crop-note').filter({ hasText: '已自动缩小' }).waitFor();
  await go(page, idf.getByRole('button', { name: '上传' }));
  t.like(page.url(), /\/apply\?m=uploaded/,
    'apply: the scaled-down ID card photo is accepted');
}

run(async (t) => {
  const page = await t.page('phone');
  await errorPages(t, page);
  await register(t, page, t.args);
  await apply(t, page, t.args);
});
