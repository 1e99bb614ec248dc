// A backend ormlint has never heard of: a database declared here, on the runtime's
// templates (runtime/database.hpp), as a new backend's header would declare it. Its call
// sites are checked as orm::sqlite's and orm::postgres's are, with nothing in ormlint
// naming it (the extractor follows runtime::basic_database, not backend names).
// RUN: %exit1 %ormlint --checks=-*,orm-unknown-relation,orm-unknown-column,orm-row-mismatch,orm-full-scan-write %s -- %cxxflags -I%S/Inputs | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <orm/runtime/database.hpp>

#include "query_schema.hpp"

namespace orm::other {

using namespace orm::runtime;

struct row {
  bool is_null(int) const;
  std::string_view text_view(int) const;
};

// The hooks a backend gives (runtime/database.hpp), declared only: ormlint compiles
// nothing it checks.
class database : public basic_database<database> {
 public:
  explicit database(const std::string& where);
  void exec(const std::string& sql) override;

 private:
  friend class basic_database<database>;
  friend class basic_table_query<database>;
  static const sql::dialect& sql_dialect();
  static bool statement_lost(const error&);
  std::string begin_statement(const transaction_options&) const override;
  template <class Each>
  void for_each_row(const compiled_read& read, const model::table& table, Each&& each);
  template <class Each>
  void for_each_row_per_key(const compiled_read& read, const model::table& table, const std::vector<param>& keys,
                            Each&& each);
  template <class F>
  void in_read_snapshot(const compiled_read& read, F&& f);
};

}  // namespace orm::other

using namespace orm;

struct titled {
  std::string titel;
// CHECK: :[[@LINE-1]]:15: error: field 'titel' of 'titled' names no column, relation or variant alias of table 'posts'; did you mean 'title'? [orm-row-mismatch]
};

void on_another_backend(orm::other::database& db) {
  db.query(app::schema, app::users).find_many({.with = {{"post", {}}}});
// CHECK: :[[@LINE-1]]:58: error: table 'users' has no relation 'post'; its relations are: posts; did you mean 'posts'? [orm-unknown-relation]
  db.query(app::schema, app::users).find_first({.where = eq("emial", "a@x")});
// CHECK: :[[@LINE-1]]:61: error: {{.*}}'emial'{{.*}} [orm-unknown-column]
  db.query(app::schema, app::posts).find_many<titled>();
  db.remove(app::schema, "comments", {});
// CHECK: :[[@LINE-1]]:{{[0-9]+}}: error: {{.*}}empty where{{.*}} [orm-full-scan-write]

  // Must not warn: the same calls, right.
  db.query(app::schema, app::users).find_many({.where = eq("email", "a@x"), .with = {{"posts", {}}}});
  db.remove(app::schema, "comments", {}, {.allow_full_scan = true});
}
