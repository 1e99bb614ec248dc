#pragma once
// Finds the queries a translation unit writes against its schemas:
//   db.query(schema, table).find_many({...}), or through `auto q = db.query(schema, table);`
// and reads from each call's options which relations `with` loads and how they are bounded.
#include <vector>

#include <orm/model/query_model.hpp>

namespace clang {
class ASTContext;
class VarDecl;
}  // namespace clang

namespace orm::tool {

// A call into the runtime, as the planner reads it, and the schema variable it names.
template <class Call>
struct found_call {
  const clang::VarDecl* schema = nullptr;
  Call call;
};
using found_query = found_call<model::query>;
using found_write = found_call<model::write>;

struct calls_in_unit {
  std::vector<found_query> queries;
  std::vector<found_write> writes;
};

// The find_* calls and the insert/update/remove calls of a unit.
calls_in_unit find_queries(clang::ASTContext& context);

}  // namespace orm::tool
