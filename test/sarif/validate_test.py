"""ormlint's SARIF for examples/mistakes/, checked by Microsoft's validator (the
@microsoft/sarif-multitool package that scripts/setup.sh installs from the npm registry
into the build) with no error and no warning, and for what GitHub code scanning reads.

    validate_test.py <ormlint> <build dir> <sarif-multitool>
"""
import json
import urllib.parse
import os
import re
import subprocess
import sys
import tempfile

ormlint, build, validator = sys.argv[1:4]
root_dir = root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if not os.access(validator, os.X_OK):
    sys.exit(f"the SARIF validator is missing at {validator}; run scripts/setup.sh, which installs it from npm")

with tempfile.TemporaryDirectory() as tmp:
    report = os.path.join(tmp, "mistakes.sarif")
    with open(report, "w") as out:
        status = subprocess.run([ormlint, "-p", build, "--format=sarif", os.path.join(root, "examples", "mistakes")],
                                stdout=out).returncode
    assert status == 1, f"ormlint exited {status} on examples/mistakes (expected 1: findings)"
    run = subprocess.run([validator, "validate", report], capture_output=True, text=True, timeout=600)
    output = run.stdout + run.stderr
    problems = re.findall(r": (error|warning) (SARIF\d+|JSON\d+)", output)
    assert run.returncode == 0 and not problems, f"sarif-multitool validate (exit {run.returncode}):\n{output}"
    assert "Analysis completed successfully" in output, output
    doc = json.load(open(report))

# What GitHub code scanning requires, and what ormlint promises beyond it.
assert doc["version"] == "2.1.0" and doc["$schema"].startswith("https://"), doc.get("$schema")
driver = doc["runs"][0]["tool"]["driver"]
assert driver["name"] == "ormlint" and driver["version"], driver
rules = {r["id"]: r for r in driver["rules"]}
for rule in rules.values():
    assert rule["name"] != rule["id"], rule
    assert re.match(r"^[a-z]+://", rule["helpUri"]), rule["helpUri"]
    assert rule["fullDescription"]["text"], rule
levels = {id: r["defaultConfiguration"]["level"] for id, r in rules.items()}
assert levels["orm-missing-inverse"] == "error" and levels["orm-n-plus-one"] == "warning", levels
assert levels["orm-unbounded-many"] == "warning" and levels["orm-unknown-relation"] == "error", levels
results = doc["runs"][0]["results"]
for r in results:
    location = r["locations"][0]["physicalLocation"]
    assert r["ruleId"] in rules and r["message"]["text"], r
    artifact = location["artifactLocation"]
    # Relative to the repository's root, which the run defines: the report reads the same
    # on any checkout, and code scanning services read paths relative to the repository.
    assert artifact.get("uriBaseId") == "%SRCROOT%" and artifact["uri"].startswith("examples/mistakes/"), r
    assert location["region"]["startLine"] >= 1, r
root = doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
assert root == "file://" + urllib.parse.quote(os.path.realpath(root_dir)) + "/", (root, root_dir)
assert doc["runs"][0]["invocations"][0]["executionSuccessful"] is True, doc["runs"][0]["invocations"]
assert any("relatedLocations" in r for r in results), "no result carries its notes as relatedLocations"
fixed = [r for r in results if "fixes" in r]
assert fixed, "no result carries its fix-it"
edit = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
assert "deletedRegion" in edit and "insertedContent" in edit, edit
print(f"sarif ok: {len(results)} results, {len(rules)} rules, {len(fixed)} with fixes; validator: 0 errors, 0 warnings")
