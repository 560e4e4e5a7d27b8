"""The review site: escaping, highlights for every table, and a real headless browser.

The browser test drives Debian's Chromium (/usr/bin/chromium) over the DevTools
protocol on `--remote-debugging-pipe` (fd 3 in, fd 4 out, NUL-separated JSON): no pip
package, no websocket, no download. It skips when Chromium is not installed.
Run as a script it saves a screenshot of a page:
`python tests/test_review.py outputs/review/SOME-PAGE.html docs/review.png`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import select
import shutil
import signal
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.batch.runner import RunSettings, run_extract, write_outputs
from pipeline.batch.store import Store, pipeline_fingerprint
from pipeline.review import build_review, highlight, slugify
from pipeline.review.site import TABLES
from pipeline.review.templates import Mark

CHROMIUM = Path(os.environ.get("MINUTEBOOK_CHROMIUM", "/usr/bin/chromium"))
HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(1)> & \"quotes\""
FILLER = "".join(f"Paragraph {n} of the report on the borough's budget.\n" for n in range(150))
PAPER = ("Fernley <b>Test</b> Board\nMinutes of the meeting held on 1 March 2024\n"
         "Present: Councillor Jane Smith (Chair), Councillor Omar Patel\n"
         "Apologies: Councillor Ann Lee\n"
         "Substitutes: Councillor Bob Ray for Councillor Ann Lee\n"
         f"{HOSTILE}\n{FILLER}"
         "7. Budget Monitoring\nRESOLVED: That the report be noted.\n"
         "Recommendation 1: That the Board reports to the Fernley Cabinet.\n"
         "Councillor Omar Patel declared a personal interest in item 7.\n"
         "On a recorded vote the amendment was lost (For 1, Against 2).\n"
         "For: Councillor Jane Smith\n"
         "Also present: Dr Zoe Quinn\n")


# --- a run folder made by hand: one row of every table, spans that nest and cross ----------

def _row(needle: str, **values: object) -> dict:
    start = PAPER.index(needle)
    return {**values, "page": 1, "start": start, "end": start + len(needle), "evidence": needle}


def _tables() -> dict[str, list[dict]]:
    item = "7. Budget Monitoring\nRESOLVED: That the report be noted."
    return {
        "documents": [{**_row("Minutes of the meeting held on 1 March 2024"), "kind": "minutes",
                       "body": "Fernley <b>Test</b> Board", "date": "2024-03-01"}],
        "attendees": [_row("Councillor Jane Smith", name="Jane Smith", role="Chair"),
                      _row("Councillor Omar Patel", name="Omar Patel"),
                      _row("Dr Zoe Quinn", name="Zoe Quinn", capacity="officer")],
        "apologies": [_row("Councillor Ann Lee", name="Ann Lee")],
        "substitutes": [_row("Councillor Bob Ray for Councillor Ann Lee", member="Ann Lee",
                             substitute="Bob Ray")],
        "items": [_row(item, number="7", title="Budget Monitoring")],  # holds the decision
        "decisions": [_row("RESOLVED: That the report be noted.\nRecommendation 1",
                           item="7", kind="RESOLVED", text="That the report be noted.")],
        "recommendations": [_row("Recommendation 1: That the Board reports",  # crosses it
                                 number="1", text="That the Board reports to the Cabinet.")],
        "relations": [{**_row("Board reports to the Fernley Cabinet"), "source": "Board",
                       "relation": "reports_to", "target": "Cabinet <i>x</i>"},
                      {"source": "A", "relation": "linked_to", "target": "B", "page": 1,
                       "start": 10**9, "end": 10**9 + 5, "evidence": "out of range"}],
        "declarations": [_row("Councillor Omar Patel declared a personal interest in item 7.",
                              name="Omar Patel", item="7", kind="personal",
                              text="Councillor Omar Patel declared a personal interest in "
                                   "item 7.")],
        "votes": [_row("the amendment was lost (For 1, Against 2)", vote=1, item="7",
                       motion="the amendment", result="lost", **{"for": 1, "against": 2})],
        "vote_members": [_row("For: Councillor Jane Smith", vote=1, item="7",
                              name="Jane Smith", position="for")],
        "bodies": [],
    }


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("handmade")
    tables = {name: [{"document": "minutes/paper one.txt", **row} for row in rows]
              for name, rows in _tables().items()}
    with Store(out) as store:
        store.save("minutes/paper one.txt", "0" * 64, pipeline_fingerprint(), "ok", pages=1,
                   tables=tables, text=PAPER)
        write_outputs(store, ["minutes/paper one.txt"], out, raw_csv=False)
    build_review(out)
    return out


def _page(run: Path, document: str = "minutes/paper one.txt") -> Path:
    return run / "review" / slugify(document)


class _Marks(HTMLParser):
    """Which row ids cover each character of #text; fails on unbalanced <mark> tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.stack, self.chars, self.cover = False, [], [], []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "pre" and ("id", "text") in attrs:
            self.inside = True
        elif self.inside:
            assert tag == "mark", f"unexpected <{tag}> inside the text"
            self.stack.append(dict(attrs)["data-row"])

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == "pre":
            assert not self.stack, "marks left open"
            self.inside = False
        elif self.inside:
            assert tag == "mark" and self.stack, f"stray </{tag}>"
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.chars.append(data)
            self.cover += [set(self.stack)] * len(data)


def _parse(markup: str) -> _Marks:
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    return parser


# --- unit tests -----------------------------------------------------------------------------

def test_extracted_paper_with_script_shows_as_text(tmp_path: Path) -> None:
    papers = tmp_path / "in"
    papers.mkdir()
    (papers / "hostile paper.txt").write_text(
        "Fernley Scrutiny Committee\n\nMinutes of the meeting held on 2 May 2024\n\n"
        f"{HOSTILE}\n\n1. Budget <script>alert(2)</script>\n\n"
        "RESOLVED: That the <img src=x onerror=alert(3)> report be noted.\n", encoding="utf-8")
    (papers / "-draft <b>x.txt").write_text("Cabinet\n\nMinutes of 1 May 2024\n")
    run_extract([papers], tmp_path / "run", RunSettings(workers=0))
    site = build_review(tmp_path / "run")
    draft = (tmp_path / "run" / "review" / slugify("-draft <b>x.txt")).read_text()
    assert "-draft &lt;b&gt;x.txt</h1>" in draft and "Minutes of 1 May" in draft
    assert f'href="{slugify("-draft <b>x.txt")}"' in site.index.read_text()
    page = (tmp_path / "run" / "review" / slugify("hostile paper.txt")).read_text()
    for raw in ("<script>alert", "<img src=x", "<b>x"):
        assert raw not in page and raw not in site.index.read_text()
    assert page.count("<script>") == 1  # the page's own script, nothing else
    with Store(tmp_path / "run") as store:
        record = next(store.records(["hostile paper.txt"]))
        text = store.text("hostile paper.txt")
    marks = _parse(page)
    assert "".join(marks.chars) == text and HOSTILE in text  # shown as text, whole
    rows = [(t, n) for t, rows in record["tables"].items() for n, _ in enumerate(rows)]
    assert rows, "the extractors found nothing in the hostile paper"
    for table, n in rows:
        assert f'data-row="{table}-{n}"' in page


def test_every_table_is_highlighted_where_its_row_came_from(handmade: Path) -> None:
    page = _page(handmade).read_text()
    marks = _parse(page)
    assert "".join(marks.chars) == PAPER  # the text is whole, nothing added or lost
    for table, rows in _tables().items():
        for n, row in enumerate(rows):
            covered = "".join(c for c, ids in zip(PAPER, marks.cover, strict=True)
                              if f"{table}-{n}" in ids)
            if row["start"] < len(PAPER):
                assert covered == row["evidence"], (table, n)
                assert f'class="t-{table}" data-row="{table}-{n}"' in page
            else:
                assert covered == ""  # out of range: listed in its table, not marked
            assert f'<tr data-row="{table}-{n}"' in page
    for table in TABLES:
        assert f'data-tab="{table}"' in page and f"sw-{table}" in page
    assert 'src="structure.svg"' in page
    assert (handmade / "review" / "structure.svg").is_file()


def test_index_lists_documents_counts_and_errors(tmp_path: Path, handmade: Path) -> None:
    (handmade / "errors.csv").write_text(
        "document,stage,error_type,message\nbad <b>.pdf,read,unreadable,<i>broken</i> file\n",
        encoding="utf-8")
    index = build_review(handmade, tmp_path / "site").index.read_text()
    assert f'href="{slugify("minutes/paper one.txt")}"' in index
    assert "&lt;i&gt;broken&lt;/i&gt; file" in index and "bad &lt;b&gt;.pdf" in index
    assert "<b>" not in index and 'src="structure.svg"' in index
    assert ">3</td>" in index  # three attendees


@pytest.mark.parametrize("document", ["../../etc/passwd", "a/b/../../c.txt", "/abs/x.pdf",
                                      "C:\\win\\y.docx", "..", "", "é ü/β.txt", "a" * 500])
def test_page_names_are_safe(document: str) -> None:
    name = slugify(document)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}-[0-9a-f]{8}\.html", name)
    assert name != slugify(document + " ")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab <>&\"'\n\t", max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6))
def test_overlapping_spans_give_well_formed_marks(text: str, spans: list) -> None:
    marks = [Mark(min(a, b, len(text)), min(max(a, b), len(text)), f"x-{n}", "items", "")
             for n, (a, b) in enumerate(spans)]
    marks = [m for m in marks if m.start < m.end]
    parsed = _parse(f'<pre id="text">{highlight(text, marks)}</pre>')
    assert "".join(parsed.chars) == text
    for mark in marks:
        assert [i for i, ids in enumerate(parsed.cover) if mark.row in ids] == \
            list(range(mark.start, mark.end))


def test_review_command(handmade: Path, tmp_path: Path) -> None:
    from pipeline.cli import main

    assert main(["review", str(handmade), "--out", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "index.html").is_file()
    assert main(["review", str(tmp_path)]) == 2  # not a run: one line, no traceback


# --- Chromium over the DevTools protocol ----------------------------------------------------

class Chromium:
    """Headless Chromium driven over --remote-debugging-pipe, one page (a CDP session)."""

    FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", "--remote-debugging-pipe", "--window-size=1280,860")

    def __init__(self, profile: Path, binary: Path = CHROMIUM) -> None:
        import fcntl  # POSIX only, like the pipe itself

        to_child, self._to_us = os.pipe(), os.pipe()
        # children see the pipe ends as fds 3 and 4; move them above 3/4 first
        high = [fcntl.fcntl(to_child[0], fcntl.F_DUPFD_CLOEXEC, 10),
                fcntl.fcntl(self._to_us[1], fcntl.F_DUPFD_CLOEXEC, 10)]
        self.log = open(profile.parent / "chromium.log", "wb")  # noqa: SIM115
        actions = [(os.POSIX_SPAWN_DUP2, high[0], 3), (os.POSIX_SPAWN_DUP2, high[1], 4),
                   (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_DUP2, self.log.fileno(), 1),
                   (os.POSIX_SPAWN_DUP2, self.log.fileno(), 2)]
        argv = [str(binary), *self.FLAGS, f"--user-data-dir={profile}", "about:blank"]
        self.pid = os.posix_spawn(str(binary), argv, os.environ, file_actions=actions,
                                  setsid=True)
        for fd in (*high, to_child[0], self._to_us[1]):
            os.close(fd)
        self._out, self._in = to_child[1], self._to_us[0]
        self._buffer, self._next, self.events, self.session = b"", 0, [], None

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if not select.select([self._in], [], [], max(0.0, deadline - time.time()))[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise RuntimeError(f"Chromium closed the pipe; see {self.log.name}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, timeout: float = 20.0, **params: object) -> dict:
        """Send one command (to the page's session once attached) and wait for its answer."""
        self._next += 1
        command = {"id": self._next, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            command["sessionId"] = self.session
        os.write(self._out, json.dumps(command).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            message = self._read(deadline)
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_event(self, method: str, timeout: float = 20.0) -> dict:
        deadline = time.time() + timeout
        while True:
            for n, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(n)
            self.events.append(self._read(deadline))

    def open_page(self) -> None:
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=860,
                  deviceScaleFactor=1, mobile=False)

    def goto(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def js(self, expression: str) -> object:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=1)

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, failed loads and blocked content so far."""
        self.send("Runtime.evaluate", expression="0")  # flush pending events
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url')}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params.get('message')}")
        return found

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close", timeout=5)
        for _ in range(50):
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                break
            time.sleep(0.1)
        else:
            os.killpg(self.pid, signal.SIGKILL)  # our own process group (setsid above)
            os.waitpid(self.pid, 0)
        for fd in (self._in, self._out):
            os.close(fd)
        self.log.close()


@pytest.fixture
def browser(tmp_path: Path):
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    chromium = Chromium(tmp_path / "profile")
    try:
        chromium.open_page()
        yield chromium
    finally:
        chromium.close()


IN_VIEW = """(() => {{
  const m = document.querySelector('mark[data-row="{row}"]'), box = m.getBoundingClientRect();
  const pane = document.getElementById('paper').getBoundingClientRect();
  return {{visible: box.width > 0 && box.height > 0 && getComputedStyle(m).visibility
             === 'visible', inView: box.top >= pane.top && box.bottom <= pane.bottom,
          flashing: m.classList.contains('flash'), scrolled: document.getElementById('paper')
             .scrollTop, flashed: document.body.dataset.flashed || ''}};
}})()"""


def _click_row(browser: Chromium, row: str) -> None:
    table = row.rsplit("-", 1)[0]
    browser.js(f"document.querySelector('.tabs button[data-tab=\"{table}\"]').click()")
    x, y = browser.js(f"""(() => {{
      const r = document.querySelector('tr[data-row="{row}"]');
      r.scrollIntoView({{block: 'nearest'}});
      const b = r.getBoundingClientRect();
      return [b.left + Math.min(40, b.width / 2), b.top + b.height / 2];
    }})()""")
    browser.click(x, y)


def test_page_in_headless_chromium(browser: Chromium, handmade: Path, tmp_path: Path) -> None:
    browser.goto(_page(handmade).resolve().as_uri())
    row = "attendees-2"  # Dr Zoe Quinn, at the end of a long paper
    before = browser.js(IN_VIEW.format(row=row))
    assert before["visible"] and not before["inView"] and not before["flashing"]
    _click_row(browser, row)
    deadline, after, flashed = time.time() + 8, before, False
    while time.time() < deadline and not (after["inView"] and flashed):
        time.sleep(0.05)
        after = browser.js(IN_VIEW.format(row=row))
        flashed = flashed or after["flashing"]  # the class goes when the animation ends
    assert after["inView"] and flashed and after["flashed"] == row
    assert after["scrolled"] > before["scrolled"]
    assert browser.js(f"document.querySelector('tr[data-row=\"{row}\"]')"
                      ".classList.contains('selected')")
    text = browser.js("document.getElementById('text').textContent")
    assert text == PAPER and HOSTILE in text
    assert browser.js("document.querySelectorAll('#text *:not(mark), img[src=x]').length") == 0
    assert browser.js("document.querySelector('.structure img').complete && "
                      "document.querySelector('.structure img').naturalWidth > 0")
    shot = browser.screenshot(tmp_path / "review.png")
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert browser.problems() == []
    browser.goto((handmade / "review" / "index.html").resolve().as_uri())
    assert browser.js("document.querySelector('.structure img').naturalWidth > 0")
    assert browser.problems() == []


def _save_screenshot(page: Path, out: Path, row: str | None) -> None:
    """Open `page`, click `row` (default: the first row of the open tab, if any), save a PNG."""
    profile = Path(os.environ.get("TMPDIR", "/tmp")) / f"minutebook-shot-{os.getpid()}"
    shutil.rmtree(profile, ignore_errors=True)
    profile.mkdir(parents=True)
    chromium = Chromium(profile / "profile")
    try:
        chromium.open_page()
        chromium.goto(page.resolve().as_uri())
        row = row or chromium.js("document.querySelector('.panel.active tr[data-row]')"
                                 "?.dataset.row ?? ''")
        if row:  # the index has none
            _click_row(chromium, row)
            time.sleep(0.5)
        print(chromium.screenshot(out), "problems:", chromium.problems() or "none")
    finally:
        chromium.close()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    _save_screenshot(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if sys.argv[3:] else None)
