"""Overwrites every entry of an ormlint result cache with text that is not an entry."""
import pathlib
import sys

entries = list(pathlib.Path(sys.argv[1]).rglob("*.json"))
if not entries:
    sys.exit("corrupt_cache.py: no entries under " + sys.argv[1])
for entry in entries:
    entry.write_text("{not json")
print(len(entries), "entries corrupted")
