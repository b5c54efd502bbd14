#!/usr/bin/env python3
"""Prints Gatling's statistics table (index.html of one run) as tab-separated rows:
name, count, errors, req/s, p50 ms, p99 ms. Gatling 3.15 writes its figures only into the HTML report."""
import sys
from html.parser import HTMLParser

COLUMNS = {"col-2": "count", "col-4": "errors", "col-6": "rps", "col-8": "p50", "col-11": "p99"}


class StatsTable(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.field, self.in_name = [], None, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and a.get("id", "").startswith(("req_", "ROOT")):
            self.row = {}
            self.rows.append(self.row)
        elif self.row is not None and tag == "span" and "ellipsed-name" in (a.get("class") or ""):
            self.in_name = True
        elif self.row is not None and tag == "td":
            cols = (a.get("class") or "").split()
            self.field = next((COLUMNS[c] for c in cols if c in COLUMNS), None)

    def handle_endtag(self, tag):
        if tag == "td":
            self.field = None
        elif tag == "span":
            self.in_name = False
        elif tag == "tr":
            self.row = None

    def handle_data(self, data):
        if self.row is None or not data.strip():
            return
        if self.in_name:
            self.row["name"] = data.strip()
        elif self.field:
            self.row[self.field] = data.strip()


table = StatsTable()
with open(sys.argv[1], encoding="utf-8") as f:
    table.feed(f.read())
for r in table.rows:
    if "name" in r and "count" in r:
        print("\t".join([r["name"], r["count"], r.get("errors", "0"), r.get("rps", "0"), r.get("p50", "-"), r.get("p99", "-")]))
