/*
 * apply.js: enhancements of the application form (报名信息); the form
 * works without them (下一级 buttons, plain selects, server-side checks).
 *
 *  - the unit cascade: choosing a region or a supervising unit fills the
 *    next select from GET /lookup/units?region=CODE or ?parent=ID
 *    (Accept: application/xml) and hides the 下一级 button;
 *  - the work-type search: a text box above each work-type select; typing
 *    a name or pinyin initials (hly) asks GET /lookup/worktypes?q= and
 *    shows the matches as a list; choosing one selects it.  The target
 *    select is refilled from ?for=target&cur=&level=&route=&curlevel=
 *    when the current type, the levels or the route change (R14, R16);
 *  - 工作年限 filled from 参加工作时间 (report year - start year + 1) and
 *    never raised above that;
 *  - the level-1 blocks shown only when 申报岗位等级 is 一级;
 *  - 申报方式 hidden (and not sent) for 五级;
 *  - the unit picker's instructions without 下一级 once it is hidden;
 *  - the 破格晋升 uploads shown while the box is ticked;
 *  - what is typed is copied to sessionStorage and put back when the
 *    page comes back without it (a 403 after an expired session, a
 *    visit elsewhere), until a save succeeds (?m=saved and the like);
 *  - the error summary of a refused save or submission takes the focus;
 *  - 获取验证码 asks POST /apply action=send_code (Accept:
 *    application/xml) and shows the answer and the countdown next to
 *    the code box; when that fails, the button submits the form (to
 *    /apply#sms-box, the page comes back at the code box).
 *
 * ES5, no inline script or style (CSP): only classes, hidden, text.
 */
(function () {
  'use strict';

  if (!window.fetch || !window.DOMParser || !document.querySelector) {
    return;
  }
  var form = document.getElementById('apply-form');
  if (!form || form.querySelector('fieldset[disabled]')) {
    return;
  }

  function getXML(url) {
    return window.fetch(url, {
      headers: { 'Accept': 'application/xml' },
      credentials: 'same-origin'
    }).then(function (res) {
      return res.text().then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'application/xml');
        if (!res.ok || doc.getElementsByTagName('parsererror').length) {
          throw new Error('bad answer');
        }
        return doc;
      });
    });
  }

  function clear(select) {
    while (select.options.length > 1) {
      select.remove(1);
    }
  }

  function addOption(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
    return o;
  }

  /* --- the unit cascade ------------------------------------------------ */

  var region = form.elements.region;
  var sup = form.elements.supervisor;
  var unit = form.elements.unit_id;
  var pick = form.querySelector('button.pick-unit');

  function fillUnits(select, doc, self) {
    var list = doc.getElementsByTagName('unit');
    var i;
    clear(select);
    if (self) {
      addOption(select, self.value, self.label + '（主管单位本级）');
    }
    for (i = 0; i < list.length; i++) {
      addOption(select, list[i].getAttribute('id'), list[i].getAttribute('name'));
    }
  }

  /* The instructions say what the person sees: no 下一级 button now. */
  function unitHint(js) {
    var box = document.getElementById('unit-cascade');
    var hint = document.getElementById('f-unit_id-hint');
    if (!box || !hint) {
      return;
    }
    if (!hint.getAttribute('data-plain-hint')) {
      hint.setAttribute('data-plain-hint', hint.textContent);
    }
    hint.textContent = js ? box.getAttribute('data-js-hint') :
        hint.getAttribute('data-plain-hint');
  }

  function lookupFailed() {
    if (pick) {
      pick.hidden = false;
    }
    unitHint(false);
  }

  if (region && sup && unit) {
    if (pick) {
      pick.hidden = true;
      unitHint(true);
    }
    region.addEventListener('change', function () {
      clear(sup);
      clear(unit);
      if (!region.value) {
        return;
      }
      getXML('/lookup/units?region=' + encodeURIComponent(region.value))
        .then(function (doc) { fillUnits(sup, doc, null); })
        .catch(lookupFailed);
    });
    sup.addEventListener('change', function () {
      clear(unit);
      if (!sup.value) {
        return;
      }
      var self = { value: sup.value,
        label: sup.options[sup.selectedIndex].textContent };
      getXML('/lookup/units?parent=' + encodeURIComponent(sup.value))
        .then(function (doc) { fillUnits(unit, doc, self); })
        .catch(lookupFailed);
    });
  }

  /* --- 工作年限 ----------------------------------------------------------- */

  var start = form.elements.work_start;
  var years = form.elements.work_years;
  var yearNode = document.querySelector('meta[name="gkbm-year"]');
  var reportYear = parseInt(form.getAttribute('data-year') ||
      (yearNode && yearNode.content) || '', 10);

  function maxYears() {
    var m = /^(\d{4})-/.exec(start.value || '');
    return m && reportYear ? reportYear - parseInt(m[1], 10) + 1 : null;
  }

  if (start && years && reportYear) {
    start.addEventListener('change', function () {
      var max = maxYears();
      if (max !== null && max >= 0) {
        years.value = String(max);
        years.max = String(max);
      }
    });
    years.addEventListener('change', function () {
      var max = maxYears();
      if (max !== null && parseInt(years.value, 10) > max) {
        years.value = String(max);
      }
    });
  }

  /* --- the level-1 blocks -------------------------------------------------- */

  var tlevel = form.elements.target_level;
  function level1() {
    var on = tlevel && tlevel.value === '1';
    var blocks = document.querySelectorAll('.level1');
    var i;
    for (i = 0; i < blocks.length; i++) {
      blocks[i].hidden = !on;
    }
  }
  if (tlevel) {
    tlevel.addEventListener('change', level1);
  }

  /* --- 申报方式: none for 五级 -------------------------------------------- */

  var routeBlock = document.getElementById('route-block');
  function routeShown() {
    var five = tlevel && tlevel.value === '5';
    if (routeBlock && form.elements.route) {
      routeBlock.hidden = five;
      form.elements.route.disabled = five;
    }
  }
  if (tlevel && routeBlock) {
    tlevel.addEventListener('change', routeShown);
    routeShown();
  }

  /* --- 破格晋升: its uploads follow the box (the form's block: CSS) ---- */

  var exc = form.elements.exceptional;
  var excUploads = document.getElementById('exc-uploads');
  if (exc && excUploads) {
    exc.addEventListener('change', function () {
      if (exc.checked) {
        excUploads.hidden = false;
      } else if (!excUploads.querySelector('.material')) {
        excUploads.hidden = true;
      }
    });
  }

  /* --- the work-type search ------------------------------------------------ */

  function worktypeLabel(w) {
    var label = w.getAttribute('name') + '（' + w.getAttribute('pinyin') + '）';
    var maps = w.getElementsByTagName('maps-to');
    var i, names = [];
    if (w.getAttribute('status') === 'merged') {
      for (i = 0; i < maps.length; i++) {
        names.push(maps[i].getAttribute('name'));
      }
      label += ' 已合并，新工种：' + names.join('、');
    } else if (w.getAttribute('status') === 'cancelled') {
      label += ' 已取消';
    }
    return label;
  }

  function ensureOption(select, code, label) {
    var i;
    for (i = 0; i < select.options.length; i++) {
      if (select.options[i].value === code) {
        return;
      }
    }
    addOption(select, code, label);
  }

  function searchBox(select) {
    var box = document.createElement('div');
    var input = document.createElement('input');
    var list = document.createElement('ul');
    var count = document.createElement('p');
    var timer = null;
    box.className = 'wt-search';
    input.type = 'search';
    input.placeholder = '输入拼音首字母或名称查找，如 hly';
    input.setAttribute('aria-label', '查找工种');
    input.setAttribute('autocomplete', 'off');
    /* A plain list of buttons (not a listbox: its items are buttons, not
       options), named, with the number found told to screen readers. */
    list.className = 'wt-results';
    list.setAttribute('aria-label', '查找到的工种');
    count.className = 'wt-count hint';
    count.setAttribute('role', 'status');
    box.appendChild(input);
    box.appendChild(count);
    box.appendChild(list);
    select.parentNode.insertBefore(box, select);

    function show(doc) {
      var ws = doc.getElementsByTagName('worktype');
      var i;
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      count.textContent = ws.length ? '找到' + ws.length + '个工种，点击选择：'
          : '没有找到相应的工种';
      if (!ws.length) {
        return;
      }
      for (i = 0; i < ws.length; i++) {
        (function (w) {
          var li = document.createElement('li');
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'btn-small';
          b.textContent = worktypeLabel(w);
          b.addEventListener('click', function () {
            var code = w.getAttribute('code');
            if (select.name === 'target_worktype' &&
                w.getAttribute('status') !== 'current') {
              return;         /* a target must be a current type */
            }
            ensureOption(select, code, w.getAttribute('name'));
            select.value = code;
            select.dispatchEvent(new Event('change'));
            while (list.firstChild) {
              list.removeChild(list.firstChild);
            }
            count.textContent = '';
            input.value = '';
          });
          li.appendChild(b);
          list.appendChild(li);
        })(ws[i]);
      }
    }

    input.addEventListener('input', function () {
      var q = input.value.replace(/\s+/g, '');
      window.clearTimeout(timer);
      if (!q) {
        while (list.firstChild) {
          list.removeChild(list.firstChild);
        }
        count.textContent = '';
        return;
      }
      timer = window.setTimeout(function () {
        var url = '/lookup/worktypes?q=' + encodeURIComponent(q);
        getXML(url).then(show).catch(function () {});
      }, 250);
    });
  }

  var cur = form.elements.cur_worktype;
  var target = form.elements.target_worktype;
  if (cur) {
    searchBox(cur);
  }
  if (target) {
    searchBox(target);
  }

  /* The target list of R14/R16 for the values chosen now. */
  function refreshTargets() {
    if (!target || !tlevel || !tlevel.value) {
      return;
    }
    var url = '/lookup/worktypes?for=target&cur=' +
        encodeURIComponent(cur ? cur.value : '') +
        '&level=' + encodeURIComponent(tlevel.value) +
        '&route=' + encodeURIComponent(form.elements.route ? form.elements.route.value : '') +
        '&curlevel=' + encodeURIComponent(form.elements.cur_level ? form.elements.cur_level.value : '');
    getXML(url).then(function (doc) {
      var ws = doc.getElementsByTagName('worktype');
      var keep = target.value;
      var i, found = false;
      clear(target);
      for (i = 0; i < ws.length; i++) {
        addOption(target, ws[i].getAttribute('code'), worktypeLabel(ws[i]));
        if (ws[i].getAttribute('code') === keep) {
          found = true;
        }
      }
      target.value = found ? keep : '';
    }).catch(function () {});
  }
  ['cur_worktype', 'cur_level', 'target_level', 'route'].forEach(function (n) {
    if (form.elements[n]) {
      form.elements[n].addEventListener('change', refreshTargets);
    }
  });

  /* --- nothing typed is lost: a copy in sessionStorage ------------------ */

  /* Every value the person can type or choose (not the token, the
     version, the SMS code or files), keyed by name. */
  function snapshot() {
    var out = {};
    var i, el, t;
    for (i = 0; i < form.elements.length; i++) {
      el = form.elements[i];
      t = el.type;
      if (!el.name || el.disabled || t === 'file' || t === 'submit' ||
          t === 'button' || t === 'hidden' || el.name === 'sms_code') {
        continue;
      }
      if (t === 'checkbox') {
        out[el.name] = el.checked ? el.value : '';
      } else if (t === 'radio') {
        if (el.checked || !(el.name in out)) {
          out[el.name] = el.checked ? el.value : '';
        }
      } else {
        out[el.name] = el.value;
      }
    }
    return out;
  }

  function setValue(name, value) {
    var list = document.querySelectorAll('[name="' + name + '"]');
    var i, el;
    for (i = 0; i < list.length; i++) {
      el = list[i];
      if (el.form !== form) {
        continue;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = el.value === value;
      } else if (el.tagName === 'SELECT') {
        if (value && !el.querySelector('option[value="' + value.replace(/"/g, '') + '"]')) {
          return false;
        }
        el.value = value;
      } else {
        el.value = value;
      }
    }
    return true;
  }

  var store = null;
  var storeKey = 'gkbm-apply-' + (form.getAttribute('data-app') || '');
  try {
    store = window.sessionStorage;
    store.setItem(storeKey + '-t', '1');
    store.removeItem(storeKey + '-t');
  } catch (e) {
    store = null;
  }

  function remember() {
    if (store) {
      try {
        store.setItem(storeKey, JSON.stringify(snapshot()));
      } catch (e) { /* full: nothing to do */ }
    }
  }

  /* The unit cascade's lists for restored choices not on the page. */
  function restoreUnits(data) {
    if (!region || !sup || !unit || !data.region) {
      return;
    }
    var chain = window.Promise.resolve();
    if (data.supervisor && !setValue('supervisor', data.supervisor)) {
      chain = chain.then(function () {
        return getXML('/lookup/units?region=' + encodeURIComponent(data.region));
      }).then(function (doc) {
        fillUnits(sup, doc, null);
        setValue('supervisor', data.supervisor);
      });
    }
    chain.then(function () {
      if (!data.unit_id || setValue('unit_id', data.unit_id) || !sup.value) {
        return null;
      }
      var self = { value: sup.value,
        label: sup.options[sup.selectedIndex].textContent };
      return getXML('/lookup/units?parent=' + encodeURIComponent(sup.value))
        .then(function (doc) {
          fillUnits(unit, doc, self);
          setValue('unit_id', data.unit_id);
          remember();
        });
    }).catch(function () {});
  }

  function restoreNotice() {
    var box = document.createElement('div');
    box.className = 'msg msg-info';
    box.id = 'restored-msg';
    box.setAttribute('role', 'status');
    box.textContent = '已恢复您在本页填写但尚未保存的内容，请核对后点击“保存信息”。';
    form.insertBefore(box, form.firstChild);
  }

  if (store) {
    var saved = /[?&]m=(saved|saved_uploaded|saved_refused|uploaded|deleted|stamped)(&|$)/
        .test(window.location.search);
    var kept = null;
    try {
      kept = JSON.parse(store.getItem(storeKey) || 'null');
    } catch (e) {
      kept = null;
    }
    if (saved || !kept) {
      store.removeItem(storeKey);
    } else {
      var now = snapshot();
      var k, differs = false;
      for (k in kept) {
        if (Object.prototype.hasOwnProperty.call(kept, k) &&
            now[k] !== undefined && now[k] !== kept[k]) {
          differs = true;
          if (k !== 'supervisor' && k !== 'unit_id') {
            setValue(k, kept[k]);
          }
        }
      }
      if (differs) {
        if (kept.region !== undefined) {
          restoreUnits(kept);
        }
        level1();
        routeShown();
        restoreNotice();
      }
    }
    if (form.getAttribute('data-restored')) {
      remember();           /* the server gave them back once only */
    }
    form.addEventListener('input', remember);
    form.addEventListener('change', remember);
  }

  /* --- the error summary takes the focus --------------------------------- */

  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
    if (summary.scrollIntoView) {
      summary.scrollIntoView(true);
    }
  }

  /* --- 获取验证码 without leaving the page ---------------------------------- */

  var codeBtn = document.querySelector('button[name="action"][value="send_code"]');
  var codeBox = document.getElementById('sms-box');
  var codeInput = document.getElementById('f-sms_code');
  var codeFallback = false;

  function codeMsg(text, isError) {
    var p = document.getElementById('sms-msg');
    if (!p) {
      p = document.createElement('p');
      p.id = 'sms-msg';
      p.setAttribute('role', 'status');
      p.setAttribute('aria-live', 'polite');
      codeBox.insertBefore(p, codeBox.querySelector('.control').nextSibling);
    }
    p.textContent = text;
    p.className = isError ? 'sms-msg error' : 'sms-msg';
    if (codeInput) {
      var ids = (codeInput.getAttribute('aria-describedby') || '').split(' ');
      if (ids.indexOf('sms-msg') < 0) {
        codeInput.setAttribute('aria-describedby',
            ('sms-msg ' + ids.join(' ')).replace(/\s+$/, ''));
      }
    }
  }

  function codeCountdown(seconds) {
    var label = codeBtn.getAttribute('data-label') || codeBtn.textContent;
    var left = seconds > 0 ? seconds : 60;
    codeBtn.setAttribute('data-label', label);
    codeBtn.disabled = true;
    codeBtn.textContent = '重新获取(' + left + 's)';
    var timer = window.setInterval(function () {
      left -= 1;
      if (left <= 0) {
        window.clearInterval(timer);
        codeBtn.disabled = false;
        codeBtn.textContent = label;
      } else {
        codeBtn.textContent = '重新获取(' + left + 's)';
      }
    }, 1000);
  }

  /* What went wrong, from an answer: the code field's error, the form's
     message, an error page's message. */
  function answerError(doc) {
    var fields = doc.getElementsByTagName('field');
    var i, errs;
    for (i = 0; i < fields.length; i++) {
      errs = fields[i].getElementsByTagName('error');
      if (errs.length && fields[i].getAttribute('name') === 'sms_code') {
        return errs[0].textContent;
      }
    }
    var m = doc.getElementsByTagName('message');
    return m.length ? m[0].textContent : '';
  }

  function encode(pairs) {
    var out = [];
    var k;
    for (k in pairs) {
      if (Object.prototype.hasOwnProperty.call(pairs, k)) {
        out.push(encodeURIComponent(k) + '=' + encodeURIComponent(pairs[k]));
      }
    }
    return out.join('&');
  }

  if (codeBtn && codeBox && form.elements.csrf) {
    codeBtn.addEventListener('click', function (ev) {
      if (codeFallback) {
        return;               /* the plain submit, back at #sms-box */
      }
      ev.preventDefault();
      codeBtn.disabled = true;
      window.fetch('/apply', {
        method: 'POST',
        headers: {
          'Accept': 'application/xml',
          'Content-Type': 'application/x-www-form-urlencoded'
        },
        body: encode({ csrf: form.elements.csrf.value,
          version: form.elements.version ? form.elements.version.value : '',
          action: 'send_code' }),
        credentials: 'same-origin'
      }).then(function (res) {
        return res.text();
      }).then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length) {
          throw new Error('not xml');
        }
        var f = doc.getElementsByTagName('form')[0];
        var sms = doc.getElementsByTagName('sms')[0];
        if (f && f.getAttribute('status') === 'sent') {
          var m = f.getElementsByTagName('message');
          codeMsg(m.length ? m[0].textContent : '短信验证码已发送，请注意查收。', false);
          codeCountdown(parseInt(sms ? sms.getAttribute('wait') :
              codeBtn.getAttribute('data-wait'), 10));
          if (codeInput) {
            codeInput.focus();
          }
          return;
        }
        var err = answerError(doc);
        if (!err) {
          throw new Error('no answer');
        }
        codeBtn.disabled = false;
        codeMsg(err, true);
      }).catch(function () {
        codeBtn.disabled = false;
        codeFallback = true;
        codeBtn.click();
      });
    });
  }
}());
