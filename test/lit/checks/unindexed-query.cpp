// orm-unindexed-query: a read whose filter, or whose order under a limit, no index serves
// RUN: %ormlint --checks=-*,orm-unindexed-query %s -- %cxxflags | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
// RUN: cp %s %t.cpp && %ormlint --checks=-*,orm-unindexed-query --fix %t.cpp -- %cxxflags > /dev/null
// RUN: FileCheck %s -check-prefix=CHECK-FIXES < %t.cpp
// Warnings only: exit 0. Promoted with WarningsAsErrors, the same run fails.
// RUN: %exit1 %ormlint --checks=-*,orm-unindexed-query --warnings-as-errors=orm-unindexed-query %s -- %cxxflags > /dev/null
#include <orm/sqlite.hpp>

using namespace orm;
using namespace orm::sqlite;

namespace tracker {
inline constexpr auto users = table("users", column("name", text()), column("email", text().unique()));
inline constexpr auto tickets = table("tickets",
    column("status", text()), column("priority", integer()), column("createdAt", timestamp()),
    column("ownerId", id("users")), index("by_owner_created").on("ownerId", "createdAt"));
// Each finding's index, after the table's last part (one per finding: review which to keep).
// CHECK-FIXES: {{^}}    column("ownerId", id("users")), index("by_owner_created").on("ownerId", "createdAt"),
// CHECK-FIXES-NEXT: {{^}}                                    index("by_status").on("status"),
// CHECK-FIXES-NEXT: {{^}}                                    index("by_status_priority").on("status", "priority"),
// CHECK-FIXES-NEXT: {{^}}                                    index("by_priority").on("priority"),
// CHECK-FIXES-NEXT: {{^}}                                    index("by_status_createdAt").on("status", "createdAt"),
// CHECK-FIXES-NEXT: {{^}}                                    index("by_ownerId_priority").on("ownerId", "priority"),
// CHECK-FIXES-NEXT: {{^}}                                    index("by_ownerId_status_priority").on("ownerId", "status", "priority"));
// small_table(): a table that stays small, read whole at no cost.
inline constexpr auto countries = table("countries", column("code", text()), small_table());
inline constexpr auto tags = table("tags", column("name", text()));
inline constexpr auto ticket_tags = table("ticket_tags", column("ticketId", id("tickets")), column("tagId", id("tags")),
                                          index("by_ticket").on("ticketId"), index("by_tag").on("tagId"));
inline constexpr auto schema = define_schema(tables(users, tickets, countries, tags, ticket_tags), {.defaults = {.default_limit = 50}})
    .relations(many(users, "tickets", tickets, {.to = "ownerId"}), one(tickets, "owner", users, {.from = "ownerId"}),
               many(tickets, "tags", tags).through(ticket_tags, "ticketId", "tagId"));
}  // namespace tracker

void reads(database& db, const std::string& status, const condition& built_elsewhere, std::int64_t id) {
  auto tickets = db.query(tracker::schema, tracker::tickets);
  // A filter no index serves: every row is read. The index offered is the one SQLite
  // then uses (equality columns first).
  tickets.find_many({.where = eq("status", status)});
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: this read filters 'tickets' by (status), and no index serves it: SQLite reads every row of 'tickets' (SCAN) on every call; add index("by_status").on("status") to 'tickets' [orm-unindexed-query]
  tickets.find_many({.where = eq("status", "open") && gt("priority", 2), .order_by = {desc("createdAt")}, .limit = 10});
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: this read filters 'tickets' by (status, priority) and orders it by (createdAt) under a limit, and no index serves it: SQLite reads every row of 'tickets' (SCAN, then a temporary sort) on every call; add index("by_status_priority").on("status", "priority") to 'tickets'
  // Sorting the whole table to return ten rows.
  tickets.find_many({.order_by = {desc("priority")}, .limit = 10});
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: this read orders 'tickets' by (priority) under a limit, and no index serves it: SQLite sorts every matching row (USE TEMP B-TREE FOR ORDER BY) to return the first few on every call; add index("by_priority").on("priority") to 'tickets'
  // OR: SQLite may serve each branch with its own index; none here, and no one index to offer.
  tickets.find_many({.where = eq("status", "open") || eq("priority", 1)});
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: this read filters 'tickets' by (status, priority), and no index serves it: SQLite reads every row of 'tickets' (SCAN) on every call; no one index serves it as written (a like pattern, or || or ! over several comparisons): filter on columns an index leads with, or mark the table small_table()
  // A like pattern: no index SQLite would seek with, none offered.
  tickets.find_many({.where = like("status", "op%")});
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: this read filters 'tickets' by (status), and no index serves it: SQLite reads every row of 'tickets' (SCAN) on every call; no one index serves it as written
  // A negated comparison narrows nothing an index can seek: the index is on the rest.
  tickets.find_many({.where = eq("status", "open") && !is_null("createdAt")});
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: this read filters 'tickets' by (status, createdAt), and no index serves it: SQLite reads every row of 'tickets' (SCAN) on every call; add index("by_status").on("status") to 'tickets'
  // In a loop, the same call is reported once per call site.
  for (const char* s : {"open", "closed"}) tickets.find_first({.where = eq("status", s), .order_by = {asc("createdAt")}});
// CHECK-MESSAGES: :[[@LINE-1]]:76: warning: this read filters 'tickets' by (status) and orders it by (createdAt) under a limit, and no index serves it: SQLite reads every row of 'tickets' (SCAN, then a temporary sort) on every call; add index("by_status_createdAt").on("status", "createdAt") to 'tickets'
  // A load ordered under a limit: each user's tickets are sorted whole to return five. The
  // index offered leads with the relation's key, then gives the order.
  db.query(tracker::schema, tracker::users).find_many({.where = eq("id", id), .with = {{"tickets", {.order_by = {desc("priority")}, .limit = 5}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: this read loads 'users.tickets' ordered by (priority) under a limit, and no index serves it: SQLite sorts all of each parent's 'tickets' (USE TEMP B-TREE FOR ORDER BY) to return the first few on every call; add index("by_ownerId_priority").on("ownerId", "priority") to 'tickets' [orm-unindexed-query]
  // Two levels down, with a filter on the load: its equality column comes before the order.
  tickets.find_many({.where = eq("ownerId", id),
                     .with = {{"owner", {.with = {{"tickets", {.where = eq("status", "open"), .order_by = {asc("priority")}, .limit = 2}}}}}}});
// CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: this read loads 'tickets.owner.tickets' ordered by (priority) under a limit, and no index serves it: SQLite sorts all of each parent's 'tickets' (USE TEMP B-TREE FOR ORDER BY) to return the first few on every call; add index("by_ownerId_status_priority").on("ownerId", "status", "priority") to 'tickets'

  // Must not warn: the primary key; a unique column; an index's leading column, with its
  // second giving the order; no filter and no limit (the whole table is asked for); a
  // filter built elsewhere (not seen here); a load by the relation's index.
  tickets.find_many({.where = eq("id", id)});
  db.query(tracker::schema, tracker::users).find_many({.where = eq("email", "a@b")});
  tickets.find_many({.where = eq("ownerId", id), .order_by = {desc("createdAt")}, .limit = 10});
  tickets.find_many({.order_by = {asc("priority")}});
  tickets.find_many({.where = built_elsewhere});
  tickets.find_many({.where = eq("ownerId", id) && like("status", "op%")});
  tickets.find_many({.where = in("ownerId", {runtime::param(id), runtime::param(id + 1)})});
  db.query(tracker::schema, tracker::countries).find_first({.where = eq("code", "FR")});
  db.query(tracker::schema, tracker::users).find_many({.where = eq("id", id), .with = {{"tickets", {.limit = 5}}}});
  // Loads: an order the relation's index gives (by_owner_created); an order with no limit
  // (every row of the parent's is asked for); a filter (read through the relation's index);
  // a junction's load (no one index holds both the junction's key and the target's order).
  db.query(tracker::schema, tracker::users).find_many({.where = eq("id", id), .with = {{"tickets", {.order_by = {desc("createdAt")}, .limit = 5}}}});
  db.query(tracker::schema, tracker::users).find_many({.where = eq("id", id), .with = {{"tickets", {.order_by = {asc("priority")}}}}});
  db.query(tracker::schema, tracker::users).find_many({.where = eq("id", id), .with = {{"tickets", {.where = eq("status", "open")}}}});
  tickets.find_many({.where = eq("ownerId", id), .with = {{"tags", {.order_by = {asc("name")}, .limit = 3}}}});
}
