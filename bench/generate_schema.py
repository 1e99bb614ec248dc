#!/usr/bin/env python3
"""Writes a C++ header with a generated schema of N tables and M relations.

Each edge gives a child table a foreign key column with its index, and two relations:
a many() on the parent and its aliased one() inverse on the child. With --broken, every
tenth edge omits its index so that the schema has findings for ormlint to report.
"""
import argparse


def generate(tables: int, relations: int, broken: bool) -> str:
    edges = relations // 2
    columns = {t: [] for t in range(tables)}
    indexes = {t: [] for t in range(tables)}
    rels = []
    for e in range(edges):
        parent = e % tables
        child = (e * 7 + 1) % tables
        fk = f"p{e}Id"
        columns[child].append(f'column("{fk}", id("t{parent}"))')
        if not (broken and e % 10 == 0):
            indexes[child].append(f'index("by_{fk}").on("{fk}")')
        rels.append(f'many(t{parent}, "children{e}", t{child}, {{.to = "{fk}", .alias = "e{e}"}})')
        rels.append(f'one(t{child}, "parent{e}", t{parent}, {{.from = "{fk}", .alias = "e{e}"}})')
    out = ["#pragma once", "#include <orm/orm.hpp>", "namespace generated {", "using namespace orm;"]
    for t in range(tables):
        elements = [f'column("name", text().not_null())'] + columns[t] + indexes[t]
        out.append(f'inline constexpr auto t{t} = table("t{t}",\n    ' + ",\n    ".join(elements) + ");")
    table_list = ", ".join(f"t{t}" for t in range(tables))
    out.append(f"inline constexpr auto schema = define_schema(tables({table_list}),")
    out.append("    {.defaults = {.default_limit = 100}}).relations(\n    " + ",\n    ".join(rels) + ");")
    out.append("}  // namespace generated")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, required=True)
    parser.add_argument("--relations", type=int, required=True)
    parser.add_argument("--broken", action="store_true", help="leave every tenth foreign key unindexed")
    parser.add_argument("output")
    args = parser.parse_args()
    with open(args.output, "w") as f:
        f.write(generate(args.tables, args.relations, args.broken))


if __name__ == "__main__":
    main()
