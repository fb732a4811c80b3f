/// The style sheet and script every HTML page carries inline (a page is one file, and makes no
/// request: its Content-Security-Policy allows none).
enum HTMLAssets {
    /// A view a page may draw; each brings its own styles and script.
    enum View: CaseIterable, Hashable { case heatmap, similarity }

    /// The style sheet of a page that draws `views`.
    static func css(_ views: [View]) -> String {
        compact.base.css + views.map { $0 == .heatmap ? compact.heatmap.css : compact.similarity.css }.joined()
    }

    /// The script of a page that draws `views`.
    static func script(_ views: [View]) -> String {
        compact.base.script + views.map { $0 == .heatmap ? compact.heatmap.script : compact.similarity.script }.joined() + compact.end
    }

    /// The parts as written on every page: each line without its indentation, and no blank or
    /// comment-only lines (a national report folder has thousands of pages).
    private static let compact = (
        base: (css: compacted(baseCSS), script: compacted(scriptStart + tablesScript)),
        heatmap: (css: compacted(heatmapCSS), script: compacted(heatmapScript)),
        similarity: (css: compacted(similarityCSS), script: compacted(similarityScript)),
        end: compacted(scriptEnd))

    static func compacted(_ source: String) -> String {
        source.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { !$0.isEmpty && !$0.hasPrefix("//") }.map { $0 + "\n" }.joined()
    }

    /// Japanese fonts in the order the machines have them: macOS, Windows (BIZ UD, Yu Gothic,
    /// Meiryo), Linux (Noto CJK, IPAex), then the generic family.
    static let sans = #""Hiragino Kaku Gothic ProN", "Hiragino Sans", "BIZ UDPGothic", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAPGothic", sans-serif"#
    static let mono = #""BIZ UDGothic", "MS Gothic", "Noto Sans Mono CJK JP", "IPAGothic", "IPAexGothic", monospace"#

    /// Every page: type, tables, the filter box.
    static let baseCSS = #"""
        :root { --ink: #1d2733; --muted: #5f6b78; --line: #d5dbe1; --accent: #1f6f8b; --hit: #fff4c2; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: \#(sans); color: var(--ink); background: #fafbfc; font-size: 14px; line-height: 1.5; }
        header { padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); }
        h1 { font-size: 20px; margin: 0; }
        h2 { font-size: 17px; margin: 24px 0 8px; }
        h2 code { font-size: 12px; color: var(--muted); font-weight: normal; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        main { padding: 8px 20px 40px; }
        a { color: var(--accent); }
        nav.contents ol { margin: 8px 0; padding-left: 20px; columns: 2; }
        details.metadata { margin: 8px 0; color: var(--muted); }
        details.metadata dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
        details.metadata dt { font-family: \#(mono); }
        details.metadata dd { margin: 0; word-break: break-all; }
        .scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--line); background: #fff; }
        table.data { border-collapse: collapse; font-size: 13px; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; max-width: 36em; }
        table.data thead th { position: sticky; top: 0; background: #eef2f5; cursor: pointer; white-space: nowrap; }
        table.data thead th[data-sort="asc"]::after { content: " ▲"; }
        table.data thead th[data-sort="desc"]::after { content: " ▼"; }
        table.data td.n { text-align: right; font-variant-numeric: tabular-nums; }
        td.na { color: #8a8f96; font-style: italic; background: #f3f3f3; }
        u.chg { text-decoration: underline 2px #c0392b; text-underline-offset: 3px; background: #fdecea; }
        .mark { display: none; }
        p.tools { margin: 4px 0; }
        p.tools input { font: inherit; padding: 2px 6px; width: 18em; }
        .count { color: var(--muted); }
        td.files a { margin-right: 6px; }
        p.intro { max-width: 60em; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; color: var(--muted); margin: 4px 0 8px; }
        @media print { .scroll { max-height: none; overflow: visible; } aside.passage { position: static; } p.tools { display: none; } }

        """#

    /// The heatmap, its legend and the passage panel.
    static let heatmapCSS = #"""
        .key { white-space: nowrap; }
        .swatch { display: inline-block; width: 14px; height: 14px; vertical-align: -2px; margin-right: 4px; border: 1px solid var(--line); }
        .heatmap-layout { display: flex; gap: 16px; align-items: flex-start; }
        .heatmaps { flex: 1 1 60%; min-width: 0; }
        table.heatmap { border-collapse: separate; border-spacing: 1px; font-size: 12px; }
        table.heatmap th.corner { position: sticky; left: 0; top: 0; z-index: 3; background: #fff; text-align: left; vertical-align: bottom; }
        table.heatmap th.m { position: sticky; top: 0; z-index: 2; background: #fff; writing-mode: vertical-rl; font-weight: normal; padding: 4px 0; max-height: 9em; white-space: nowrap; overflow: hidden; }
        table.heatmap th.c { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; font-weight: normal; white-space: nowrap; padding-right: 8px; }
        table.heatmap th.c small { color: var(--muted); }
        table.heatmap td { width: 18px; min-width: 18px; height: 18px; padding: 0; text-align: center; font-size: 10px; line-height: 18px; cursor: pointer; }
        table.heatmap td.total, table.heatmap th.total { cursor: default; font-variant-numeric: tabular-nums; color: var(--muted); width: auto; padding: 0 6px; font-weight: normal; }
        table.heatmap td:hover { outline: 2px solid #333; }
        table.heatmap td.selected { outline: 3px solid #e67e22; }
        .s-stated { background: var(--accent); color: #fff; }
        td.s-stated::after { content: "●"; }
        .s-not_this_concept { background: #e8edf2; }
        .s-open_list { background: repeating-linear-gradient(45deg, #e8edf2 0 3px, #a9bccd 3px 5px); }
        td.s-open_list::after { content: "…"; color: #34495e; }
        .s-named_in_prose { background: repeating-linear-gradient(-45deg, #f6efe0 0 3px, #d4bd8c 3px 5px); }
        td.s-named_in_prose::after { content: "＋"; color: #6d5316; }
        .s-not_stated { background: #fff; border: 1px dashed #b7bec6; }
        td.s-not_stated::after { content: "－"; color: #9aa3ad; }
        .s-lost_in_extraction { background: repeating-linear-gradient(45deg, #fde3cc 0 3px, #efa365 3px 5px); }
        td.s-lost_in_extraction::after { content: "図"; color: #7a3a06; }
        aside.passage { flex: 0 0 36%; position: sticky; top: 8px; max-height: 90vh; overflow: auto; background: #fff; border: 1px solid var(--line); padding: 10px 14px; }
        aside.passage h3 { margin-top: 0; }
        aside.passage p.state { display: inline-block; padding: 1px 8px; border-radius: 3px; }
        aside.passage p.note { color: #7a3a06; white-space: pre-line; }
        aside.passage .hint { color: var(--muted); }
        article.item { border-top: 1px solid var(--line); padding: 6px 0; }
        article.item h4 { margin: 4px 0; font-size: 15px; }
        article.item .source { color: var(--muted); font-family: \#(mono); font-size: 12px; }
        pre.lines { font-family: \#(mono); font-size: 12px; background: #f6f7f9; padding: 6px 8px; white-space: pre-wrap; word-break: break-all; }
        pre.lines .line { display: block; color: #6b7480; }
        pre.lines .line.hit { color: var(--ink); background: var(--hit); }
        pre.lines .no { display: inline-block; min-width: 3.5em; color: #9aa3ad; user-select: none; }

        """#

    /// The similarity canvases.
    static let similarityCSS = #"""
        div.similarity canvas { border: 1px solid var(--line); background: #fff; cursor: crosshair; }
        div.similarity .info { color: var(--muted); }

        """#

    /// The script's opening and its helpers.
    static let scriptStart = #"""
        (function () {
          'use strict';
          function node(tag, cls, text) {
            var n = document.createElement(tag);
            if (cls) n.className = cls;
            if (text !== undefined && text !== null) n.textContent = text;
            return n;
          }
          function json(id) {
            var el = document.getElementById(id);
            if (!el) return null;
            try { return JSON.parse(el.textContent); } catch (e) { return null; }
          }

        """#

    /// Every page: the filter boxes and sortable columns.
    static let tablesScript = #"""
          // Tables: a filter box and sortable columns.
          var inputs = document.querySelectorAll('input[data-filter]');
          Array.prototype.forEach.call(inputs, function (input) {
            var section = input.closest('section');
            var body = section.querySelector('tbody');
            var count = section.querySelector('.count');
            var total = body.rows.length;
            input.addEventListener('input', function () {
              var q = input.value.trim().toLowerCase(), shown = 0;
              for (var r = 0; r < body.rows.length; r++) {
                var ok = !q || body.rows[r].textContent.toLowerCase().indexOf(q) >= 0;
                body.rows[r].hidden = !ok;
                if (ok) shown++;
              }
              count.textContent = (q ? shown + ' / ' : '') + total + ' 行 rows';
            });
          });
          Array.prototype.forEach.call(document.querySelectorAll('table.data thead th'), function (th) {
            th.addEventListener('click', function () {
              var table = th.closest('table'), body = table.tBodies[0], i = th.cellIndex;
              var numeric = th.dataset.kind === 'integer' || th.dataset.kind === 'decimal';
              var dir = th.dataset.sort === 'asc' ? -1 : 1;
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (x) { delete x.dataset.sort; });
              th.dataset.sort = dir > 0 ? 'asc' : 'desc';
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[i].textContent, y = b.cells[i].textContent;
                if (numeric) {
                  var nx = parseFloat(x), ny = parseFloat(y);
                  nx = isNaN(nx) ? -Infinity : nx; ny = isNaN(ny) ? -Infinity : ny;
                  return nx === ny ? 0 : (nx < ny ? -dir : dir);
                }
                return x.localeCompare(y, 'ja') * dir;
              });
              rows.forEach(function (r) { body.appendChild(r); });
            });
          });

        """#

    /// The heatmap: a click (or a #cell= link) shows the items and passages.
    static let heatmapScript = #"""
          var states = {
            stated: '記載あり stated', not_this_concept: 'この概念なし not this concept',
            open_list: '例示（など）: この概念は例にない open list: not among the examples',
            named_in_prose: '本文に他の記載あり named in prose beyond the list',
            not_stated: '観点の記載なし the aspect is not stated', lost_in_extraction: '図で記載・抽出不能 lost in extraction'
          };
          var passages = json('kyodo-passages') || {};

          // The heatmap: a click on a cell shows its items, their wording, lines and passage.
          function cellInfo(td) {
            var table = td.closest('table');
            var head = table.tHead.rows[0].cells[td.cellIndex];
            var rowHead = td.parentNode.cells[0];
            return {
              aspect: table.dataset.aspect, municipality: head.dataset.m, name: head.title, note: head.dataset.note || '',
              concept: rowHead.dataset.c, conceptLabel: rowHead.textContent,
              state: td.className.split(' ')[0].replace(/^s-/, ''),
              items: (td.dataset.items || '').split(' ').filter(Boolean)
            };
          }
          function select(td) {
            var old = document.querySelectorAll('table.heatmap td.selected');
            for (var k = 0; k < old.length; k++) old[k].classList.remove('selected');
            td.classList.add('selected');
            var c = cellInfo(td);
            var panel = document.getElementById('passage');
            panel.textContent = '';
            panel.dataset.cell = c.aspect + '/' + (c.concept || '-') + '/' + c.municipality;
            panel.appendChild(node('h3', null, c.name + ' × ' + c.conceptLabel));
            panel.appendChild(node('p', 'state s-' + c.state, states[c.state] || c.state));
            if (c.note && c.state !== 'stated') panel.appendChild(node('p', 'note', c.note));
            c.items.forEach(function (id) {
              var p = passages[id];
              var box = node('article', 'item');
              box.dataset.item = id;
              if (!p) { box.appendChild(node('p', 'source', id)); panel.appendChild(box); return; }
              box.appendChild(node('h4', 'label', p[0]));
              if (p[1]) box.appendChild(node('p', 'description', p[1]));
              box.appendChild(node('p', 'source', p[2] + '  ·  ' + id));
              if (p[7]) {
                var pre = node('pre', 'lines');
                p[7].split('\n').forEach(function (line, k) {
                  var n = p[6] + k;
                  var row = node('span', n >= p[4] && n <= p[5] ? 'line hit' : 'line');
                  row.appendChild(node('span', 'no', String(n)));
                  row.appendChild(document.createTextNode(line));
                  pre.appendChild(row);
                });
                box.appendChild(pre);
              }
              panel.appendChild(box);
            });
            if (!c.items.length) panel.appendChild(node('p', 'hint', 'この欄に項目はありません No item in this cell.'));
            if (history.replaceState) history.replaceState(null, '', '#cell=' + encodeURIComponent(panel.dataset.cell));
          }
          document.addEventListener('click', function (e) {
            var td = e.target.closest && e.target.closest('table.heatmap td');
            if (td && !td.classList.contains('total')) select(td);
          });
          // A link to a cell: #cell=aspect/concept/municipality (concept `-`: the no-concept row).
          function openHash() {
            var m = /^#cell=(.*)$/.exec(location.hash);
            if (!m) return;
            var text;
            try { text = decodeURIComponent(m[1]); } catch (e) { return; }
            // aspect/concept/municipality; a municipality id may hold '/' (a draft named by its path).
            var first = text.indexOf('/'), second = text.indexOf('/', first + 1);
            if (first < 0 || second < 0) return;
            var parts = [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
            var tables = document.querySelectorAll('table.heatmap');
            for (var t = 0; t < tables.length; t++) {
              if (tables[t].dataset.aspect !== parts[0]) continue;
              var heads = tables[t].tHead.rows[0].cells, col = -1;
              for (var h = 0; h < heads.length; h++) if (heads[h].dataset.m === parts[2]) col = h;
              var rows = tables[t].tBodies[0].rows;
              for (var r = 0; r < rows.length; r++) {
                if ((rows[r].cells[0].dataset.c || '-') === parts[1] && col > 0) { select(rows[r].cells[col]); rows[r].cells[col].scrollIntoView({block: 'nearest', inline: 'nearest'}); }
              }
            }
          }

          window.addEventListener('hashchange', openHash);
          openHash();

        """#

    /// The similarity canvases.
    static let similarityScript = #"""
          // Similarity: each aspect's matrix on a canvas, in the clustered order.
          function colour(v) {
            var a = [255, 255, 255], b = [8, 48, 107];
            return 'rgb(' + a.map(function (x, k) { return Math.round(x + (b[k] - x) * v); }).join(',') + ')';
          }
          function fmt(v) { return v === null ? 'NA' : v.toFixed(3); }
          Array.prototype.forEach.call(document.querySelectorAll('div.similarity'), function (box) {
            var data = json('kyodo-similarity-' + box.dataset.aspect);
            var canvas = box.querySelector('canvas'), info = box.querySelector('.info');
            if (!data || data.ids.length < 2) { canvas.hidden = true; return; }
            var n = data.ids.length;
            var cell = Math.max(2, Math.min(28, Math.floor(640 / n)));
            var label = cell >= 10 ? 120 : 0;
            var size = label + n * cell, ratio = window.devicePixelRatio || 1;
            canvas.width = size * ratio; canvas.height = size * ratio;
            canvas.style.width = size + 'px'; canvas.style.height = size + 'px';
            var g = canvas.getContext('2d');
            g.scale(ratio, ratio);
            for (var i = 0; i < n; i++) {
              for (var j = 0; j < n; j++) {
                var v = data.concepts[i * n + j];
                g.fillStyle = v === null ? '#cfcfcf' : colour(v);
                g.fillRect(label + j * cell, label + i * cell, cell, cell);
              }
            }
            if (label) {
              g.fillStyle = '#1d2733';
              g.font = Math.min(12, cell - 2) + 'px ' + getComputedStyle(document.body).fontFamily;
              g.textAlign = 'right';
              for (var k = 0; k < n; k++) {
                g.fillText(data.ids[k], label - 4, label + k * cell + cell * 0.72, label - 6);
                g.save();
                g.translate(label + k * cell + cell * 0.72, label - 4);
                g.rotate(-Math.PI / 2);
                g.textAlign = 'left';
                g.fillText(data.ids[k], 0, 0, label - 6);
                g.restore();
              }
            }
            canvas.dataset.drawn = String(n);
            canvas.title = data.ids.join(' · ');
            canvas.addEventListener('click', function (e) {
              var rect = canvas.getBoundingClientRect();
              var col = Math.floor((e.clientX - rect.left - label) / cell), row = Math.floor((e.clientY - rect.top - label) / cell);
              if (row < 0 || col < 0 || row >= n || col >= n) return;
              info.textContent = data.ids[row] + ' × ' + data.ids[col] + ': 概念 concepts ' + fmt(data.concepts[row * n + col]) + ' · 文言 text ' + fmt(data.text[row * n + col]);
            });
          });

        """#

    /// The script's close: the page says it is ready.
    static let scriptEnd = #"""
          document.body.dataset.ready = '1';
        })();

        """#
}
