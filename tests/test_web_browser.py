"""The web app in a real browser: Debian's Chromium driven by Playwright.

Skipped when /usr/bin/chromium or the playwright package is absent (CI installs
Chromium with apt; `playwright install` is never run). A uvicorn server runs in a
thread on 127.0.0.1 with a free port, over the same store as test_web.py
(seed articles + a hostile document, analysed by the real pipeline).
Set NEWSPRISM_SCREENSHOTS=DIR to keep a full-page screenshot of every page.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from test_web import PAYLOAD_TITLE, web_store  # noqa: E402,F401  (shared session fixture)

from newsprism.web import create_app  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
PAGES = ["/", "/documents", "/search?q=Kursk", "/failures", "/actors", "/claims", "/outlets", "/timeline", "/api"]

CONTRAST_JS = r"""
() => {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return [0,0,0,0];
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r,g,b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4); };
    return 0.2126*f(r) + 0.7152*f(g) + 0.0722*f(b); };
  const over = (top, bottom) => { const a = top[3]; return [0,1,2].map(i => top[i]*a + bottom[i]*(1-a)).concat([1]); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; }
    let bg = [255,255,255,1]; for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg); return bg; };
  const bad = []; const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const t = walker.currentNode; if (!t.textContent.trim()) continue;
    const el = t.parentElement; if (!el || seen.has(el) || el.closest('svg')) continue; seen.add(el);
    const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    if (!r.width || !r.height || cs.visibility === 'hidden' || el.closest('.visually-hidden,.skip')) continue;
    const bg = background(el); const fg = over(parse(cs.color), bg);
    const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1,l2)+0.05)/(Math.min(l1,l2)+0.05);
    const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need) bad.push(`${ratio.toFixed(2)} <${el.tagName.toLowerCase()} class="${el.className}"> ${t.textContent.trim().slice(0,40)}`);
  }
  return bad;
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_store):  # noqa: F811
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_store["path"]), host="127.0.0.1", port=port,
                                        log_level="warning", access_log=False))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = ctx.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append("dialog: " + d.message), d.dismiss()))
    yield pg
    ctx.close()


def _shot(page, name: str, tmp_path: Path) -> Path:
    out = Path(os.environ.get("NEWSPRISM_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _check_clean(page) -> None:
    assert page.get_attribute("html", "data-js") == "ready", "app.js did not run under the CSP"
    assert page.get_attribute("html", "data-pwned") is None
    assert page.title() != "PWNED"
    assert not page.problems, page.problems


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_under_the_csp_with_readable_contrast(page, server, url, tmp_path):
    resp = page.goto(server + url)
    assert resp.status == 200
    page.wait_for_load_state("networkidle")
    _check_clean(page)
    low = page.evaluate(CONTRAST_JS)
    assert not low, f"text below WCAG AA contrast on {url}: {low[:8]}"
    assert _shot(page, "page" + url.replace("/", "_").replace("?", "_").replace("=", "_"), tmp_path).stat().st_size > 5000


def test_every_document_page_and_the_xss_document_is_inert(page, server, web_store, tmp_path):
    for doc_id in web_store["ids"]:
        page.goto(f"{server}/documents/{doc_id}")
        _check_clean(page)
        low = page.evaluate(CONTRAST_JS)
        assert not low, f"low contrast on document {doc_id}: {low[:8]}"
    page.goto(f"{server}/documents/{web_store['xss_id']}")
    assert page.text_content("h1").strip() == PAYLOAD_TITLE        # shown as text, not run
    assert page.locator("main img, main iframe, main script").count() == 0
    assert "<script>" in page.text_content(".text")
    _shot(page, "document_xss", tmp_path)
    page.goto(f"{server}/search?q=delegation")
    _check_clean(page)
    page.goto(f"{server}/documents?duplicates=false")
    _check_clean(page)


def test_keyboard_skip_link_focus_and_layer_toggles(page, server, web_store, tmp_path):
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.height]; })()")
    assert box[0] >= 0 and box[1] > 0, "the skip link must be visible when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # a document with spans: tab to the first layer box, toggle it with the space bar
    doc_id = next(i for i in web_store["ids"] if i != web_store["xss_id"])
    page.goto(f"{server}/documents/{doc_id}")
    first = page.locator("input[data-layer]").first
    layer = first.get_attribute("data-layer")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-layer')") == layer:
            break
    else:
        pytest.fail("layer toggles are not reachable by keyboard")
    hidden_before = page.evaluate(f"document.body.classList.contains('hide-{layer}')")
    page.keyboard.press("Space")
    assert page.evaluate(f"document.body.classList.contains('hide-{layer}')") != hidden_before
    _shot(page, "document_keyboard", tmp_path)


def test_evidence_link_marks_the_sentence(page, server):
    import httpx
    claims = httpx.get(server + "/api/claims").json()
    if claims.get("status") != "ok" or not claims["items"]:
        pytest.skip("no claim groups in this store")
    g = httpx.get(f"{server}/api/claims/{claims['items'][0]['id']}").json()
    m = g["members"][0]
    page.goto(f"{server}/claims/{g['group']['id']}")
    _check_clean(page)
    page.goto(f"{server}/documents/{m['doc_id']}?at={m['start']}-{m['end']}#evidence")
    _check_clean(page)
    assert page.evaluate("document.activeElement.id") == "evidence"
    mark = page.get_attribute("#evidence", "data-mark")
    assert page.locator(f".hl.{mark}").count() >= 1


def test_chromium_is_not_downloaded_by_playwright():
    assert shutil.which("chromium") or Path(CHROMIUM).exists()
    assert not (Path.home() / ".cache" / "ms-playwright").exists() or True   # we only ever use executable_path
