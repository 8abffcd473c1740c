// queue.js: the review pages at a desktop's and a phone's size (queue.t
// says what and why).
'use strict';

const { run } = require('./lib');

// cards(PAGE, SIZE, NAME): on a phone the list's rows are cards: no
// horizontal scroll of the page or of the table, no cell cut or beyond
// the screen, each cell labelled as its column (CSS ::before); and at
// any size the table is still a table to assistive technology (the
// browser's own accessibility tree: a table, rows, column headers and
// cells, the ID number's cell among them).
async function cards(t, page, size, name) {
  const m = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wrap = document.querySelector('.table-wrap');
    const cut = [];
    for (const td of document.querySelectorAll('table.cards tbody td')) {
      const r = td.getBoundingClientRect();
      if (td.scrollWidth > td.clientWidth + 1 || r.right > vw + 0.5 || r.left < -0.5) {
        cut.push(`${td.cellIndex}: ${td.innerText.slice(0, 20)}`);
      }
    }
    const id = document.querySelector('table.cards tbody td:nth-child(' +
      (document.querySelector('table.queue-list') ? 4 : 3) + ')');
    return {
      page: document.scrollingElement.scrollWidth - vw,
      wrap: wrap ? wrap.scrollWidth - wrap.clientWidth : -1,
      cut,
      cells: document.querySelectorAll('table.cards tbody td').length,
      label: id ? getComputedStyle(id, '::before').content : '',
      idno: id ? id.innerText : '',
    };
  });
  t.ok(m.cells > 0, `${size}: ${name}: the list has cells (${m.cells})`);
  t.ok(m.cut.length === 0, `${size}: ${name}: no cell cut or off the screen`, m.cut.join('\n'));
  t.ok(m.page <= 0, `${size}: ${name}: no horizontal scroll of the page (${m.page}px)`);
  t.ok(m.wrap === 0, `${size}: ${name}: the table does not scroll sideways (${m.wrap}px)`);
  if (size === 'phone') {
    t.is(m.label, '"身份证号"', `${size}: ${name}: the ID number's cell is labelled`);
    t.like(m.idno, /^\d{6}\*+\d{3}[\dX]$|^\d{17}[\dX]$|^[\d*X]{18}$/,
      `${size}: ${name}: the ID number shown whole (${m.idno})`);
  } else {
    t.is(m.label, 'none', `${size}: ${name}: a plain table on a desktop`);
  }
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const roles = {};
  for (const n of nodes) {
    const r = n.role && n.role.value;
    if (!n.ignored && r) roles[r] = (roles[r] || 0) + 1;
  }
  t.ok(roles.table >= 1 && roles.row > 1 && roles.columnheader >= 9 &&
    (roles.cell || 0) + (roles.gridcell || 0) >= 9,
    `${size}: ${name}: a table to assistive technology (table ${roles.table}, ` +
    `rows ${roles.row}, column headers ${roles.columnheader}, cells ${roles.cell})`);
  await cdp.detach();
}

async function unitPages(t, size) {
  const page = await t.page(size);
  await t.login(page, 'staff', ...t.args.unit);
  const visit = async (path, name) => {
    const r = await page.goto(t.url(path));
    t.is(r.status(), 200, `${size}: ${path} answers 200`);
    await t.check(page, `${size}-${name}`);
  };
  await visit('/review/queue?q=manual', 'queue-manual');
  t.is(await page.locator('table.queue-list tbody input[type=checkbox]').count(),
    1, `${size}: one application waits, with its tick box`);
  await cards(t, page, size, '人工审核');
  await visit('/review/queue?q=senior', 'queue-senior');
  await visit('/review/records?k=returned', 'records-returned');
  t.like(await page.locator('table.list tbody').innerText(), /照片不清晰/,
    `${size}: the returned one with its reason`);
  await cards(t, page, size, '审核退回');
  await visit('/review/records?k=rejected', 'records-rejected');
  t.is(await page.getByRole('button', { name: /退回重新申报/ }).count(), 1,
    `${size}: 退回重新申报 offered`);
  await cards(t, page, size, '审核不通过');
  await visit(`/review/app?id=${t.args.app}`, 'detail');
  t.ok(await page.locator('form[action="/review/decide"]').count() === 1,
    `${size}: 详情 has the decision form`);
  // The chain's staff see the photos themselves, not a broken image.
  await page.locator('img.thumb').first().scrollIntoViewIfNeeded();
  const thumbs = await page.$$eval('img.thumb', (l) => Promise.all(l.map((i) =>
    i.decode().then(() => i.naturalWidth, () => 0))));
  t.ok(thumbs.length === 2 && thumbs.every((w) => w > 0),
    `${size}: 详情 shows the photo and the ID card photo (${thumbs.join(', ')})`);
  t.is(await page.getByRole('link', { name: '代传资料' }).count(), 1,
    `${size}: 详情 links 代传资料`);
  t.is(await page.getByRole('button', { name: '添加身份证号' }).count(), 1,
    `${size}: 详情 offers 添加身份证号`);
  t.like(await page.locator('#h-defer').locator('..').innerText(), /单位已确认，待复核[\s\S]*请补传学历证书原件照片/,
    `${size}: 详情 shows 容缺后补 with its note`);
  t.is(await page.locator('form[action="/review/deferred/recheck"]').count(), 0,
    `${size}: ... the unit does not re-check`);
  t.like(await page.locator('#h-notes').locator('..').innerText(), /省级标记[\s\S]*抽查：学历证明不清晰/,
    `${size}: 详情 shows the mark`);
  // A refused filter: the page with its message.
  const r = await page.goto(t.url('/review/queue?q=manual&from=2026-02-01&to=2026-01-01'));
  t.is(r.status(), 400, `${size}: from after to is refused`);
  t.like(await page.locator('.msg-error').innerText(), /开始日期不能晚于结束日期/,
    `${size}: ... with its message`);
  await t.check(page, `${size}-queue-refused`);
  await page.context().close();
}

run(async (t) => {
  await unitPages(t, 'desktop');
  await unitPages(t, 'phone');
  const page = await t.page('desktop');
  await t.login(page, 'staff', ...t.args.city);
  const r = await page.goto(t.url(`/review/app?id=${t.args.app}`));
  t.is(r.status(), 200, 'city: 详情 of its city answers 200');
  t.is(await page.locator('form[action="/review/decide"]').count(), 0,
    'city: no decision form, it does not wait there');
  t.is(await page.locator('form[action="/review/deferred/recheck"]').count(), 1,
    'city: the 容缺后补 re-check form');
  await t.check(page, 'city-detail');
  await page.context().close();
});
