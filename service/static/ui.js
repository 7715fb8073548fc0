// DiploKG's SPARQL editor: a textarea over a highlighted copy of its text,
// example queries, and a results table. No external code; CSP-safe (no inline script).
(function () {
  "use strict";
  var KEYWORDS = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE|WHERE|FILTER|OPTIONAL|UNION|GRAPH|PREFIX|BASE|DISTINCT|REDUCED|ORDER|BY|GROUP|HAVING|LIMIT|OFFSET|VALUES|BIND|AS|MINUS|NOT|EXISTS|IN|ASC|DESC|COUNT|SUM|AVG|MIN|MAX|SAMPLE|GROUP_CONCAT|STR|LANG|REGEX|CONTAINS|STRSTARTS|IF|COALESCE|BOUND|a)\b/g;
  var editor = document.getElementById("query");
  var shadow = document.getElementById("highlight");
  var status = document.getElementById("status");
  var results = document.getElementById("results");

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function highlight() {
    // Tokens in one pass so that keywords inside strings or IRIs stay plain.
    var re = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(<[^<>\s]*>)|(#[^\n]*)|(\?\w+)|([A-Za-z_]\w*)/g;
    var out = "", last = 0, text = editor.value, m;
    while ((m = re.exec(text)) !== null) {
      out += escapeHtml(text.slice(last, m.index));
      var t = escapeHtml(m[0]);
      if (m[1]) out += '<span class="str">' + t + "</span>";
      else if (m[2]) out += '<span class="iri">' + t + "</span>";
      else if (m[3]) out += '<span class="comment">' + t + "</span>";
      else if (m[4]) out += '<span class="var">' + t + "</span>";
      else if (KEYWORDS.test(m[0])) out += '<span class="kw">' + t + "</span>";
      else out += t;
      KEYWORDS.lastIndex = 0;
      last = m.index + m[0].length;
    }
    shadow.innerHTML = out + escapeHtml(text.slice(last)) + "\n";
    shadow.scrollTop = editor.scrollTop;
  }

  function cell(term) {
    if (!term) return "";
    return term.value;
  }

  function show(data) {
    results.textContent = "";
    if (typeof data.boolean === "boolean") {
      status.textContent = "ASK: " + data.boolean;
      return;
    }
    var vars = data.head.vars, rows = data.results.bindings;
    var table = document.createElement("table");
    var head = table.insertRow();
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    });
    rows.forEach(function (row) {
      var tr = table.insertRow();
      tr.className = "result-row";
      vars.forEach(function (v) { tr.insertCell().textContent = cell(row[v]); });
    });
    results.appendChild(table);
    status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s");
  }

  function run() {
    status.textContent = "running...";
    var body = new URLSearchParams();
    body.set("query", editor.value);
    fetch(editor.form.action, {
      method: "POST",
      headers: { "Accept": "application/sparql-results+json" },
      body: body
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.message || response.statusText);
        show(data);
      });
    }).catch(function (err) {
      results.textContent = "";
      status.textContent = "Error: " + err.message;
    });
  }

  editor.addEventListener("input", highlight);
  editor.addEventListener("scroll", function () { shadow.scrollTop = editor.scrollTop; });
  editor.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      editor.value = button.getAttribute("data-query");
      highlight();
      run();
    });
  });
  highlight();
})();
