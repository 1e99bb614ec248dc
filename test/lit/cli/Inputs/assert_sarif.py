"""Asserts the SARIF report of Inputs/first.cpp: version, rules, results and locations."""
import json
import sys

doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0", doc["version"]
run = doc["runs"][0]
assert run["tool"]["driver"]["name"] == "ormlint"
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
assert rules == {"orm-missing-relation-index", "orm-unbounded-many"}, rules
results = run["results"]
assert len(results) == 2
levels = sorted(r["level"] for r in results)
assert levels == ["error", "warning"], levels
region = results[0]["locations"][0]["physicalLocation"]["region"]
assert region["startLine"] == 11 and region["startColumn"] == 28, region
uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
assert uri.startswith("file://") and uri.endswith("blog_schema.hpp"), uri
print("sarif ok")
