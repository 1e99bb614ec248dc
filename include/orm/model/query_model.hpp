#pragma once
// A query as written at a call site (db.query(schema, users).find_many({...})), for the
// checks that look at queries: which relations its `with` loads, and how it bounds them.
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>

namespace orm::model {

struct query_load {
  std::string relation;  // the name in `with`
  bool has_limit = false;
  source_site site;  // the relation name as written
  std::vector<query_load> nested;
};

struct query {
  std::string table;
  bool allow_full_scan = false;  // written and not literally false
  std::vector<query_load> loads;
  source_site site;
};

}  // namespace orm::model
