// orm-discriminator-write: an insert or update that breaks its discriminator's variant rules
// RUN: %exit1 %ormlint --checks=-*,orm-discriminator-write %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "write_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void writes(database& db, const std::string& kind, const std::string& column, std::int64_t id) {
  db.insert(shop::schema, "events", {{"at", 1}, {"kind", "login"}, {"ip", "10.0.0.1"}, {"amount", 5.0}});
// CHECK-MESSAGES: :[[@LINE-1]]:89: error: 'amount' is not a field of variant 'login' of 'events'; leave it out [orm-discriminator-write]
  db.insert(shop::schema, "events", {{"at", 1}, {"kind", "refund"}});
// CHECK-MESSAGES: :[[@LINE-1]]:58: error: variant 'refund' of 'events' requires 'amount'
  db.insert(shop::schema, "events", {{"at", 1}, {"kind", "logout"}});
// CHECK-MESSAGES: :[[@LINE-1]]:58: error: 'events.kind' must be one of 'login', 'refund'
  db.insert(shop::schema, "events", {{"at", 1}, {"ip", "10.0.0.1"}});
// CHECK-MESSAGES: :[[@LINE-1]]:27: error: a row of 'events' needs 'kind', one of 'login', 'refund'
  db.update(shop::schema, "events", {{"userAgent", "curl"}}, eq("id", id));
// CHECK-MESSAGES: :[[@LINE-1]]:39: error: setting 'events.userAgent', a field of a variant, needs 'kind' in the same update, so that the variant's rules can be checked
  db.update(shop::schema, "events", {{"kind", "login"}, {"ip", nullptr}}, eq("id", id));
// CHECK-MESSAGES: :[[@LINE-1]]:47: error: variant 'login' of 'events' requires 'ip'
  db.update(shop::schema, "events", {{"kind", "refund"}}, eq("id", id));
// CHECK-MESSAGES: :[[@LINE-1]]:47: error: variant 'refund' of 'events' requires 'amount'
  db.update(shop::schema, "events", {{"kind", "logout"}}, eq("id", id));
// CHECK-MESSAGES: :[[@LINE-1]]:47: error: 'events.kind' must be one of 'login', 'refund'
  db.update(shop::schema, "events", {{"kind", "login"}, {"ip", "10.0.0.2"}, {"amount", 5.0}}, eq("id", id));
// CHECK-MESSAGES: :[[@LINE-1]]:78: error: 'amount' is not a field of variant 'login' of 'events'; leave it out

  // Must not warn: a whole variant, a variant named at run time, fields not all seen, a field cleared.
  db.insert(shop::schema, "events", {{"at", 1}, {"kind", "refund"}, {"amount", 5.0}, {"itemId", id}});
  db.insert(shop::schema, "events", {{"at", 1}, {"kind", kind}, {"amount", 5.0}});
  db.insert(shop::schema, "events", {{"at", 1}, {"kind", "refund"}, {column, 5.0}});
  db.update(shop::schema, "events", {{"kind", "login"}, {"ip", "10.0.0.2"}, {"amount", nullptr}}, eq("id", id));
  db.update(shop::schema, "events", {{"at", 2}}, eq("id", id));
}
