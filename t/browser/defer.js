// defer.js: 容缺后补, the notes, 已承接 and 代传资料 at a phone's and a
// desktop's size (defer.t says what and why).
'use strict';

const { run } = require('./lib');

// Press a button (or follow a link) that leaves the page; wait for it.
async function go(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function as(t, kind, who, view) {
  const [login, pw] = t.args[who];
  const page = await t.page(view);
  await t.login(page, kind, login, pw);
  return page;
}

// A small JPEG drawn in the page, for setInputFiles.
async function scan(page) {
  const b64 = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 320; c.height = 240;
    const g = c.getContext('2d');
    g.fillStyle = '#f4f1e8'; g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#333'; g.fillRect(20, 20, 280, 12);
    const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const x of buf) s += String.fromCharCode(x);
    return btoa(s);
  });
  return { name: '备案表.jpg', mimeType: 'image/jpeg',
    buffer: Buffer.from(b64, 'base64') };
}

// The unit: its list, 代传资料 with a refused file, then (after the
// candidate) 确认材料已补.
async function unitPages(t, view, confirm) {
  const page = await as(t, 'staff', 'unit', view);
  const r = await page.goto(t.url('/review/deferred'));
  t.is(r.status(), 200, `unit ${view}: 容缺后补 answers 200`);
  t.ok(await page.getByText('请补传近五年年度考核结果备案表').count() > 0,
    `unit ${view}: the note is shown`);
  if (confirm) {
    await go(page, page.getByRole('button', { name: '确认材料已补' }));
    t.like(page.url(), /m=confirmed/, `unit ${view}: 确认材料已补 done`);
    await t.check(page, `unit-${view}-confirmed`);
  } else {
    await t.check(page, `unit-${view}-deferred`);
    await go(page, page.getByRole('link', { name: '代为上传材料' }));
    await t.check(page, `unit-${view}-staffupload`);
    await page.selectOption('#f-kind', 'material');
    await page.setInputFiles('#f-file', { name: 'x.jpg',
      mimeType: 'image/jpeg', buffer: Buffer.from('not a picture') });
    await go(page, page.getByRole('button', { name: '上传' }));
    t.ok(await page.locator('.msg-error').count() > 0,
      `unit ${view}: a file that is no JPEG is refused`);
    await t.check(page, `unit-${view}-staffupload-refused`);
    await page.goto(t.url('/review/notes?k=province'));
    await t.check(page, `unit-${view}-marks`);
  }
  await page.context().close();
}

// The candidate adds the material on the status page.
async function candidate(t, view) {
  const page = await as(t, 'candidate', 'candidate', view);
  await page.goto(t.url('/status'));
  t.ok(await page.getByRole('heading', { name: '容缺后补' }).count() > 0,
    `candidate ${view}: the status page asks for the material`);
  await t.check(page, `candidate-${view}-status`);
  await page.selectOption('#defer-kind', 'material');
  await page.setInputFiles('#defer-file', await scan(page));
  await go(page, page.locator('.status-defer button[type=submit]'));
  t.like(page.url(), /\/status\?m=supplied/, `candidate ${view}: the material added`);
  await t.check(page, `candidate-${view}-supplied`);
  await page.context().close();
}

// The city: the re-check refused without a reason, a refused comment,
// 已承接 saved.
async function city(t, view) {
  const page = await as(t, 'staff', 'city', view);
  await page.goto(t.url('/review/deferred'));
  await t.check(page, `city-${view}-deferred`);
  const form = page.locator('form.recheck-form');
  if (await form.count()) {
    await form.getByRole('radio', { name: '材料仍不齐全' }).check();
    await go(page, form.getByRole('button', { name: '提交复核结果' }));
    t.ok(await page.locator('.msg-error').count() > 0,
      `city ${view}: still missing without a reason is refused`);
    await t.check(page, `city-${view}-recheck-refused`);
  }
  await page.goto(t.url('/review/notes?k=city'));
  await page.fill('#f-id', '999999');
  await page.fill('#f-text', '年度考核结果未见备案');
  await go(page, page.getByRole('button', { name: '保存' }));
  t.ok(await page.locator('.msg-error').count() > 0,
    `city ${view}: a comment on no county's decision is refused`);
  await t.check(page, `city-${view}-note-refused`);
  await page.goto(t.url('/review/takeover'));
  await t.check(page, `city-${view}-takeover`);
  await page.getByLabel('金水区').check();
  await go(page, page.getByRole('button', { name: '保存' }));
  t.like(page.url(), /m=takeover/, `city ${view}: 已承接 saved`);
  await t.check(page, `city-${view}-takeover-saved`);
  await page.context().close();
}

async function province(t, view) {
  const page = await as(t, 'staff', 'province', view);
  await page.goto(t.url('/review/notes?k=province'));
  await t.check(page, `province-${view}-marks`);
  await page.goto(t.url('/review/takeover'));
  await t.check(page, `province-${view}-takeover`);
  await page.context().close();
}

run(async (t) => {
  for (const view of ['phone', 'desktop']) await unitPages(t, view, false);
  await candidate(t, 'phone');
  await unitPages(t, 'desktop', true);
  for (const view of ['phone', 'desktop']) await city(t, view);
  for (const view of ['phone', 'desktop']) await province(t, view);
});
