#pragma once
// Which files are the orm library's own headers. The command line skips units that cannot
// reach one; the editor reads the schemas of the user's headers, never the library's.
#include <string>

namespace orm::tool {

// Whether `path` is a header of the orm library: it lies in a directory `orm` (at any
// depth below it) whose root holds `orm.hpp`, as <prefix>/include/orm/ does.
bool is_orm_header(const std::string& path);

}  // namespace orm::tool
