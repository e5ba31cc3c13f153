// Live cross-checks while a clerk types in the annual-report form. The form works without this
// script: "保存并检查" runs the same checks on the server.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form || !window.fetch) { return; }
  var results = document.getElementById("check-results");
  var timer = null;

  function text(tag, className, content) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    el.textContent = content;
    return el;
  }

  function mark(cells, className) {
    cells.forEach(function (key) {
      var td = form.querySelector('td[data-cell="' + key.replace(/"/g, '\\"') + '"]');
      if (td) { td.classList.add(className); }
    });
  }

  function render(data) {
    form.querySelectorAll("td.cell-error, td.cell-warning").forEach(function (td) {
      td.classList.remove("cell-error", "cell-warning");
    });
    results.textContent = "";
    var items = data.problems.map(function (p) { return { severity: "error", message: p.message, cells: [p.cell] }; })
      .concat(data.violations);
    if (items.length === 0) {
      results.appendChild(text("p", null, "全部检查通过。"));
      return;
    }
    var errors = data.errors + data.problems.length;
    results.appendChild(text("p", null, errors + " 个错误，" + data.warnings + " 个警告（错误须改正后才能发布；警告请核实）。"));
    var list = document.createElement("ul");
    items.forEach(function (v) {
      var li = text("li", v.severity, (v.severity === "error" ? "错误：" : "警告：") + v.message);
      v.cells.forEach(function (key, i) {
        var a = text("a", "to-cell", "定位" + (v.cells.length > 1 ? String(i + 1) : ""));
        a.href = "#cell-" + key;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
      });
      list.appendChild(li);
      mark(v.cells, v.severity === "error" ? "cell-error" : "cell-warning");
    });
    results.appendChild(list);
  }

  function check() {
    fetch(form.getAttribute("data-check-url"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { render(data); } })
      .catch(function () { /* the server-side check on save still applies */ });
  }

  form.addEventListener("input", function (event) {
    if (!event.target.name || event.target.name.indexOf("Cells[") !== 0) { return; }
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
})();
