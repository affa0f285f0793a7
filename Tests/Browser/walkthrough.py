#!/usr/bin/env python3
"""A walk through the Civic Index platform in a real headless Chromium, driven by Selenium.

Usage: walkthrough.py --base-url http://127.0.0.1:8080 --screenshots out/screenshots [--accounts accounts.json]

Each step is a function taking the `Walk` and raising `Failure` with a message that says what was
expected and what the page showed. Steps run in the order of `STEPS`; a PNG screenshot is taken
after each one (and one named `FAILED-...` when a step fails). The exit status is 0 only when
every step passed, 1 when one failed, and 2 when the browser or Selenium are missing (`.ci/run`
installs them).

With `--accounts` (a JSON list of the demo accounts: username, password, role, totpSecret) the
walk goes on through the workspaces and takes the open 2027 demo cycle to its winner: the
community submits, the organiser assigns and moves the phases, the analyst signs in with TOTP and
scores both rounds, the juror votes, the organiser publishes, and the results page shows the
winner.
"""

import argparse
import base64
import hashlib
import hmac
import os
import re
import signal
import json
import struct
import sys
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable, Optional

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: How long a page or element may take to appear before a step fails.
WAIT_SECONDS = 15


class Failure(Exception):
    """A check that did not hold: the message says what was expected and what was found."""


def check(condition, message):
    """Raises `Failure(message)` unless `condition` holds."""
    if not condition:
        raise Failure(message)


# ---------------------------------------------------------------------------------------------
# TOTP (RFC 6238) and signing in

def totp(secret: str, at: Optional[float] = None, digits: int = 6, step: int = 30) -> str:
    """The TOTP code of the base32 `secret` at time `at` (now by default), as RFC 6238 and
    authenticator apps compute it: HMAC-SHA1 over the 30-second counter, keyed with the bytes
    the base32 text encodes (padded to a whole number of 8-character groups for b32decode)."""
    text = secret.replace(" ", "").upper()
    key = base64.b32decode(text + "=" * (-len(text) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


def fresh_totp(secret: str, margin: float = 3.0, step: int = 30) -> str:
    """A code that stays valid for at least `margin` seconds: waits for the next time step when
    the current one is about to end, so a code is not rejected for expiring in transit."""
    remaining = step - time.time() % step
    if remaining < margin:
        time.sleep(remaining + 0.1)
    return totp(secret, step=step)


def login(driver, username: str, password: str, totp_secret: Optional[str] = None):
    """Signs in through the page the driver is on: fills the form fields named `username` and
    `password`, and `code` with a fresh TOTP when `totp_secret` is given. The code field may be on
    the same form or on the page the first submission leads to."""
    from selenium.webdriver.common.by import By

    form_field(driver, "username").clear()
    form_field(driver, "username").send_keys(username)
    form_field(driver, "password").send_keys(password)
    codes = driver.find_elements(By.NAME, "code")
    if totp_secret is not None and codes:
        codes[0].send_keys(fresh_totp(totp_secret))
        submit(codes[0])
        return
    submit(form_field(driver, "password"))
    if totp_secret is not None:
        code = form_field(driver, "code")
        code.send_keys(fresh_totp(totp_secret))
        submit(code)


def form_field(driver, name: str):
    """The visible form field named `name`, waiting for it to appear."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, WAIT_SECONDS).until(EC.visibility_of_element_located((By.NAME, name)))
    except Exception:
        raise Failure(f"no visible form field named {name!r} on {driver.current_url}") from None


def submit(element):
    """Submits the form of `element` through its submit button (as a person would), or by
    pressing Enter in it when the form has no button."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    form = element.find_element(By.XPATH, "./ancestor::form")
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], button:not([type]), input[type=submit]")
    if buttons:
        buttons[0].click()
    else:
        element.send_keys(Keys.ENTER)


# ---------------------------------------------------------------------------------------------
# The walk

@dataclass
class Walk:
    """What every step works with: the browser, the site's address and where screenshots go."""

    driver: object
    base_url: str
    screenshots: str
    shot_number: int = 0
    #: The demo accounts by role, from --accounts.
    accounts: dict = field(default_factory=dict)
    #: Each role's cookies once signed in, so that roles take turns in one browser.
    sessions: dict = field(default_factory=dict)
    current_role: Optional[str] = None
    #: The JSON-lines file of the local SMTP server's messages, from --mail.
    mail: Optional[str] = None

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def open(self, path: str):
        """Loads `path` and waits for the page to be complete.

        A browser starved of CPU (the whole test suite runs beside it) may miss its renderer's
        answer once, mostly on its first page; the load is tried again, and a second miss fails."""
        from selenium.common.exceptions import TimeoutException

        try:
            self.driver.get(self.url(path))
        except TimeoutException:
            print(f"note  {path}: the browser timed out loading the page; trying once more", flush=True)
            self.driver.get(self.url(path))
        self.wait_loaded()

    def wait_loaded(self):
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def wait_for_path(self, predicate: Callable[[str], bool], what: str):
        """Waits until the current path and query satisfy `predicate` (after a click or a form)."""
        from selenium.webdriver.support.ui import WebDriverWait

        try:
            WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: predicate(self.path()))
        except Exception:
            raise Failure(f"expected to arrive at {what}, but the browser is at {self.driver.current_url}") from None
        self.wait_loaded()

    def path(self) -> str:
        """The current path with its query, without the site's address."""
        url = self.driver.current_url
        return url[len(self.base_url.rstrip("/")):] if url.startswith(self.base_url.rstrip("/")) else url

    def shot(self, name: str):
        """Saves a screenshot of the viewport as NN-name.png."""
        self.shot_number += 1
        path = os.path.join(self.screenshots, f"{self.shot_number:02d}-{name}.png")
        check(self.driver.save_screenshot(path), f"could not save the screenshot {path}")

    def text(self) -> str:
        """The visible text of the page."""
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.TAG_NAME, "body").text

    def find(self, css: str, what: str):
        from selenium.webdriver.common.by import By

        found = self.driver.find_elements(By.CSS_SELECTOR, css)
        check(found, f"no {what} ({css}) on {self.path()}")
        return found[0]

    def link(self, text: str, within: str = "body"):
        """The first link inside `within` whose visible text contains `text` (case-insensitive)."""
        from selenium.webdriver.common.by import By

        for a in self.driver.find_elements(By.CSS_SELECTOR, f"{within} a"):
            if text.lower() in a.text.lower():
                return a
        raise Failure(f"no link containing {text!r} in {within} on {self.path()}")

    def expect_text(self, *fragments: str):
        page = self.text()
        for fragment in fragments:
            check(fragment in page, f"{self.path()} does not show {fragment!r}; it shows:\n{page[:1500]}")

    def heading(self) -> str:
        return self.find("h1", "page heading").text.strip()

    def table_rows(self, css: str = "main table tbody tr"):
        """The rows of a table as lists of cell texts."""
        # One script call rather than one WebDriver round trip per cell. innerText is the
        # rendered text, so a cell hidden by the page's CSS reads as empty.
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]), tr =>"
            " Array.from(tr.querySelectorAll('th, td'), c => c.innerText.trim()))", css)

    def chart(self, what: str, min_marks: int = 1):
        """Checks that the page has an SVG chart with at least `min_marks` drawn marks."""
        svg = self.find("main svg", what)
        marks = self.driver.execute_script(
            "return arguments[0].querySelectorAll('rect, path, circle, line, polygon, polyline').length", svg)
        check(marks >= min_marks, f"the {what} on {self.path()} draws {marks} marks, expected at least {min_marks}")
        size = svg.size
        check(size["width"] > 100 and size["height"] > 50,
              f"the {what} on {self.path()} is rendered {size['width']}×{size['height']} px, too small to see")
        return svg


def select(walk: Walk, element_id: str, value: str):
    """Chooses `value` in the select `element_id` with the real control."""
    from selenium.webdriver.support.ui import Select

    control = Select(walk.find(f"select#{element_id}", f"select #{element_id}"))
    values = [o.get_attribute("value") for o in control.options]
    check(value in values, f"the select #{element_id} offers no {value!r}; it offers {values}")
    control.select_by_value(value)


def selected(walk: Walk, element_id: str) -> str:
    from selenium.webdriver.support.ui import Select

    return Select(walk.find(f"select#{element_id}", f"select #{element_id}")).first_selected_option.get_attribute("value")


def number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("-inf")


# ---------------------------------------------------------------------------------------------
# Steps

def home(walk: Walk):
    walk.open("/")
    check("Civic Index" in walk.driver.title, f"the home page's title is {walk.driver.title!r}")
    check(walk.heading() == "Civic Index", f"the home page's heading is {walk.heading()!r}")
    walk.expect_text("The awards programme", "The six factors", "51 units", "See the full ranking", "Browse the communities")
    top = walk.find("section[aria-labelledby=index-heading] ol li", "top-five list")
    best = api(walk, "/api/v1/indices/asem/rankings")["units"][0]
    score = f"{best['scores']['Index']:.2f}"
    check(top.text.startswith(best["name"]) and score in top.text, f"the home page's top unit is {top.text!r}, expected {best['name']} {score}")
    walk.shot("home")


def search_profile_compare(walk: Walk):
    """A newcomer searches a community from the home page, opens its profile and compares it with two peers."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    walk.open("/")
    leader = walk.find("section[aria-labelledby=ici-heading] ol li a", "Intelligent Community Index leaders")
    name = leader.text.strip()
    # Typed without its "(synthetic)" label and in capitals: the search ignores case.
    query = name.replace(" (synthetic)", "").upper()
    box = walk.find("#home-q", "search box")
    box.send_keys(query)
    box.send_keys(Keys.RETURN)
    walk.wait_for_path(lambda p: p.startswith("/search"), "the search results")
    walk.expect_text(f"found for “{query}”")
    walk.shot("search")
    walk.link(name, "main ul.results").click()
    walk.wait_for_path(lambda p: p.startswith("/communities/"), f"{name}'s profile")
    check(walk.heading() == name, f"the profile's heading is {walk.heading()!r}")
    walk.expect_text("Synthetic: this community is invented", "Intelligent Community Index", "rank among the nominees",
                     "Scores by year", "Awards record", "Case studies", "Peers")
    check(re.search(r"Ranked \d+(st|nd|rd|th) of \d+ nominees in 2026", walk.text()) is not None, "the profile does not say where the community ranks")
    trend = walk.driver.find_elements(By.CSS_SELECTOR, "svg.chart-trend")
    check(trend and trend[0].size["width"] > 300, "the profile has no trend chart, or it is too small to read")
    years = [r[0] for r in walk.table_rows("main table.data:nth-of-type(2) tbody tr")]
    check("2026" in years, f"the scores-by-year table lists {years}")
    walk.shot("community-profile")
    walk.link("Compare side by side", "main").click()
    walk.wait_for_path(lambda p: p.startswith("/compare"), "the comparison")
    first = walk.find("main table.compare", "comparison table")
    header = [c.text for c in first.find_elements(By.CSS_SELECTOR, "thead th")]
    check(len(header) == 4 and name in header, f"the comparison's columns are {header}")
    check("communities=" in walk.driver.current_url, "the comparison's address does not carry the communities to share")
    walk.shot("compare")


def api(walk: Walk, path: str):
    """The JSON the platform's API gives at `path`, fetched outside the browser."""
    import json
    import urllib.request

    with urllib.request.urlopen(walk.url(path)) as response:
        return json.load(response)


def sorted_heading(walk: Walk):
    """The text and aria-sort of the one table heading marked sorted."""
    marked = walk.driver.find_elements("css selector", "main table thead th[aria-sort]")
    check(len(marked) == 1, f"{len(marked)} headings carry aria-sort, expected one")
    return marked[0].text.strip(" ▲▼"), marked[0].get_attribute("aria-sort")


def rankings(walk: Walk):
    walk.open("/")
    walk.link("Indices", "nav").click()
    walk.wait_for_path(lambda p: p == "/indices", "/indices")
    walk.expect_text("2018–2022", "51 units")
    walk.shot("indices")
    walk.link("ASEM Sustainable Connectivity", "main").click()
    walk.wait_for_path(lambda p: p == "/indices/asem", "the ASEM index /indices/asem")
    walk.expect_text("51 units", "rankings 2022")
    latest = api(walk, "/api/v1/indices/asem/rankings")["units"]
    rows = walk.table_rows()
    check(len(rows) == 51, f"the rankings table has {len(rows)} rows, expected 51")
    headers = [h.text.strip(" ▲▼") for h in walk.driver.find_elements("css selector", "main table thead th")]
    check(headers[:3] == ["Rank", "Change since 2021", "Unit"], f"the table's first headings are {headers[:3]}")
    first = rows[0]
    check(first[0] == "1" and first[2] == latest[0]["name"], f"the first row is {first}, expected rank 1, {latest[0]['name']}")
    check(sorted_heading(walk) == ("Rank", "ascending"), f"the sorted heading is {sorted_heading(walk)}")
    walk.shot("rankings")

    # Sort by name by following its column heading.
    walk.link("Unit", "main table thead").click()
    walk.wait_for_path(lambda p: "sort=name" in p, "the rankings sorted by name")
    names = [r[2] for r in walk.table_rows()]
    check(len(names) == 51 and names == sorted(names), f"sorted by name, the units are in this order: {names}")
    check(sorted_heading(walk) == ("Unit", "ascending"), f"sorted by name, the sorted heading is {sorted_heading(walk)}")
    walk.shot("rankings-by-name")

    # Sort by an aggregate's heading: its column must then be descending.
    walk.link("Sustainability", "main table thead").click()
    walk.wait_for_path(lambda p: "sort=Sust" in p, "the rankings sorted by Sustainability")
    column = headers.index("Sustainability")
    values = [number(r[column]) for r in walk.table_rows()]
    check(values == sorted(values, reverse=True), f"sorted by Sustainability, its column is not descending: {values}")
    check(sorted_heading(walk) == ("Sustainability", "descending"), f"the sorted heading is {sorted_heading(walk)}")
    walk.shot("rankings-by-aggregate")

    # An earlier year, filtered to Asia, with one more column ticked; the sort is kept.
    select(walk, "year", "2019")
    select(walk, "group", "EurAsia_group:Asia")
    walk.find("main form input[name=columns][value=Physical]", "the Physical column's box").click()
    walk.find("main form button[type=submit]", "Show button").click()
    walk.wait_for_path(lambda p: "filter=EurAsia_group" in p and "year=2019" in p, "the 2019 rankings filtered to Asia")
    walk.expect_text("21 units", "Europe or Asia: Asia", "rankings 2019", "Japan")
    headers = [h.text.strip(" ▲▼") for h in walk.driver.find_elements("css selector", "main table thead th")]
    check("Physical" in headers and "Rank in Europe or Asia: Asia" in headers and "Change since 2018" in headers, f"the headings are {headers}")
    rows = walk.table_rows()
    check(len(rows) == 21 and "Switzerland" not in [r[3] for r in rows], f"filtered to Asia, the table has {len(rows)} rows")
    values = [number(r[headers.index("Sustainability")]) for r in rows]
    check(values == sorted(values, reverse=True), f"the sort by Sustainability is not kept: {values}")
    check(selected(walk, "group") == "EurAsia_group:Asia" and selected(walk, "year") == "2019", "the controls do not keep the choices")
    csv = walk.link("Download CSV").get_attribute("href")
    check("filter=EurAsia_group" in csv and "year=2019" in csv, f"the CSV link does not carry the year and filter: {csv}")
    walk.shot("rankings-asia")


def unit_profile(walk: Walk):
    walk.open("/indices/asem")
    walk.link("Switzerland", "main table").click()
    walk.wait_for_path(lambda p: p == "/indices/asem/units/CHE", "Switzerland's profile /indices/asem/units/CHE")
    check(walk.heading() == "Switzerland", f"the profile's heading is {walk.heading()!r}")
    rank = api(walk, "/api/v1/indices/asem/units/CHE")["rank"]
    walk.expect_text(f"Rank {rank} of 51", "Strengths", "Weaknesses", "Over the years")
    interval = re.search(r"Ranks between (\d+)(?:st|nd|rd|th) and (\d+)(?:st|nd|rd|th) depending on method choices", walk.text())
    check(interval is not None, f"the profile shows no rank interval:\n{walk.text()[:800]}")
    low, high = int(interval.group(1)), int(interval.group(2))
    check(1 <= low <= high <= 51, f"the rank interval {low}–{high} is not within 1–51")
    svg = walk.chart("score chart", min_marks=5)
    check(svg.get_attribute("role") == "img", "the score chart is not exposed as an image (role=img)")
    labelled = walk.driver.execute_script(
        "const s = arguments[0]; return !!(s.getAttribute('aria-label') || s.getAttribute('aria-labelledby') || s.querySelector('title'))", svg)
    check(labelled, "the score chart has no accessible name (title or aria-label)")
    walk.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
    walk.shot("unit-profile")


def communities(walk: Walk):
    walk.open("/")
    walk.link("Communities", "nav").click()
    walk.wait_for_path(lambda p: p == "/communities", "/communities")
    check(walk.heading() == "Communities", f"the directory's heading is {walk.heading()!r}")
    svg = walk.chart("world map", min_marks=10)
    check(svg.get_attribute("role") == "group", "the world map is not a group whose dots are links (role=group)")
    rows = [r for r in walk.table_rows() if "synthetic" not in r[0]]
    check(len(rows) >= 10, f"the directory lists {len(rows)} real communities")
    # The map accounts for every community: a dot for each one with coordinates (a numbered dot
    # for neighbours too close to draw apart), the rest named in its description, which
    # summarises rather than lists coordinates.
    description = walk.driver.execute_script("const d = arguments[0].querySelector('desc'); return d ? d.textContent : ''", svg)
    counts = re.search(r"World map of (\d+) communit(?:y|ies) in (\d+) countr(?:y|ies); most in ", description)
    check(counts is not None, f"the world map does not summarise what it shows: {description[:200]!r}")
    check("°" not in description, f"the world map's description lists coordinates: {description[:200]!r}")
    check(int(counts.group(1)) == len(rows),
          f"the world map covers {counts.group(1)} communities but the directory lists {len(rows)} real ones")
    missing = re.search(r"Without coordinates: (.*)\.$", description)
    unlocated = len(missing.group(1).split("; ")) if missing else 0
    drawn = walk.driver.execute_script(
        "const s = arguments[0]; return s.querySelectorAll('circle.place').length"
        " + [...s.querySelectorAll('g.cluster text')].reduce((n, t) => n + parseInt(t.textContent, 10), 0)", svg)
    check(drawn == len(rows) - unlocated, f"the world map draws {drawn} communities for {len(rows) - unlocated} with coordinates")
    # The demo loads Examples/awards-history/communities.json: all but a few have coordinates.
    check(unlocated <= 4, f"{unlocated} communities lack coordinates; at most 4 may")
    links = walk.driver.execute_script("return [...arguments[0].querySelectorAll('a')].map(a => a.getAttribute('href'))", svg)
    dots = walk.driver.execute_script("return arguments[0].querySelectorAll('circle.place').length", svg)
    check(len(links) == dots and all(l.startswith("/communities/") for l in links),
          f"the world map's {dots} dots have the links {links[:5]}…, expected one profile link each")
    # A dot lands where its community is: Binh Duong in southern Vietnam. Dots sit in the map's
    # own 720 × 360 frame (the padding is a translate on their group): x = (lon + 180)/360 · 720,
    # y = (90 - lat)/180 · 360. A numbered dot sits at its communities' mean, within 4.5° of each.
    binh_duong = walk.driver.execute_script(
        "const g = [...arguments[0].querySelectorAll('a, g.cluster')].find(g => g.querySelector('title').textContent.includes('Binh Duong'));"
        " const c = g && g.querySelector('circle'); return c ? [c.getAttribute('cx'), c.getAttribute('cy')] : null", svg)
    check(binh_duong is not None, "the world map has no dot for Binh Duong")
    lon, lat = float(binh_duong[0]) / 720 * 360 - 180, 90 - float(binh_duong[1]) / 360 * 180
    check(6 <= lat <= 16 and 102 <= lon <= 111.5, f"Binh Duong's dot is drawn at {lat:.2f}° N, {lon:.2f}° E, not in southern Vietnam")
    check(any("Binh Duong" in r[0] for r in rows), "the directory does not list Binh Duong")
    walk.shot("communities")


def switch_language(walk: Walk, lang: str):
    """Chooses `lang` with the header's switcher and waits for the same page to come back in it."""
    from selenium.webdriver.support.ui import WebDriverWait

    path = walk.path()
    walk.find(f"nav.languages a[hreflang={lang}]", f"the {lang} link of the language switcher").click()
    try:
        WebDriverWait(walk.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState === 'complete' && document.documentElement.lang") == lang)
    except Exception:
        raise Failure(f"{walk.path()} did not come back in {lang!r}") from None
    check(walk.path() == path, f"switching language led from {path} to {walk.path()}")


def binh_duong_history(walk: Walk):
    walk.open("/communities")
    walk.link("Binh Duong", "main table").click()
    walk.wait_for_path(lambda p: p.startswith("/communities/binh-duong"), "Binh Duong's history")
    check("Binh Duong" in walk.heading(), f"the history's heading is {walk.heading()!r}")
    walk.expect_text("Community of the Year: 2023", "longest streak 5 years (2019–2023)")
    walk.chart("timeline chart", min_marks=5)
    years = [r[0] for r in walk.table_rows()]
    check({"2019", "2020", "2021", "2022", "2023"} <= set(years), f"the history table lists the years {years}")
    walk.shot("binh-duong")
    # The certificate of 2023, from the record's link, in English and then in French.
    walk.find('main a[href$="/certificates/2023"]', "the link to the 2023 certificate").click()
    walk.wait_for_path(lambda p: p.endswith("/certificates/2023"), "the 2023 certificate")
    walk.expect_text("Certificate of recognition", "Binh Duong", "as the Community of the Year 2023")
    walk.shot("binh-duong-certificate")
    switch_language(walk, "fr")
    walk.expect_text("Certificat de distinction", "comme Communauté de l’année 2023")
    walk.shot("binh-duong-certificate-fr")
    switch_language(walk, "en")


def cycle_results(walk: Walk):
    walk.open("/")
    walk.link("2026", "main").click()
    walk.wait_for_path(lambda p: p == "/cycles/2026", "/cycles/2026")
    walk.expect_text("Community of the Year", "pairwise preferences", "synthetic demonstration data")
    winner = walk.find("main h2 + p strong", "winner").text.strip()
    check(winner, "the 2026 results name no Community of the Year")
    explanation = walk.find("#explanation", "how the ranking was decided").text
    check(explanation.startswith(winner), f"the explanation {explanation!r} does not start with the winner {winner!r}")
    ranking = walk.table_rows("main table.final-scores tbody tr")
    check(len(ranking) == 7 and all(len(r) == 8 for r in ranking),
          f"the final ranking is {len(ranking)} rows of {[len(r) for r in ranking]} cells, expected 7 × 8 (rank, name, record and five score parts)")
    check(ranking[0][1].startswith(winner), f"the winner {winner!r} is not first in the final ranking {ranking}")
    finals = [float(r[7]) for r in ranking]
    check(finals == sorted(finals, reverse=True), f"the final scores {finals} are not in descending order")
    matrix = walk.table_rows("main table.matrix tbody tr")
    check(len(matrix) == 7 and all(len(r) == 8 for r in matrix),
          f"the pairwise matrix is {len(matrix)} rows of {[len(r) for r in matrix]} cells, expected 7 × (1 + 7)")
    for i, row in enumerate(matrix):
        check(row[1 + i] == "—", f"the matrix's diagonal cell {i + 1} is {row[1 + i]!r}, expected an em dash")
        for j, cell in enumerate(row[1:]):
            if j != i:
                check(re.fullmatch(r"\d+(\.\d+)? \(\d+ %\)", cell), f"the matrix cell ({i + 1}, {j + 1}) is {cell!r}, expected a count and its share")
    table = walk.find("main table.matrix", "pairwise matrix")
    walk.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", table)
    walk.shot("cycle-2026")


def keyboard(walk: Walk):
    """Tab moves through the links with a visible focus ring; Enter follows the focused link."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    walk.open("/")
    focus_state = """
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return {tag: e.tagName.toLowerCase(), href: e.getAttribute('href') || '', text: (e.innerText || '').trim(),
                visible: outline || (s.boxShadow && s.boxShadow !== 'none')};
    """
    reached = []
    for _ in range(10):
        ActionChains(walk.driver).send_keys(Keys.TAB).perform()
        state = walk.driver.execute_script(focus_state)
        check(state is not None, "Tab does not move the focus to any element")
        check(state["tag"] in ("a", "button", "select", "input"), f"Tab focused a {state['tag']}, not a link or control")
        check(state["visible"], f"the focused {state['tag']} {state['text']!r} has no visible focus indicator")
        reached.append(state["href"] or state["text"])
        if state["href"] == "/indices":
            break
    check(reached and reached[-1] == "/indices", f"Tab did not reach the Indices link; it reached {reached}")
    walk.shot("keyboard-focus")
    ActionChains(walk.driver).send_keys(Keys.ENTER).perform()
    walk.wait_for_path(lambda p: p == "/indices", "/indices by pressing Enter on the focused link")

    # The form works from the keyboard alone: focus the year control, pick 2019, submit with Enter.
    walk.open("/indices/asem")
    year = walk.find("select#year", "year control")
    year.send_keys("2019")
    check(selected(walk, "year") == "2019", "typing in the focused year control does not choose a year")
    walk.find("main form button[type=submit]", "Show button").send_keys(Keys.ENTER)
    walk.wait_for_path(lambda p: "year=2019" in p, "the 2019 rankings from the keyboard")


#: The public pages checked at a phone's width.
PHONE_PAGES = ["/", "/search?q=binh", "/indices", "/indices/asem", "/indices/asem/units/CHE", "/communities", "/communities/binh-duong--vietnam",
               "/cycles/2026", "/indices/asem/methodology", "/library", "/login"]


def phone(walk: Walk):
    """At a phone's width (390 × 844) every public page fits without scrolling sideways (a wide
    table may scroll inside itself)."""
    width = 390
    # As a phone does: the page's viewport meta tag applies, and a page wider than the screen
    # widens the layout viewport (innerWidth) instead of being clipped.
    walk.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        problems = []
        for path in PHONE_PAGES:
            walk.open(path)
            if path == "/indices/asem":
                walk.shot("phone-rankings")
            inner, scroll = walk.driver.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
            if scroll > inner or inner > width:
                wide = walk.driver.execute_script("""
                    const limit = arguments[0], out = [];
                    for (const e of document.querySelectorAll('body *')) {
                        const r = e.getBoundingClientRect();
                        if (r.width > 0 && r.right > limit + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > limit + 1))
                            out.push(`<${e.tagName.toLowerCase()}> "${(e.innerText || '').trim().slice(0, 40)}" ends at ${Math.round(r.right)} px`);
                    }
                    return out.slice(0, 5);""", width)
                problems.append(f"{path} is {max(scroll, inner)} px wide and scrolls sideways; widest elements: " + "; ".join(wide))
        check(not problems, f"on a {width} px wide phone:\n  " + "\n  ".join(problems))
    finally:
        walk.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


#: Public pages with charts, each with the kinds of chart whose text it must show (the map has
#: text only when a community lacks coordinates, so any it has is checked but none is required).
CHART_PAGES = {
    "/indices/asem": ["chart-rank-interval"],
    "/indices/asem/units/CHE": ["chart-bar"],
    "/indices/asem/methodology": ["chart-tree", "chart-sobol"],
    "/communities": [],
    "/communities/binh-duong--vietnam": ["chart-timeline"],
}

#: Every chart's text, as rendered: the computed font size times the scale from the SVG's units
#: to CSS pixels (its screen transformation), with the smallest and largest found.
CHART_TEXT_SIZES = """
    const out = {};
    for (const svg of document.querySelectorAll('main svg.chart')) {
        const kind = Array.from(svg.classList).find(c => c.startsWith('chart-')) || 'chart';
        for (const t of svg.querySelectorAll('text')) {
            if (!t.getBBox().width) continue;
            const m = t.getScreenCTM();
            const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
            const seen = out[kind] || {min: Infinity, max: 0, count: 0, sample: ''};
            if (px < seen.min) { seen.min = px; seen.sample = t.textContent.slice(0, 30); }
            seen.max = Math.max(seen.max, px);
            seen.count += 1;
            out[kind] = seen;
        }
    }
    return out;"""


def chart_text(walk: Walk):
    """Chart text renders at 12–14 px both on a phone (390 px wide) and at a desktop's 1280 px:
    charts are drawn at their natural size and scroll sideways in their frame rather than shrink."""
    problems = []
    for label, width in (("phone", 390), ("desktop", 1280)):
        walk.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 844, "deviceScaleFactor": 2 if width < 600 else 1, "mobile": width < 600})
        try:
            for path, kinds in CHART_PAGES.items():
                walk.open(path)
                sizes = walk.driver.execute_script(CHART_TEXT_SIZES)
                problems += [f"{label}: {path} shows no {kind} with text" for kind in kinds if kind not in sizes]
                for kind, seen in sizes.items():
                    if seen["min"] < 11.99 or seen["max"] > 14.01:
                        problems.append(f"{label}: {path}'s {kind} renders text from {seen['min']:.1f} to {seen['max']:.1f} px "
                                        f"(smallest: {seen['sample']!r}), not within 12–14 px")
                if width < 600 and path == "/indices/asem/methodology":
                    walk.shot("phone-methodology")
        finally:
            walk.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    check(not problems, "chart text is not 12–14 px:\n  " + "\n  ".join(problems))


def methodology(walk: Walk):
    """The methodology reads in words: the framework tree, the indicators, the steps, the audit's
    warnings, the sensitivity chart and its table, with the raw spec behind a disclosure."""
    walk.open("/indices/asem")
    walk.link("How it is built", "main").click()
    walk.wait_for_path(lambda p: p == "/indices/asem/methodology", "the methodology /indices/asem/methodology")
    walk.expect_text("Framework", "Indicators", "Logistics Performance Index", "higher is better", "Impute missing values",
                     "Treat outliers", "Negative: some members move against the others", "Normalisation method", "Weights")
    tree = walk.chart("framework tree", min_marks=60)
    check("chart-tree" in tree.get_attribute("class"), "the methodology's first chart is not the framework tree")
    spec = walk.find("main details pre", "the raw spec")
    check(not spec.is_displayed(), "the raw spec is shown before its disclosure is opened")
    walk.find("main details summary", "the raw spec's disclosure").click()
    check(spec.is_displayed() and '"winmax"' in spec.text, "opening the disclosure does not show the raw spec")
    walk.shot("methodology")


# ---------------------------------------------------------------------------------------------
# The programme's workspaces

WALK_YEAR = 2027


def as_role(walk: Walk, role: str):
    """Switches the browser to `role`: signs in (with TOTP where the role needs it) the first
    time, and afterwards puts back that role's session cookie."""
    if walk.current_role == role:
        return
    walk.open("/")
    walk.driver.delete_all_cookies()
    if role in walk.sessions:
        for cookie in walk.sessions[role]:
            walk.driver.add_cookie(cookie)
    else:
        account = walk.accounts[role]
        walk.open("/login")
        login(walk.driver, account["username"], account["password"], account.get("totpSecret"))
        walk.wait_for_path(lambda p: p.startswith(f"/{role}"), f"the {role} workspace after signing in")
        walk.sessions[role] = [c for c in walk.driver.get_cookies() if c["name"] == "civic_session"]
    walk.current_role = role
    walk.open(f"/{role}")
    walk.expect_text("Signed in as")


def detached(element) -> bool:
    """Whether `element` has left the document because its page was replaced. Caught in the
    middle of a navigation, chromedriver reports this as an unknown error ("Node with given id
    does not belong to the document") rather than as a stale element reference."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def press(walk: Walk, css: str, what: str):
    """Clicks a button and waits for the page it leads to; fails on an error page."""
    from selenium.webdriver.support.ui import WebDriverWait

    button = walk.find(css, what)
    walk.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    # The form leads to a new page: wait until the button's page is gone, then for the new one.
    WebDriverWait(walk.driver, WAIT_SECONDS).until(lambda _: detached(button))
    walk.wait_loaded()
    heading = walk.heading()
    check(heading not in ("Conflict", "Forbidden", "Unprocessable Content", "Bad Request", "Not found"),
          f"{what} was refused: {walk.text()[:800]}")


def press_confirmed(walk: Walk, css: str, what: str):
    """Clicks an organiser's irreversible action, then confirms it on the page that says what it
    will do (the action itself changes nothing until confirmed)."""
    press(walk, css, what)
    walk.expect_text("?")
    press(walk, "#confirm", f"confirming {what}")


def admin_cycle(walk: Walk):
    walk.open(f"/admin/cycles/{WALK_YEAR}")


def advance(walk: Walk, phase_title: str):
    """Moves the cycle forward phase by phase until it is in `phase_title`."""
    for _ in range(10):
        admin_cycle(walk)
        if walk.find("#phase", "the cycle's phase").text.strip() == phase_title:
            return
        press_confirmed(walk, "#next-phase", "the next-phase button")
    raise Failure(f"the cycle never reached {phase_title!r}")


def community_submits(walk: Walk):
    as_role(walk, "community")
    walk.open("/community")
    for box in walk.driver.find_elements("css selector", "main form [name^=answer-]"):
        box.clear()
        box.send_keys("55.5" if box.get_attribute("inputmode") == "decimal" else "Our programme reaches every district (synthetic).")
    evidence = walk.find("textarea#evidence", "evidence field")
    evidence.clear()
    evidence.send_keys("https://example.org/evidence")
    walk.shot("community-nomination")
    press(walk, "button[value=review]", "reviewing the answers")
    walk.wait_for_path(lambda p: p == "/community/review", "the review of the answers")
    walk.expect_text("18 of 18 questions answered", "55.50 per cent")
    walk.shot("community-review")
    press(walk, "#submit-nomination", "submitting the nomination")
    walk.expect_text("state: submitted")


def organiser_opens_scoring(walk: Walk):
    as_role(walk, "admin")
    admin_cycle(walk)
    press_confirmed(walk, "#assign-1", "assigning round 1")
    advance(walk, "Smart21 scoring")
    walk.shot("organiser-scoring-open")


def score_round(walk: Walk, round_: int):
    from selenium.webdriver.support.ui import Select

    as_role(walk, "analyst")
    walk.open("/analyst")
    walk.expect_text(f"round {round_}")
    links = [a.get_attribute("href") for a in walk.driver.find_elements("css selector", "main table a[href^='/analyst/reviews/']")]
    check(links, "the analyst has no assignments")
    for n, href in enumerate(links):
        walk.driver.get(href)
        walk.wait_loaded()
        for i, box in enumerate(walk.driver.find_elements("css selector", "input[name^=score-]")):
            box.clear()
            # Nominations later in the list score higher, so the scores differ between them.
            box.send_keys(str(min(10, 3 + n + i % 3)))
        for box in walk.driver.find_elements("css selector", "textarea[name^=comment-]"):
            box.clear()
            box.send_keys("Clear evidence of results (synthetic assessment).")
        for control in walk.driver.find_elements("css selector", "select[name^=confidence-]"):
            Select(control).select_by_value("4")
        if n == 0:
            walk.shot(f"analyst-rubric-round-{round_}")
        press(walk, "button[value=submit]", "submitting the review")
        walk.wait_for_path(lambda p: p == "/analyst", "the analyst's list after submitting")
    walk.expect_text(f"{len(links)} of {len(links)} done")
    walk.shot(f"analyst-done-round-{round_}")


def analyst_scores_round_1(walk: Walk):
    score_round(walk, 1)


def organiser_second_round(walk: Walk):
    as_role(walk, "admin")
    admin_cycle(walk)
    # Every score of the round, with the Smart21 the rule would name marked and its cut-off drawn.
    walk.open(walk.find("#scores-1", "the link to the round's scores").get_attribute("href").split(walk.url(""))[-1])
    walk.find("#cut-line", "the Smart21 cut-off's caption")
    check(len(walk.table_rows()) >= 4, "the submitted nominations are not all listed")
    check(len(walk.driver.find_elements("css selector", "main tr.cut")) == 1, "no cut-off line under the last selected")
    walk.shot("organiser-scores")
    admin_cycle(walk)
    press_confirmed(walk, "#name-smart21", "naming the Smart21")
    advance(walk, "Top7 questionnaire")
    press_confirmed(walk, "#assign-2", "assigning round 2")
    advance(walk, "Top7 scoring")


def analyst_scores_round_2(walk: Walk):
    score_round(walk, 2)


def organiser_opens_vote(walk: Walk):
    as_role(walk, "admin")
    admin_cycle(walk)
    press_confirmed(walk, "#name-top7", "naming the Top7")
    advance(walk, "jury vote")
    walk.expect_text("Top7", "On the jury: 1.")
    check(walk.find("input[name=juror][value=J-101]", "the demo juror in the jury form").is_selected(),
          "the demo juror is not ticked as a member of the jury")
    walk.shot("organiser-top7")


def juror_votes(walk: Walk):
    from selenium.webdriver.support.ui import Select

    as_role(walk, "juror")
    walk.open("/juror")
    controls = walk.driver.find_elements("css selector", "main select[name^=rank-]")
    check(len(controls) == 3, f"the ballot lists {len(controls)} finalists, expected the Top7 of 3")
    for rank, control in enumerate(controls, start=1):
        Select(control).select_by_value(str(rank))
    walk.shot("juror-ballot")
    press(walk, "main form button[type=submit]", "casting the ballot")
    walk.expect_text("Your ballot is recorded")


def juror_votes_by_keyboard(walk: Walk):
    """The juror casts the ballot again with the keyboard alone: Tab to each rank control (each
    named by its label, "Rank of …"), type the rank, Tab on to the button and press Enter."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    as_role(walk, "juror")
    walk.open("/juror")
    controls = walk.driver.find_elements("css selector", "main select[name^=rank-]")
    ranks = {c.get_attribute("name"): str(len(controls) - i) for i, c in enumerate(controls)}
    active = """
        const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), name: e.getAttribute('name') || '', id: e.id || '',
                label: e.labels && e.labels.length ? e.labels[0].textContent.trim() : ''};
    """
    filled = set()
    for _ in range(80):
        ActionChains(walk.driver).send_keys(Keys.TAB).perform()
        state = walk.driver.execute_script(active)
        if state["tag"] == "select" and state["name"] in ranks:
            check(state["label"].startswith("Rank of "), f"the rank control {state['name']} is named {state['label']!r}")
            ActionChains(walk.driver).send_keys(ranks[state["name"]]).perform()
            filled.add(state["name"])
        elif state["id"] == "cast-ballot":
            break
    check(filled == set(ranks), f"Tab reached {sorted(filled)} of the rank controls {sorted(ranks)}")
    for name, rank in ranks.items():
        check(selected(walk, name) == rank, f"typing {rank} in {name} did not choose it")
    walk.shot("juror-ballot-keyboard")
    ActionChains(walk.driver).send_keys(Keys.ENTER).perform()
    walk.expect_text("Your ballot is recorded")


def organiser_publishes(walk: Walk):
    as_role(walk, "admin")
    admin_cycle(walk)
    press_confirmed(walk, "#publish", "publishing the results")
    walk.wait_for_path(lambda p: p == f"/cycles/{WALK_YEAR}", "the published results")
    walk.expect_text("Community of the Year")
    winner = walk.find("main h2 + p strong", "winner").text.strip()
    check(winner.endswith("(synthetic)"), f"the {WALK_YEAR} results name {winner!r} as winner")
    walk.shot("results-2027")


def community_feedback(walk: Walk):
    as_role(walk, "community")
    walk.open("/community")
    walk.expect_text("Result and feedback", "Stage reached")
    check("Analyst" not in walk.find("main", "page").text, "the feedback names an analyst")
    walk.shot("community-feedback")


def community_in_other_languages(walk: Walk):
    """The community's path again in French and in Vietnamese, chosen with the header's switcher:
    the workspace with its feedback, the questionnaire by factor and the review of the answers."""
    as_role(walk, "community")
    for lang, texts in (
        ("fr", ("Connecté en tant que", "Résultat et commentaires", "Vos notes comparées à celles des candidates",
                "Haut débit et services numériques : donnée principale", "Les candidatures ont fermé le")),
        ("vi", ("Đã đăng nhập với tên", "Kết quả và nhận xét", "Điểm của bạn so với các cộng đồng được đề cử",
                "Băng thông rộng và dịch vụ số: số liệu chính", "Đã hết hạn nhận hồ sơ đề cử vào")),
    ):
        walk.open("/community")
        switch_language(walk, lang)
        walk.expect_text(*texts)
        check("Analyst" not in walk.find("main", "page").text, "the feedback names an analyst")
        walk.shot(f"community-feedback-{lang}")
        walk.open("/community/review")
        walk.shot(f"community-review-{lang}")
    walk.open("/community")
    switch_language(walk, "en")
    walk.expect_text("Result and feedback")


@dataclass
class Step:
    name: str
    run: Callable[[Walk], None]
    #: Later steps depend on this one (signing in, say): stop the walk when it fails.
    required: bool = False


def reminders_arrive(walk: Walk):
    """The 2027 nominations are due within a week: the reminder service has sent the community
    its 7-day reminder through the local SMTP server, and the organiser's bulk reminder from the
    cockpit's list arrives there too."""
    def received():
        try:
            with open(walk.mail, encoding="utf-8") as file:
                return [json.loads(line) for line in file if line.strip()]
        except FileNotFoundError:
            return []

    def arrived(subject: str, what: str):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            found = [m for m in received() if m["subject"].startswith(subject)]
            if found:
                return found[0]
            time.sleep(0.5)
        raise Failure(f"{what} did not arrive at the SMTP server; it received {[m['subject'] for m in received()]}")

    scheduled = arrived(f"Reminder: the nomination period of the {WALK_YEAR} awards ends on", "the 7-day reminder")
    check(scheduled["rcpt_tos"] == ["community@example.org"], f"the reminder went to {scheduled['rcpt_tos']}")
    check("/reminders/stop?token=" in scheduled["body"], "the reminder has no link to stop reminders")
    as_role(walk, "admin")
    walk.open(f"/admin/cycles/{WALK_YEAR}/nominations")
    button = walk.find("#remind", "the bulk reminder button")
    check(button.text.strip() == "Remind the 1 who have not submitted", f"the bulk reminder button says {button.text!r}")
    press(walk, "#remind", "the bulk reminder")
    walk.expect_text("1 reminders queued")
    walk.shot("organiser-bulk-reminder")
    organiser = arrived(f"Reminder from the organisers: the nomination period of the {WALK_YEAR} awards", "the organiser's reminder")
    check(organiser["rcpt_tos"] == ["community@example.org"], f"the organiser's reminder went to {organiser['rcpt_tos']}")


STEPS = [
    Step("home page", home),
    Step("search a community, open its profile, compare it with peers", search_profile_compare),
    Step("rankings: order, sorting and filtering", rankings),
    Step("unit profile with chart and rank interval", unit_profile),
    Step("communities directory with world map", communities),
    Step("Binh Duong's history", binh_duong_history),
    Step("2026 cycle results", cycle_results),
    Step("keyboard access", keyboard),
    Step("phone-width public pages", phone),
    Step("methodology in words, with the framework tree and the sensitivity chart", methodology),
    Step("chart text at 12–14 px on a phone and a desktop", chart_text),
]

#: The walk through the workspaces, run when the demo accounts are given; each depends on the last.
PROGRAMME_STEPS = [
    Step("the community submits its nomination", community_submits, required=True),
    Step("the organiser signs in with TOTP, assigns analysts and opens scoring", organiser_opens_scoring, required=True),
    Step("the analyst signs in with TOTP and scores round 1", analyst_scores_round_1, required=True),
    Step("the organiser names the Smart21 and opens round 2", organiser_second_round, required=True),
    Step("the analyst scores round 2", analyst_scores_round_2, required=True),
    Step("the organiser names the Top7 and opens the jury vote", organiser_opens_vote, required=True),
    Step("the juror signs in with TOTP and ranks the Top7", juror_votes, required=True),
    Step("the juror ranks the Top7 again with the keyboard alone", juror_votes_by_keyboard),
    Step("the organiser publishes; the results page shows the winner", organiser_publishes, required=True),
    Step("the community sees its feedback, without the analysts' names", community_feedback),
    Step("the community's path in French and in Vietnamese", community_in_other_languages),
]


# ---------------------------------------------------------------------------------------------
# Running

def start_browser():
    """Headless Chromium through Debian's chromedriver; exits with status 2 when either is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("walkthrough: Selenium is not installed for this python3 (run .ci/run, which installs it)", file=sys.stderr)
        sys.exit(2)
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            print(f"walkthrough: {path} is missing (run .ci/run, which installs chromium and chromium-driver)", file=sys.stderr)
            sys.exit(2)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=en-GB"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS * 2)
    return driver


def console_errors(driver):
    """The browser console's errors since the last call (a blocked resource, a script error, a
    content-security-policy violation), except the missing favicon."""
    try:
        entries = driver.get_log("browser")
    except Exception:
        return []
    return [e["message"] for e in entries if e.get("level") == "SEVERE" and "favicon.ico" not in e.get("message", "")]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="where the platform runs, e.g. http://127.0.0.1:8080")
    parser.add_argument("--screenshots", required=True, help="the folder for the PNG screenshots")
    parser.add_argument("--accounts", help="a JSON file of the demo accounts, to walk the workspaces too")
    parser.add_argument("--mail", help="the JSON-lines file of a local SMTP server the platform sends to, to check its reminders")
    parser.add_argument("--only", action="append", default=[], help="run only the steps whose name contains this (repeatable)")
    arguments = parser.parse_args(argv)
    # Stopped from outside (the Swift test's time limit): unwind, so the browser is closed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.makedirs(arguments.screenshots, exist_ok=True)
    for old in os.listdir(arguments.screenshots):
        if old.endswith(".png"):
            os.remove(os.path.join(arguments.screenshots, old))

    driver = start_browser()
    walk = Walk(driver=driver, base_url=arguments.base_url, screenshots=arguments.screenshots)
    all_steps = STEPS
    if arguments.accounts:
        with open(arguments.accounts, encoding="utf-8") as file:
            walk.accounts = {a["role"]: a for a in json.load(file)}
        all_steps = STEPS + PROGRAMME_STEPS
        if arguments.mail:
            walk.mail = arguments.mail
            all_steps = STEPS + [Step("reminders of the 2027 deadlines reach the local SMTP server", reminders_arrive)] + PROGRAMME_STEPS
    steps = [s for s in all_steps if not arguments.only or any(o in s.name for o in arguments.only)]
    failures = []
    try:
        for step in steps:
            started = time.monotonic()
            try:
                step.run(walk)
                errors = console_errors(driver)
                check(not errors, "the browser console reported errors:\n  " + "\n  ".join(errors))
                print(f"ok    {step.name} ({time.monotonic() - started:.1f} s)", flush=True)
            except Exception as error:
                detail = str(error) if isinstance(error, Failure) else traceback.format_exc()
                failures.append(step.name)
                print(f"FAIL  {step.name}: {detail}", flush=True)
                try:
                    walk.shot("FAILED-" + re.sub(r"[^a-z0-9]+", "-", step.name.lower()).strip("-"))
                except Exception:
                    pass
                if step.required:
                    print("      later steps depend on this one: stopping", flush=True)
                    break
    finally:
        driver.quit()
    print(f"{len(steps) - len(failures)} passed, {len(failures)} failed; screenshots in {arguments.screenshots}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
