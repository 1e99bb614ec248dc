#pragma once
// A picture of a schema as ormlint resolved it: its tables with their columns and keys,
// its relations (one and many, through junctions, aliases, discriminators and their
// variants), and each finding marked on the element it concerns. Graphviz DOT (which
// `dot` renders to SVG) or a Mermaid erDiagram (which GitHub renders in Markdown). It
// reads the schema model and the findings only: no Clang.
#include <string>
#include <string_view>
#include <vector>

#include <orm/model/schema_model.hpp>

#include "checks/finding.hpp"

namespace orm::tool {

enum class graph_format { dot, mermaid };

// `name`: the schema's variable, as the graph's title.
std::string schema_graph(const model::schema& schema, std::string_view name, const checks::findings& findings,
                         graph_format format);

}  // namespace orm::tool
