/*
 * pay.js: the candidate's payment pages (xsl/candidate/pay.xsl, paygo.xsl).
 * - 确认缴费 (button[data-countdown]) is disabled until its countdown ends;
 * - the hand-over form (form[data-autosubmit]) is posted at once;
 * - 正在确认缴费结果 ([data-reload]) reloads itself every N seconds.
 * Without script: the button is enabled, the form has its own button and
 * the page its own 刷新 link.
 */
(function () {
	'use strict';

	function countdown(btn) {
		var left = parseInt(btn.getAttribute('data-countdown'), 10);
		var label = btn.textContent;

		if (!(left > 0))
			return;
		btn.disabled = true;
		btn.textContent = label + '（' + left + '）';
		var t = window.setInterval(function () {
			left--;
			if (left > 0) {
				btn.textContent = label + '（' + left + '）';
				return;
			}
			window.clearInterval(t);
			btn.textContent = label;
			btn.disabled = false;
		}, 1000);
	}

	function start() {
		var b = document.querySelector('button[data-countdown]');
		var f = document.querySelector('form[data-autosubmit]');
		var r = document.querySelector('[data-reload]');

		if (b)
			countdown(b);
		if (f)
			f.submit();
		if (r) {
			var s = parseInt(r.getAttribute('data-reload'), 10) || 5;
			window.setTimeout(function () {
				window.location.reload();
			}, s * 1000);
		}
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
}());
