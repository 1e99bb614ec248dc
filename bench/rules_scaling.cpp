// How the model's resolution and the five checks scale with schema size: a generated
// model of N tables and 5N relations (every tenth foreign key left unindexed, so the
// checks have findings to build). Google Benchmark fits the complexity; it must be O(N).
#include <benchmark/benchmark.h>

#include <string>

#include <orm/model/resolve.hpp>

#include "checks/registry.hpp"

namespace {
using namespace orm;

model::schema generated(int tables) {
  model::schema s;
  s.settings.default_limit = 100;
  for (int t = 0; t < tables; ++t) {
    model::table table;
    table.name = "t" + std::to_string(t);
    table.columns.push_back({.name = "id", .kind = column_kind::integer, .not_null = true, .unique = true, .implicit = true});
    s.tables.push_back(std::move(table));
  }
  const int edges = tables * 5 / 2;
  for (int e = 0; e < edges; ++e) {
    const int parent = e % tables, child = (e * 7 + 1) % tables;
    const std::string fk = "p" + std::to_string(e) + "Id", alias = "e" + std::to_string(e);
    auto& c = s.tables[static_cast<std::size_t>(child)];
    c.columns.push_back({.name = fk, .kind = column_kind::id, .id_table = s.tables[static_cast<std::size_t>(parent)].name});
    if (e % 10 != 0) c.indexes.push_back({.name = "by_" + fk, .columns = {fk}});
    model::relation many;
    many.kind = relation_kind::many;
    many.source = s.tables[static_cast<std::size_t>(parent)].name;
    many.name = "children" + std::to_string(e);
    many.target = c.name;
    many.to = {fk};
    many.alias = alias;
    model::relation one;
    one.source = c.name;
    one.name = "parent" + std::to_string(e);
    one.target = many.source;
    one.from = {fk};
    one.alias = alias;
    s.relations.push_back(std::move(many));
    s.relations.push_back(std::move(one));
  }
  return s;
}

void resolve_and_check(benchmark::State& state) {
  const model::schema base = generated(static_cast<int>(state.range(0)));
  std::size_t findings = 0;
  for (auto _ : state) {
    model::schema s = base;
    model::resolve(s);
    findings = checks::run_checks(s, [](std::string_view) { return true; }).size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["relations"] = static_cast<double>(base.relations.size());
  state.counters["findings"] = static_cast<double>(findings);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(resolve_and_check)->RangeMultiplier(2)->Range(125, 2000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

}  // namespace

BENCHMARK_MAIN();
