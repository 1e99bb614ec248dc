// Load strategies on random schemas: tables of random columns, tied by random foreign
// keys (self-references, several keys between the same two tables, junctions), filled
// with random rows (NULL keys, empty relations, tied values), read by random nested
// reads; join, select_in and nested must return the same rows in the same order, on
// both backends. The schemas are built as models at run time (the constexpr DSL cannot
// be random), which the runtime takes as it takes a constexpr schema's.
#include <map>
#include <random>

#include <gtest/gtest.h>

#include <orm/model/assemble.hpp>

#include "runtime/backend.hpp"
#include "runtime/read_parity.hpp"

namespace {
using namespace orm;
using namespace orm::testing::tested;
using orm::testing::backend;
using orm::testing::text_of;
using orm::testing::with_strategy;

class random_source {
 public:
  explicit random_source(unsigned seed) : random_(seed) {}
  int below(int n) { return static_cast<int>(random_() % static_cast<unsigned>(n)); }
  bool one_in(int n) { return below(n) == 0; }
  template <class T>
  const T& pick(const std::vector<T>& from) {
    return from[static_cast<std::size_t>(below(static_cast<int>(from.size())))];
  }
  std::mt19937& engine() { return random_; }

 private:
  std::mt19937 random_;
};

model::column value_column(std::string name, column_kind kind) {
  model::column c;
  c.name = std::move(name);
  c.kind = kind;
  return c;
}

model::column key_column(std::string name, const std::string& target, bool not_null) {
  model::column c = value_column(std::move(name), column_kind::id);
  c.id_table = target;
  c.not_null = not_null;
  c.references = model::reference{target, "id", {}};
  return c;
}

void add_key(model::table& t, model::column c) {
  t.indexes.push_back({"by_" + c.name, false, {c.name}, {}});
  t.foreign_keys.push_back({"", {c.name}, c.references->table, {"id"}, {}, {}});
  t.columns.push_back(std::move(c));
}

model::relation relation_of(relation_kind kind, std::string source, std::string name, std::string target,
                         std::vector<std::string> from, std::vector<std::string> to) {
  model::relation r;
  r.kind = kind;
  r.source = std::move(source);
  r.name = std::move(name);
  r.target = std::move(target);
  r.from = std::move(from);
  r.to = std::move(to);
  return r;
}

// 2 to 4 tables of 1 to 3 value columns; 1 to 4 keys, each read both ways (one() from
// the row holding it, many() from the row it names); a junction between two tables now
// and then, read by .through() both ways.
model::schema random_schema(random_source& random) {
  model::schema s;
  s.settings.default_limit = 0;
  s.settings.relation_fan_out_max_keys = 0;
  const int table_count = 2 + random.below(3);
  const std::vector<column_kind> kinds{column_kind::integer, column_kind::text, column_kind::real};
  for (int n = 0; n < table_count; ++n) {
    model::table t;
    t.name = "t" + std::to_string(n);
    t.columns.push_back(model::detail::primary_key({}));
    for (int c = 1 + random.below(3); c > 0; --c)
      t.columns.push_back(value_column("v" + std::to_string(t.columns.size()), random.pick(kinds)));
    s.tables.push_back(std::move(t));
  }
  for (int k = 1 + random.below(4), e = 0; e < k; ++e) {
    model::table& holder = s.tables[static_cast<std::size_t>(random.below(table_count))];
    const std::string target = s.tables[static_cast<std::size_t>(random.below(table_count))].name;
    const std::string key = "k" + std::to_string(e);
    add_key(holder, key_column(key, target, false));
    s.relations.push_back(relation_of(relation_kind::one, holder.name, "one" + std::to_string(e), target, {key}, {}));
    s.relations.push_back(relation_of(relation_kind::many, target, "many" + std::to_string(e), holder.name, {}, {key}));
  }
  if (random.one_in(2)) {
    const std::string a = s.tables[static_cast<std::size_t>(random.below(table_count))].name;
    const std::string b = s.tables[static_cast<std::size_t>(random.below(table_count))].name;
    model::table j;
    j.name = "junction";
    j.columns.push_back(model::detail::primary_key({}));
    add_key(j, key_column("fromId", a, true));
    add_key(j, key_column("toId", b, true));
    s.tables.push_back(std::move(j));
    model::relation there = relation_of(relation_kind::many, a, "through", b, {}, {});
    there.through = model::through_junction{"junction", {"fromId"}, {"toId"}};
    model::relation back = relation_of(relation_kind::many, b, "back", a, {}, {});
    back.through = model::through_junction{"junction", {"toId"}, {"fromId"}};
    s.relations.push_back(std::move(there));
    s.relations.push_back(std::move(back));
  }
  model::resolve(s);
  return s;
}

param random_value(random_source& random, column_kind kind) {
  if (random.one_in(5)) return nullptr;
  switch (kind) {
    case column_kind::integer: return random.below(4);
    case column_kind::real: return 0.5 * random.below(4);
    default: return "s" + std::to_string(random.below(4));
  }
}

// 0 to 7 rows a table (a junction up to 12), values tied and NULL; keys set once every
// row exists, so that any row may name any other, its own included.
void fill(backend::database& db, const model::schema& s, random_source& random) {
  auto tx = db.transaction();
  std::map<std::string, std::vector<std::int64_t>> ids;
  for (const model::table& t : s.tables) {
    const bool junction = t.name == "junction";
    for (int n = random.below(junction ? 13 : 8); n > 0; --n) {
      fields row;
      for (const model::column& c : t.columns)
        if (!c.implicit && c.kind != column_kind::id) row.emplace_back(c.name, random_value(random, c.kind));
      if (junction) {  // keys NOT NULL: rows only where both tables have some
        const auto& from = ids[t.columns[1].id_table];
        const auto& to = ids[t.columns[2].id_table];
        if (from.empty() || to.empty()) break;
        row.emplace_back("fromId", random.pick(from));
        row.emplace_back("toId", random.pick(to));
      }
      ids[t.name].push_back(db.insert(s, t.name, row));
    }
  }
  for (const model::table& t : s.tables) {
    if (t.name == "junction") continue;
    for (const std::int64_t id : ids[t.name]) {
      fields keys;
      for (const model::column& c : t.columns)
        if (c.kind == column_kind::id && !c.implicit && !ids[c.id_table].empty() && !random.one_in(4))
          keys.emplace_back(c.name, random.pick(ids[c.id_table]));
      if (!keys.empty()) db.update(s, t.name, keys, eq("id", static_cast<long long>(id)));
    }
  }
  tx.commit();
}

// A random read of `t`: a filter on a value column, an order (ties broken by id), bounds,
// and loads of its relations to `depth` more levels, each as random. A load is always
// ordered: without an order, which of its rows a limit keeps, and in which order a
// database returns them, is no strategy's promise (docs/runtime.md); the top may be
// unordered (cut by a limit, it is read by id).
find_options random_read(const model::schema& s, const model::table& t, random_source& random, int depth, bool load) {
  find_options o;
  std::vector<const model::column*> values;
  for (const model::column& c : t.columns)
    if (!c.implicit && c.kind != column_kind::id) values.push_back(&c);
  if (!values.empty() && random.one_in(3)) {
    const model::column& c = *random.pick(values);
    const param v = random_value(random, c.kind);
    switch (random.below(4)) {
      case 0: o.where = v.is_null() ? runtime::condition(is_null(c.name.c_str())) : runtime::condition(condition_term{predicate_op::eq, c.name, v, {}, 0, {}}); break;
      case 1: o.where = v.is_null() ? runtime::condition(is_not_null(c.name.c_str())) : runtime::condition(condition_term{predicate_op::ne, c.name, v, {}, 0, {}}); break;
      case 2: o.where = runtime::condition(condition_term{predicate_op::in, c.name, {}, {random_value(random, c.kind), random_value(random, c.kind)}, 0, {}}); break;
      default: o.where = is_not_null(c.name.c_str()); break;
    }
  }
  if (load || !random.one_in(4)) {
    for (const model::column* c : values)
      if (random.one_in(2)) o.order_by.push_back({c->name, random.one_in(2)});
    if (o.order_by.empty() || random.one_in(3)) o.order_by.push_back({"id", random.one_in(2)});
  }
  if (random.one_in(2)) o.limit = random.below(4);
  if (random.one_in(4)) o.offset = random.below(3);
  if (depth > 0) {
    std::vector<with_relation> loads;
    for (const model::relation& r : s.relations)
      if (r.source == t.name && random.one_in(2))
        loads.push_back({r.name, random_read(s, *s.find_table(r.target), random, depth - 1, true)});
    o.with = with_list(std::move(loads));
  }
  return o;
}

// A read's statements and their parameters, to say what disagreed.
template <class Query>
std::string statements_of(const Query& query, const find_options& o) {
  std::string out;
  const auto add = [&](const auto& self, const runtime::compiled_read& r) -> void {
    out += r.sql + "\n  with";
    for (const param& p : r.params)
      out += " " + (p.is_null() ? std::string("NULL")
                    : p.type() == param::kind::text ? p.text()
                    : p.type() == param::kind::real ? std::to_string(p.real())
                                                   : std::to_string(p.integer()));
    out += "\n";
    for (const runtime::compiled_load& l : r.loads) self(self, l.read);
  };
  add(add, query.sql(o));
  return out;
}

TEST(RandomSchemaReads, EveryStrategyReadsTheRowsTheJoinReads) {
  for (unsigned trial = 0; trial < 16; ++trial) {
    random_source random(7000 + trial);
    const model::schema s = random_schema(random);
    auto db = backend::open();
    db.migrate(s);
    fill(db, s, random);
    for (int read = 0; read < 12; ++read) {
      const model::table& t = s.tables[static_cast<std::size_t>(random.below(static_cast<int>(s.tables.size())))];
      const find_options o = random_read(s, t, random, 1 + random.below(3), false);
      auto query = db.query(s, t.name);
      const std::string what = "trial " + std::to_string(trial) + ", read " + std::to_string(read) + " of " + t.name;
      std::string joined;
      ASSERT_NO_THROW(joined = text_of(query.find_many(with_strategy(o, load_strategy::join)))) << what;
      for (const load_strategy how : {load_strategy::select_in, load_strategy::nested})
        EXPECT_EQ(text_of(query.find_many(with_strategy(o, how))), joined)
            << static_cast<int>(how) << ", " << what << "\n"
            << statements_of(query, with_strategy(o, load_strategy::join)) << "against\n"
            << statements_of(query, with_strategy(o, how));
    }
  }
}

}  // namespace
