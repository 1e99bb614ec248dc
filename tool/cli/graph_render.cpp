#include "tool/cli/graph_render.hpp"

#include "tool/cli/run_program.hpp"

namespace orm::tool {

llvm::Expected<std::string> render_svg(const std::string& dot_text) {
  return run_program("dot", {"-Tsvg"}, dot_text,
                     "ormlint: --schema-graph=svg needs Graphviz's dot on the PATH (Debian: apt install graphviz); "
                     "--schema-graph=dot writes the graph for it",
                     "ormlint: dot -Tsvg failed");
}

}  // namespace orm::tool
