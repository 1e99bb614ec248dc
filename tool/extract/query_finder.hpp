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

struct found_query {
  const clang::VarDecl* schema = nullptr;  // the schema variable the query names
  model::query query;
};

struct found_write {
  const clang::VarDecl* schema = nullptr;
  model::write write;
};

struct calls_in_unit {
  std::vector<found_query> queries;
  std::vector<found_write> writes;
};

// The find_* calls and the insert/update/remove calls of a unit.
calls_in_unit find_queries(clang::ASTContext& context);

}  // namespace orm::tool
