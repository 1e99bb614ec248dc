// orm-value-type: an insert or update that sets a column to a value of another type
// RUN: %exit1 %ormlint --checks=-*,orm-value-type %s -- %cxxflags -I%S/Inputs | FileCheck %s -check-prefix=CHECK-MESSAGES -implicit-check-not='{{warning|error}}:'
#include "write_schema.hpp"

using namespace orm;
using namespace orm::sqlite;

void writes(database& db, const std::string& name, double price, const param& any, std::int64_t id) {
  db.insert(shop::schema, "items", {{"name", "pen"}, {"stock", "12"}});
// CHECK-MESSAGES: :[[@LINE-1]]:64: error: 'items.stock' holds integers, and this value is text [orm-value-type]
  db.insert(shop::schema, "items", {{"name", true}, {"price", name}});
// CHECK-MESSAGES: :[[@LINE-1]]:46: error: 'items.name' holds text, and this value is a boolean
// CHECK-MESSAGES: :[[@LINE-2]]:63: error: 'items.price' holds reals, and this value is text
  db.update(shop::schema, "items", {{"stock", 2.5}, {"photo", "abc"}}, eq("id", id));
// CHECK-MESSAGES: :[[@LINE-1]]:47: error: 'items.stock' holds integers, and this value is a real
// CHECK-MESSAGES: :[[@LINE-2]]:63: error: 'items.photo' holds bytes, and this value is text
  db.insert(shop::schema, "items", {{"id", "x"}, {"name", "cup"}});
// CHECK-MESSAGES: :[[@LINE-1]]:44: error: 'items.id' holds integers, and this value is text

  // Atomic updates: orm::add and orm::sub of an integer or a real, orm::now<D>().
  db.update(shop::schema, "items", {{"name", orm::add(1)}, {"stock", orm::sub(0.5)}, {"price", orm::now<std::chrono::seconds>()}}, eq("id", id));
// CHECK-MESSAGES: :[[@LINE-1]]:46: error: 'items.name' holds text, and this value is orm::add of an integer
// CHECK-MESSAGES: :[[@LINE-2]]:70: error: 'items.stock' holds integers, and this value is orm::add of a real
// CHECK-MESSAGES: :[[@LINE-3]]:96: error: 'items.price' holds reals, and this value is orm::now()
  db.insert(shop::schema, "items", {{"name", "pen"}, {"stock", add(1)}});
// CHECK-MESSAGES: :[[@LINE-1]]:64: error: 'items.stock' is inserted with orm::add of an integer, which adds to the row's current value and so is for updates only; insert the value itself
  db.update(shop::schema, "items", {{"stock", orm::add(id)}, {"price", orm::sub(price)}, {"addedAt", orm::now<std::chrono::milliseconds>()}}, eq("id", id));
  db.insert(shop::schema, "items", {{"name", "pen"}, {"addedAt", orm::now<std::chrono::seconds>()}, {"price", orm::add(1)}});
// CHECK-MESSAGES: :[[@LINE-1]]:111: error: 'items.price' is inserted with orm::add of an integer

  // Must not warn: matching kinds, integers into reals and booleans, null, and values whose kind is the run time's.
  db.insert(shop::schema, "items", {{"name", name}, {"stock", 3}, {"price", price}, {"active", true},
                                    {"photo", blob{"\x01"}}, {"addedAt", 1700000000}});
  db.insert(shop::schema, "items", {{"name", "x"}, {"price", 3}, {"active", 1}, {"stock", nullptr}, {"photo", any}});
}
