// Progressive enhancement for the server-rendered public pages (they ship no framework code):
// a copy button beside each phone number, shown only where the browser can copy. Loaded from
// the same origin, so the CSP's script-src 'self' allows it.
(function () {
	if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return;
	document.documentElement.classList.add('can-copy');
	document.addEventListener('click', function (event) {
		var button = event.target instanceof Element && event.target.closest('button[data-copy]');
		if (!button) return;
		var status = button.parentElement && button.parentElement.querySelector('[data-copy-status]');
		navigator.clipboard.writeText(button.getAttribute('data-copy')).then(
			function () {
				button.textContent = '已复制';
				if (status) status.textContent = '号码已复制';
				setTimeout(function () {
					button.textContent = '复制';
					if (status) status.textContent = '';
				}, 2000);
			},
			function () {
				button.textContent = '复制失败';
			}
		);
	});
})();

// 打印本页: shown only where JavaScript runs (without it, the browser's own print menu works
// and the print stylesheet applies the same way).
(function () {
	var buttons = document.querySelectorAll('button[data-print]');
	for (var i = 0; i < buttons.length; i++) {
		buttons[i].hidden = false;
		buttons[i].addEventListener('click', function () {
			window.print();
		});
	}
})();
