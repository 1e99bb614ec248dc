"""Asserts the JSON report of Inputs/first.cpp: two findings, every documented field."""
import json
import sys

report = json.load(open(sys.argv[1]))
assert report["tool"] == "ormlint" and report["version"], report
assert (report["errors"], report["warnings"], report["files"]) == (1, 1, 1), report
findings = report["findings"]
assert len(findings) == 2, findings
by_check = {f["check"]: f for f in findings}
index = by_check["orm-missing-relation-index"]
assert index["severity"] == "error"
assert index["file"].endswith("Inputs/blog_schema.hpp"), index["file"]
assert (index["line"], index["column"]) == (11, 28)
assert index["message"].startswith("relation 'users.posts' loads 'posts' rows by (authorId)")
assert index["notes"][0]["message"] == "table 'posts' is defined here" and index["notes"][0]["line"] == 9
fix = index["fixes"][0]
assert fix["file"].endswith("blog_schema.hpp") and fix["length"] == 0
assert fix["replacement"] == ', index("by_authorId").on("authorId")', fix
assert by_check["orm-unbounded-many"]["severity"] == "warning"
assert by_check["orm-unbounded-many"]["fixes"][0]["replacement"] == ", {.defaults = {.default_limit = 50}}"
print("json ok")
