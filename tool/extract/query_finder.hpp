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

std::vector<found_query> find_queries(clang::ASTContext& context);

}  // namespace orm::tool
