// Arbitrary schema models through model assembly, resolution, every check and the query
// and write planners: never a crash or a hang, the same findings for the same input, and
// the runtime's verdict (what migrate refuses, model/verdict.hpp) saying exactly what the
// schema-level checks report as errors, in the same words.
//
// The input drives a Pools (the interface assemble() reads the runtime's constexpr values
// and ormlint's APValues through) whose counts and indexes need not agree with each
// other, as a front end's bug or a future DSL change could make them; names come from a
// small alphabet most of the time, so that references resolve as often as not.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <algorithm>
#include <cstdio>
#include <set>

#include <orm/model/assemble.hpp>
#include <orm/model/verdict.hpp>

#include "checks/registry.hpp"

namespace {
using namespace orm;

class fuzzed_pools {
 public:
  explicit fuzzed_pools(FuzzedDataProvider& in) : in_(in), tables_(in.ConsumeIntegralInRange<std::size_t>(0, 6)) {}

  model::options settings() const {
    return {in_.ConsumeBool(), in_.ConsumeIntegralInRange<std::int64_t>(-2, 100), in_.ConsumeIntegral<std::int64_t>()};
  }
  model::source_site site() const { return {"fuzz.cpp", in_.ConsumeIntegral<unsigned>(), 1}; }
  std::size_t table_count() const { return tables_; }
  model::pooled_table table(std::size_t) const {
    return {name(), site(), count(), count(), count(), count(), count(), count()};
  }
  model::pooled_column column(std::size_t) const {
    model::column c;
    c.name = name();
    c.kind = kind();
    c.id_table = name();
    c.not_null = in_.ConsumeBool();
    c.unique = in_.ConsumeBool();
    c.default_value = literal();
    if (in_.ConsumeBool()) c.references = model::reference{name(), name(), {}};
    c.site = site();
    return {c, in_.ConsumeIntegralInRange<int>(-1, 3)};
  }
  model::index index(std::size_t) const { return {name(), in_.ConsumeBool(), names(), site()}; }
  model::check check(std::size_t) const { return {name(), condition(), site()}; }
  model::foreign_key foreign_key(std::size_t) const { return {name(), names(), name(), names(), {}, site()}; }
  model::variant variant(std::size_t) const {
    model::variant v{name(), in_.ConsumeIntegralInRange<int>(-1, 4), {}, site()};
    for (std::size_t n = count(); n > 0; --n)
      v.fields.push_back({name(), kind(), name(), in_.ConsumeBool(), in_.ConsumeBool(), site()});
    return v;
  }
  model::pooled_discriminator discriminator(std::size_t) const {
    return {{name(), name(), {}, site()}, in_.ConsumeIntegralInRange<int>(-2, 5), in_.ConsumeIntegralInRange<int>(-1, 5)};
  }
  std::size_t relation_count() const {  // asked once per loop turn: decided once
    if (!relations_) relations_ = in_.ConsumeIntegralInRange<std::size_t>(0, 8);
    return *relations_;
  }
  model::relation relation(std::size_t) const {
    model::relation r;
    r.kind = in_.ConsumeBool() ? relation_kind::one : relation_kind::many;
    r.source = name();
    r.name = name();
    r.target = name();
    r.from = names();
    r.to = names();
    r.alias = in_.ConsumeBool() ? name() : "";
    r.optional = in_.ConsumeBool();
    r.where = condition();
    if (in_.ConsumeBool()) r.through = model::through_junction{name(), names(), names()};
    r.part = in_.ConsumeBool() ? name() : "";
    r.site = site();
    return r;
  }

  std::string name() const {
    static const char* const common[] = {"id", "users", "posts", "authorId", "userId", "a", "b", "kind", ""};
    if (in_.ConsumeIntegralInRange<int>(0, 9) < 8) return common[in_.ConsumeIntegralInRange<std::size_t>(0, 8)];
    return in_.ConsumeRandomLengthString(12);
  }

 private:
  column_kind kind() const {
    return static_cast<column_kind>(in_.ConsumeIntegralInRange<int>(0, static_cast<int>(column_kind::discriminator)));
  }

  std::size_t count() const { return in_.ConsumeIntegralInRange<std::size_t>(0, 3); }
  std::vector<std::string> names() const {
    std::vector<std::string> out(in_.ConsumeIntegralInRange<std::size_t>(0, 3));
    for (auto& n : out) n = name();
    return out;
  }
  model::literal literal() const {
    model::literal l;
    l.kind = static_cast<value_kind>(in_.ConsumeIntegralInRange<int>(0, 5));
    l.integer = in_.ConsumeIntegral<std::int64_t>();
    l.real = in_.ConsumeFloatingPoint<double>();
    l.text = in_.ConsumeRandomLengthString(8);
    return l;
  }
  model::condition condition() const {
    model::condition c(in_.ConsumeIntegralInRange<std::size_t>(0, 5));
    for (auto& term : c) {
      term.op = static_cast<predicate_op>(in_.ConsumeIntegralInRange<int>(0, static_cast<int>(predicate_op::in)));
      term.column = name();
      term.operand = literal();
      term.arity = in_.ConsumeIntegralInRange<unsigned>(0, 4);
    }
    return c;
  }

  FuzzedDataProvider& in_;
  std::size_t tables_;
  mutable std::optional<std::size_t> relations_;
};

model::written_name written(const fuzzed_pools& p) { return {p.name(), {"fuzz.cpp", 1, 1}}; }

model::query_options options(FuzzedDataProvider& in, const fuzzed_pools& p, int depth) {
  model::query_options o;
  o.columns_mode = static_cast<model::query_options::selection>(in.ConsumeIntegralInRange<int>(0, 2));
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n) o.columns.push_back(written(p));
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n) o.where_columns.push_back(written(p));
  for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n) o.order_columns.push_back(written(p));
  if (in.ConsumeBool()) o.limit = in.ConsumeIntegral<std::int64_t>();
  if (in.ConsumeBool()) o.offset = in.ConsumeIntegral<std::int64_t>();
  o.limit_given = in.ConsumeBool();
  if (depth < 6)
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n)
      o.with.push_back({written(p), options(in, p, depth + 1)});
  return o;
}

std::vector<std::string> findings_of(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const fuzzed_pools pools(in);
  const model::schema schema = model::assemble(pools);
  std::vector<model::query> queries(in.ConsumeIntegralInRange<std::size_t>(0, 3));
  for (auto& q : queries) {
    q.table = pools.name();
    q.top = options(in, pools, 0);
    q.allow_full_scan = in.ConsumeBool();
    q.max_depth = in.ConsumeIntegralInRange<int>(-1, 8);
    q.unique = in.ConsumeBool();
    if (in.ConsumeBool()) q.pinned = std::vector<std::string>{pools.name()};
    if (in.ConsumeBool()) q.per_row = model::per_row_call{pools.name(), {}, {written(pools)}, "find_many", {}, ""};
  }
  std::vector<model::write> writes(in.ConsumeIntegralInRange<std::size_t>(0, 3));
  for (auto& w : writes) {
    w.what = static_cast<model::write::kind>(in.ConsumeIntegralInRange<int>(0, 2));
    w.table = written(pools);
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 3); n > 0; --n)
      w.fields.push_back({written(pools), static_cast<model::written_kind>(in.ConsumeIntegralInRange<int>(0, 6)),
                          in.ConsumeBool() ? std::optional(pools.name()) : std::nullopt, {}});
    w.fields_complete = in.ConsumeBool();
    for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 2); n > 0; --n) w.where_columns.push_back(written(pools));
    w.where_empty = in.ConsumeBool();
    w.allow_full_scan = in.ConsumeBool();
  }
  std::vector<std::string> out;
  for (const auto& f : orm::checks::run_checks(schema, [](std::string_view) { return true; }, queries, writes))
    out.push_back(f.check + std::string(":") + std::to_string(f.site.line) + ":" + f.message);
  return out;
}

// The checks whose errors are about the schema itself: migrate refuses exactly those.
const std::set<std::string_view> schema_level_checks = {
    "orm-discriminator-collision", "orm-unknown-reference", "orm-relation-name-collision", "orm-non-unique-one",
    "orm-foreign-key-mismatch",    "orm-required-cycle",    "orm-redundant-index"};

void expect_verdict_matches_checks(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const fuzzed_pools pools(in);
  const model::schema schema = model::assemble(pools);
  std::multiset<std::string> refused, reported;
  for (std::string& m : model::schema_refusals(schema)) refused.insert(std::move(m));
  for (const auto& f : orm::checks::run_checks(schema, [](std::string_view id) { return schema_level_checks.count(id) > 0; }))
    if (f.level == orm::checks::severity::error) reported.insert(f.message);
  if (refused != reported) {
    for (const auto& m : refused) std::fprintf(stderr, "migrate refuses: %s\n", m.c_str());
    for (const auto& m : reported) std::fprintf(stderr, "ormlint reports: %s\n", m.c_str());
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (findings_of(data, size) != findings_of(data, size)) std::abort();  // the same input, other findings
  expect_verdict_matches_checks(data, size);
  return 0;
}
