#pragma once
// How a read loads a relation (docs/runtime.md, "Load strategies"): `join` nests its rows
// into the parent statement as JSON (one statement for the whole read); `select_in` reads
// them for every parent row at once in a statement of their own (the parents' keys bound
// as one list); `nested` runs one prepared statement per parent key. The statements of one
// read run in one snapshot (a read transaction), so the rows agree as a join's do.
// `automatic` lets the backend choose by its measured rule. A schema's default
// (schema_defaults::load_strategy), a call's (find_options::strategy) and a `with` entry's
// own choose it, the nearest first.
namespace orm {
enum class load_strategy : unsigned char { automatic, join, select_in, nested };
}  // namespace orm
