// The printed page's date, written by the browser (a cached page cannot carry today's date): on
// opening and again just before printing. Without a script the page's address alone is printed.
(function () {
  function stamp() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    document.querySelectorAll('[data-print-date]').forEach(function (span) {
      span.textContent = '　打印日期：' + d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
    });
  }
  stamp();
  window.addEventListener('beforeprint', stamp);
})();
