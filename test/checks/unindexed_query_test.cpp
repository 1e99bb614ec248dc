#include "checks/unindexed_query.hpp"

#include <gtest/gtest.h>

#include <orm/model/build.hpp>
#include <orm/model/query_plan.hpp>

#include "checks/query_explainer.hpp"
#include "checks/run_rule.hpp"

namespace {
using namespace orm;
using namespace orm::testing;

namespace tracker {
inline constexpr auto users = table("users", column("email", text().unique()));
inline constexpr auto tickets = table("tickets", column("status", text()), column("priority", integer()),
                                      column("createdAt", timestamp()), column("ownerId", id("users")),
                                      index("by_owner_created").on("ownerId", "createdAt"));
inline constexpr auto schema = define_schema(tables(users, tickets), {.defaults = {.default_limit = 50}})
    .relations(many(users, "tickets", tickets, {.to = "ownerId"}), one(tickets, "owner", users, {.from = "ownerId"}));
}  // namespace tracker

model::written_name at(std::string name, unsigned column) { return {std::move(name), {"q.cpp", 1, column}}; }

// A call on `table` as ormlint reads it: the filter's terms (postfix) and the order.
model::query call(std::string table, model::condition filter, std::vector<std::string> order = {}, bool limited = false) {
  model::query q;
  q.table = std::move(table);
  q.site = {"q.cpp", 1, 1};
  for (const auto& t : filter)
    if (!t.column.empty()) q.top.where_columns.push_back(at(t.column, 10));
  q.top.filter = std::move(filter);
  q.top.order_descending.emplace();
  for (const auto& c : order) {
    q.top.order_columns.push_back(at(c, 40));
    q.top.order_descending->push_back(true);
  }
  q.top.limit_given = limited;
  if (limited) q.top.limit = 10;
  return q;
}

model::predicate_term term(predicate_op op, std::string column) { return {op, std::move(column), {}, 0}; }
model::predicate_term joint(predicate_op op, unsigned arity) { return {op, {}, {}, arity}; }

checks::findings check(const model::schema& s, const model::query& q) {
  checks::findings out;
  const checks::schema_index index(s);
  checks::unindexed_query(index, {q, model::plan_query(s, q)}, out);
  return out;
}

TEST(UnindexedQuery, AScanOffersTheIndexSQLiteThenUses) {
  const model::schema s = model::build(tracker::schema);
  const auto found = check(s, call("tickets", {term(predicate_op::eq, "status"), term(predicate_op::gt, "priority"),
                                               joint(predicate_op::all, 2)}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, checks::severity::warning);
  EXPECT_EQ(found[0].site.column, 10u);
  ASSERT_EQ(found[0].fixes.size(), 1u);
  const auto& fix = std::get<checks::add_index>(found[0].fixes[0]);
  EXPECT_EQ(fix.columns, (std::vector<std::string>{"status", "priority"}));  // equality first, then range
  EXPECT_EQ(fix.name, "by_status_priority");
}

TEST(UnindexedQuery, ASortUnderALimitIsReportedAtTheOrder) {
  const model::schema s = model::build(tracker::schema);
  const auto found = check(s, call("tickets", {}, {"priority"}, true));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].site.column, 40u);
  EXPECT_NE(found[0].message.find("USE TEMP B-TREE FOR ORDER BY"), std::string::npos) << found[0].message;
  // Without a limit the whole table is asked for: nothing to report.
  EXPECT_TRUE(check(s, call("tickets", {}, {"priority"}, false)).empty());
}

TEST(UnindexedQuery, ServedFiltersAndUnseenOnesAreNotReported) {
  const model::schema s = model::build(tracker::schema);
  EXPECT_TRUE(check(s, call("tickets", {term(predicate_op::eq, "id")})).empty());
  EXPECT_TRUE(check(s, call("users", {term(predicate_op::eq, "email")})).empty());
  EXPECT_TRUE(check(s, call("tickets", {term(predicate_op::eq, "ownerId")}, {"createdAt"}, true)).empty());
  model::query unseen = call("tickets", {});
  unseen.top.filter.reset();  // a filter built elsewhere
  unseen.top.where_columns.push_back(at("status", 10));
  EXPECT_TRUE(check(s, unseen).empty());
  // A column the table lacks: orm-unknown-column's, not this check's.
  EXPECT_TRUE(check(s, call("tickets", {term(predicate_op::eq, "nope")})).empty());
}

TEST(UnindexedQuery, ASmallTableIsNotReported) {
  constexpr auto countries = table("countries", column("code", text()), small_table());
  constexpr auto cities = table("cities", column("name", text()));
  constexpr auto s_ = define_schema(tables(countries, cities));
  const model::schema s = model::build(s_);
  EXPECT_TRUE(s.tables[0].small);
  EXPECT_TRUE(check(s, call("countries", {term(predicate_op::eq, "code")})).empty());
  EXPECT_EQ(check(s, call("cities", {term(predicate_op::eq, "name")})).size(), 1u);
}

TEST(UnindexedQuery, TheOfferedIndexTakesANameTheTableDoesNotUse) {
  // "by_status" is taken by an index on other columns, and so is "by_status_2".
  constexpr auto tickets = table("tickets", column("status", text()), column("kind", text()),
                                 index("by_status").on("kind", "status"), index("by_status_2").on("kind"));
  constexpr auto s_ = define_schema(tables(tickets));
  const model::schema s = model::build(s_);
  const auto found = check(s, call("tickets", {term(predicate_op::eq, "status")}));
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].fixes.size(), 1u);
  EXPECT_EQ(std::get<checks::add_index>(found[0].fixes[0]).name, "by_status_3");
  EXPECT_NE(found[0].message.find("index(\"by_status_3\").on(\"status\")"), std::string::npos) << found[0].message;
}

TEST(UnindexedQuery, OrIsReportedWithoutAnIndexToOffer) {
  const model::schema s = model::build(tracker::schema);
  const auto found = check(s, call("tickets", {term(predicate_op::eq, "status"), term(predicate_op::eq, "priority"),
                                               joint(predicate_op::any, 2)}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].fixes.empty());
}

TEST(UnindexedQuery, ASchemaTheRuntimeRefusesIsNotExplained) {
  // A required cycle: migrate refuses it, and the explainer says nothing rather than fail.
  constexpr auto a = table("a", column("bId", id("b").not_null()), column("x", text()));
  constexpr auto b = table("b", column("aId", id("a").not_null()));
  constexpr auto cyclic = define_schema(tables(a, b)).relations(one(a, "b", b, {.from = "bId"}), one(b, "a", a, {.from = "aId"}));
  const model::schema s = model::build(cyclic);
  EXPECT_FALSE(checks::query_explainer(s).explain(call("a", {term(predicate_op::eq, "x")})).has_value());
  EXPECT_TRUE(check(s, call("a", {term(predicate_op::eq, "x")})).empty());
}

TEST(UnindexedQuery, NamesThatNeedQuotingAreQuoted) {
  constexpr auto order = table("order", column("select", text()), column("group by", integer()));
  constexpr auto s_ = define_schema(tables(order));
  const model::schema s = model::build(s_);
  const auto found = check(s, call("order", {term(predicate_op::eq, "select"), term(predicate_op::lt, "group by"),
                                             joint(predicate_op::all, 2)}));
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].fixes.size(), 1u);  // the probe index was created and used under quoted names
}

}  // namespace
