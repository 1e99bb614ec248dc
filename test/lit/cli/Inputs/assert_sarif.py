"""Asserts the SARIF report of Inputs/first.cpp: version, rules, results and locations."""
import json
import os
import sys
import urllib.parse

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
# Files are named relative to %SRCROOT%, which the run defines as a file:// directory:
# the report reads the same on any checkout.
location = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
assert location.get("uriBaseId") == "%SRCROOT%" and not location["uri"].startswith("file:"), location
root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
assert root.startswith("file:///") and root.endswith("/"), root
path = urllib.parse.unquote(root[len("file://"):] + location["uri"])
assert path.endswith("blog_schema.hpp") and os.path.exists(path), path
assert run["invocations"][0]["executionSuccessful"] is True, run["invocations"]
print("sarif ok")
