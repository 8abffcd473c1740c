/*
 * gkbm.js: progressive enhancement only; every page works without it.
 *
 * On a form carrying data-sms="register" or data-sms="reset" (the
 * register and forgot pages), the 获取验证码 button (a submit button
 * name="send_code" value="1") asks for the code with
 *   POST /sms  (Accept: application/xml; csrf, phone, purpose)
 * instead of submitting the whole form.  The answer is
 *   <sms status="sent" wait="60"/>
 * or an error document whose <form> has a field phone with an <error>.
 * The message goes next to the phone field and the button counts down.
 * If the request cannot be made or its answer is not understood, the
 * button is clicked again without interception: the normal submit.
 *
 * ES5 on purpose (older 360/Sogou browsers); no inline script is needed
 * (CSP script-src 'self'), and no style is set from here (style-src
 * 'self'): only classes, text and the disabled state change.
 */
(function () {
  'use strict';

  if (!window.fetch || !window.URLSearchParams || !window.DOMParser ||
      !document.querySelector) {
    return;
  }

  function msgBox(btn) {
    var ctl = btn.parentNode;
    var p = ctl.querySelector('.sms-msg');
    if (!p) {
      p = document.createElement('p');
      p.className = 'sms-msg';
      p.id = 'sms-msg';
      p.setAttribute('role', 'status');
      p.setAttribute('aria-live', 'polite');
      ctl.appendChild(p);
    }
    return p;
  }

  function show(btn, phone, text, isError) {
    var p = msgBox(btn);
    p.textContent = text;
    p.className = isError ? 'sms-msg error' : 'sms-msg';
    if (phone) {
      if (isError) {
        phone.setAttribute('aria-invalid', 'true');
      } else {
        phone.removeAttribute('aria-invalid');
      }
      var ids = (phone.getAttribute('aria-describedby') || '').split(' ');
      if (ids.indexOf(p.id) < 0) {
        ids.unshift(p.id);
        phone.setAttribute('aria-describedby', ids.join(' ').replace(/\s+$/, ''));
      }
    }
  }

  function countdown(btn, seconds) {
    var label = btn.getAttribute('data-label') || btn.textContent;
    var left = seconds > 0 ? seconds : 60;
    btn.setAttribute('data-label', label);
    btn.disabled = true;
    btn.textContent = '重新获取(' + left + 's)';
    var timer = window.setInterval(function () {
      left -= 1;
      if (left <= 0) {
        window.clearInterval(timer);
        btn.disabled = false;
        btn.textContent = label;
      } else {
        btn.textContent = '重新获取(' + left + 's)';
      }
    }, 1000);
  }

  function firstText(doc, tag) {
    var list = doc.getElementsByTagName(tag);
    return list.length ? list[0].textContent : '';
  }

  /* The error text of an error document: the phone field's error, else
     any field error, else error/message, else error/title. */
  function errorText(doc) {
    var fields = doc.getElementsByTagName('field');
    var i, errs, any = '';
    for (i = 0; i < fields.length; i++) {
      errs = fields[i].getElementsByTagName('error');
      if (errs.length) {
        if (fields[i].getAttribute('name') === 'phone') {
          return errs[0].textContent;
        }
        if (!any) {
          any = errs[0].textContent;
        }
      }
    }
    return any || firstText(doc, 'message') || firstText(doc, 'title');
  }

  function setup(form) {
    var btn = form.querySelector('button[name="send_code"]');
    var phone = form.elements.phone;
    var csrf = form.elements.csrf;
    var purpose = form.getAttribute('data-sms') === 'reset' ? 'reset' : 'register';
    var fallback = false;

    if (!btn || !phone || !csrf) {
      return;
    }

    btn.addEventListener('click', function (ev) {
      if (fallback) {
        return;               /* let the browser submit the form */
      }
      ev.preventDefault();
      if (!/^1[0-9]{10}$/.test(phone.value)) {
        show(btn, phone, '请输入11位手机号。', true);
        phone.focus();
        return;
      }
      var body = new URLSearchParams();  // urlencoded: /sms takes no multipart
      body.append('csrf', csrf.value);
      body.append('phone', phone.value);
      body.append('purpose', purpose);
      btn.disabled = true;

      window.fetch('/sms', {
        method: 'POST',
        headers: { 'Accept': 'application/xml' },
        body: body,
        credentials: 'same-origin'
      }).then(function (res) {
        return res.text().then(function (text) {
          return { ok: res.ok, text: text };
        });
      }).then(function (r) {
        var doc = new DOMParser().parseFromString(r.text, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length) {
          throw new Error('not xml');
        }
        var sms = doc.getElementsByTagName('sms')[0];
        if (r.ok && sms && sms.getAttribute('status') === 'sent') {
          show(btn, phone, '短信验证码已发送，请注意查收。', false);
          countdown(btn, parseInt(sms.getAttribute('wait'), 10));
          if (form.elements.sms_code) {
            form.elements.sms_code.focus();
          }
          return;
        }
        var text = errorText(doc);
        if (!text) {
          throw new Error('no answer');
        }
        btn.disabled = false;
        show(btn, phone, text, true);
      }).catch(function () {
        btn.disabled = false;
        fallback = true;
        btn.click();
      });
    });
  }

  function init() {
    var forms = document.querySelectorAll('form[data-sms]');
    var i;
    for (i = 0; i < forms.length; i++) {
      setup(forms[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
