#pragma once
// DOT rendered to SVG by Graphviz's `dot`, found on the PATH.
#include <string>

#include <llvm/Support/Error.h>

namespace orm::tool {

// The SVG of `dot_text`; an error that names Graphviz when `dot` is missing or refuses it.
llvm::Expected<std::string> render_svg(const std::string& dot_text);

}  // namespace orm::tool
