#!/usr/bin/env python3
"""Load Kyodo's HTML pages in headless Chromium and report what the DOM holds after the
pages' scripts ran, as JSON on standard output (one object per page).

Driven over the DevTools protocol on a pipe (--remote-debugging-pipe), with nothing but the
standard library. For every page: the requests it made (only its own file:// URL is
allowed), console errors and uncaught exceptions, whether its script finished, and facts of
its views: the heatmap's cells by state, the similarity canvases drawn, changed passages
underlined, a table filter's effect. With --click ASPECT/CONCEPT/MUNICIPALITY the cell is
clicked with a real mouse event and the passage panel's text is reported; --screenshot
FILE.png saves the window after that (from the top, or from the element --scroll-to names).

    scripts/browser_check.py [--chromium PATH] [--click A/C/M] [--screenshot F.png [--scroll-to ID]] PAGE.html...
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, width, height):
        self.profile = tempfile.mkdtemp(prefix="kyodo-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def plumb():
            # (The pipe's own descriptors may be 3 or 4: moved out of the way first.)
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--mute-audio", f"--window-size={width},{height}", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=plumb)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self.read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session, timeout=60):
        deadline = time.time() + timeout
        for k, e in enumerate(self.events):
            if e.get("method") == method and e.get("sessionId") == session:
                del self.events[k]
                return e
        while True:
            e = self.read_message(deadline)
            if e.get("method") == method and e.get("sessionId") == session:
                return e
            self.events.append(e)


FACTS = r"""
(() => {
  const q = (s) => Array.from(document.querySelectorAll(s));
  const cells = q('table.heatmap td').filter(td => !td.classList.contains('total'));
  const states = {};
  cells.forEach(td => { const s = td.className.split(' ')[0].replace(/^s-/, ''); states[s] = (states[s] || 0) + 1; });
  const filter = document.querySelector('section.table input[data-filter]');
  let filtered = null;
  if (filter) {
    const body = filter.closest('section').querySelector('tbody');
    const first = body.rows.length ? body.rows[0].cells[0].textContent.trim() : '';
    filter.value = first;
    filter.dispatchEvent(new Event('input'));
    filtered = { query: first, total: body.rows.length, shown: Array.from(body.rows).filter(r => !r.hidden).length };
    filter.value = '';
    filter.dispatchEvent(new Event('input'));
  }
  return {
    title: document.title,
    ready: document.body.dataset.ready === '1',
    heatmaps: q('table.heatmap').map(t => t.dataset.aspect),
    cells: cells.length,
    states: states,
    similarity: q('div.similarity canvas').map(c => Number(c.dataset.drawn || 0)),
    underlined: q('u.chg').length,
    tables: q('section.table').map(s => s.id),
    filtered: filtered,
    externalReferences: q('[src], link[href]').map(e => e.getAttribute('src') || e.getAttribute('href')),
  };
})()
"""

CELL_RECT = r"""
((aspect, concept, municipality) => {
  for (const t of document.querySelectorAll('table.heatmap')) {
    if (t.dataset.aspect !== aspect) continue;
    const col = Array.from(t.tHead.rows[0].cells).findIndex(h => h.dataset.m === municipality);
    for (const r of t.tBodies[0].rows) {
      if ((r.cells[0].dataset.c || '-') === concept && col > 0) {
        const td = r.cells[col];
        td.scrollIntoView({block: 'center', inline: 'center'});
        const b = td.getBoundingClientRect();
        return {x: b.left + b.width / 2, y: b.top + b.height / 2};
      }
    }
  }
  return null;
})
"""

PANEL = r"""
(() => {
  const p = document.getElementById('passage');
  if (!p) return null;
  return {
    cell: p.dataset.cell || null,
    text: p.innerText,
    items: Array.from(p.querySelectorAll('article.item')).map(a => ({
      id: a.dataset.item,
      label: (a.querySelector('h4') || {}).textContent || null,
      source: (a.querySelector('.source') || {}).textContent || null,
      hits: Array.from(a.querySelectorAll('.line.hit')).map(l => ({no: Number(l.querySelector('.no').textContent), text: l.textContent.slice(l.querySelector('.no').textContent.length)})),
    })),
    selected: document.querySelectorAll('table.heatmap td.selected').length,
  };
})()
"""


def evaluate(browser, session, expression):
    result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session)
    if "exceptionDetails" in result:
        raise RuntimeError(f"script failed: {result['exceptionDetails']}")
    return result["result"].get("value")


def check(browser, page, click, screenshot, scroll_to=None):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Network", "Runtime", "Log"):
        browser.send(f"{domain}.enable", {}, session)
    browser.events.clear()
    url = "file://" + os.path.abspath(page)
    browser.send("Page.navigate", {"url": url}, session)
    browser.wait_for("Page.loadEventFired", session)
    facts = evaluate(browser, session, FACTS)
    if click:
        aspect, concept, municipality = click.split("/", 2)
        point = evaluate(browser, session, CELL_RECT + f"({json.dumps(aspect)}, {json.dumps(concept)}, {json.dumps(municipality)})")
        facts["clicked"] = point is not None
        if point:
            for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
                browser.send("Input.dispatchMouseEvent", {"type": kind, "x": point["x"], "y": point["y"], "button": "left", "clickCount": 1}, session)
        facts["panel"] = evaluate(browser, session, PANEL)
    if screenshot:
        if scroll_to:
            evaluate(browser, session, f"document.getElementById({json.dumps(scroll_to)}).scrollIntoView()")
        else:
            evaluate(browser, session, "window.scrollTo(0, 0)")
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    # What the page asked for and what went wrong, from the events gathered meanwhile.
    requests, errors = [], []
    for e in browser.events:
        if e.get("sessionId") != session:
            continue
        method, params = e.get("method"), e.get("params", {})
        if method == "Network.requestWillBeSent":
            requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text", "error"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            errors.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
    facts["page"] = page
    facts["requests"] = [u for u in requests if u != url]
    facts["errors"] = errors
    browser.send("Target.closeTarget", {"targetId": target})
    return facts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--chromium", default=os.environ.get("KYODO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--click")
    parser.add_argument("--screenshot")
    parser.add_argument("--scroll-to", help="the id of the element the screenshot starts at (default: the top)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    browser = Browser(args.chromium, args.width, args.height)
    try:
        results = [check(browser, page, args.click, args.screenshot if k == 0 else None, args.scroll_to) for k, page in enumerate(args.pages)]
    finally:
        browser.close()
    json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
