// A property that finds wrong answers, not only crashes: a random row written through
// the runtime into a table of random columns and read back through the runtime (SQLite's
// JSON, the runtime's value expressions, its decoder) is the row that was written, value
// for value and bit for bit; or the write is refused with a schema_error (the values the
// runtime documents it refuses: text that is not UTF-8, NaN, -0.0). Anything else aborts.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <orm/sqlite.hpp>

namespace {
using orm::column_kind;

[[noreturn]] void wrong(const std::string& what) {
  std::fprintf(stderr, "row round trip: %s\n", what.c_str());
  std::abort();
}

orm::model::schema schema_of(const std::vector<column_kind>& kinds) {
  orm::model::table t;
  t.name = "t";
  orm::model::column id;
  id.name = "id";
  id.kind = column_kind::id;
  id.implicit = true;
  id.not_null = true;
  t.columns.push_back(id);
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    orm::model::column c;
    c.name = "c" + std::to_string(i);
    c.kind = kinds[i];
    t.columns.push_back(c);
  }
  orm::model::schema s;
  s.tables.push_back(t);
  return s;
}

orm::sqlite::param value_of(FuzzedDataProvider& in, column_kind kind) {
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) return orm::sqlite::param();
  switch (kind) {
    case column_kind::integer:
    case column_kind::timestamp: return orm::sqlite::param(static_cast<long long>(in.ConsumeIntegral<std::int64_t>()));
    case column_kind::real: return orm::sqlite::param(in.ConsumeFloatingPoint<double>());
    case column_kind::boolean: return orm::sqlite::param(in.ConsumeBool());
    case column_kind::bytes: return orm::sqlite::param(orm::sqlite::blob{in.ConsumeRandomLengthString(64)});
    default: return orm::sqlite::param(in.ConsumeRandomLengthString(64));
  }
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void expect_read_back(const orm::sqlite::node& got, const orm::sqlite::param& written, const std::string& column) {
  using kind = orm::sqlite::param::kind;
  using read = orm::sqlite::node::kind;
  const bool ok = [&] {
    switch (written.type()) {
      case kind::null: return got.is_null();
      case kind::boolean: return got.type() == read::boolean && got.as_boolean() == (written.integer() != 0);
      case kind::integer: return got.type() == read::integer && got.as_integer() == written.integer();
      case kind::real: return got.type() == read::real && same_bits(got.as_real(), written.real());
      case kind::text: return got.type() == read::text && got.as_text() == written.text();
      case kind::bytes: return got.type() == read::bytes && got.as_text() == written.text();
      default: return false;
    }
  }();
  if (!ok) wrong("column " + column + " did not read back what was written");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  static const column_kind kinds[] = {column_kind::text,    column_kind::integer, column_kind::real,
                                      column_kind::boolean, column_kind::bytes,   column_kind::timestamp};
  std::vector<column_kind> columns(in.ConsumeIntegralInRange<std::size_t>(1, 6));
  for (column_kind& k : columns) k = kinds[in.ConsumeIntegralInRange<std::size_t>(0, 5)];
  const orm::model::schema schema = schema_of(columns);
  orm::sqlite::fields row;
  for (std::size_t i = 0; i < columns.size(); ++i) row.emplace_back("c" + std::to_string(i), value_of(in, columns[i]));

  orm::sqlite::database db(":memory:");
  db.migrate(schema);
  try {
    db.insert(schema, "t", row);
  } catch (const orm::sqlite::schema_error&) {
    return 0;  // a value the runtime refuses, in words (writes.hpp)
  }
  const std::vector<orm::sqlite::node> read = db.query(schema, std::string("t")).find_many();
  if (read.size() != 1) wrong("wrote one row, read " + std::to_string(read.size()));
  for (const auto& [name, value] : row) expect_read_back(read[0][name], value, name);
  return 0;
}
