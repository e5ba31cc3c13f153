// The receipt's "复制" and "打印回执" buttons: shown only where a script can act on them; without
// JavaScript the number and code are plain text to select, and the browser's own print prints the receipt.
(function () {
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = document.getElementById(button.getAttribute('data-copy')).textContent;
      navigator.clipboard.writeText(text).then(function () { button.textContent = '已复制'; });
    });
  });
  document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
