#pragma once
// Keyset pages: a cursor (find_options::after / before) turned into the filter that seeks
// past it, and the cursor of a row read. Both backends run the same filter: the rows a
// cursor selects are the same on SQLite and PostgreSQL.
#include <optional>
#include <string>
#include <vector>

#include <orm/model/schema_model.hpp>
#include <orm/runtime/find_options.hpp>
#include <orm/runtime/node.hpp>

namespace orm::runtime {

// One page of rows (nodes, or find_page<T>'s T), and the cursors around it.
template <class Row>
struct basic_page {
  std::vector<Row> rows;
  std::optional<cursor> next;      // rows come after the last one: read them with .after = *next
  std::optional<cursor> previous;  // rows come before the first one: read them with .before = *previous
};
using page = basic_page<node>;

namespace paging {

// What a cursor is made of: the read's order, then the id unless the order names it.
std::vector<order> key_of(const std::vector<order>& by);

// The read a cursor asks for: the filter, and "after the cursor in the order" (for .before,
// in the order reversed; the caller reverses the rows back), written so that an index on
// the order's first column can seek: c1 >= v1 AND (c1 > v1 OR (c1 = v1 AND ...)). Refuses
// a cursor made for another order. The cursor fields stay, for the planner's rule
// (orm-cursor-order); an order the planner refuses is left for it to refuse.
find_options seek(const model::table& t, const find_options& o);

// The cursor of a row read in the order `key`; refuses a row that lacks one of its columns.
cursor cursor_of(const node& row, const std::vector<order>& key, const std::string& table);

// find_page reads one page: .limit, 0 or more, must be given.
void check_size(const find_options& o, const std::string& table);

// The cursor of a typed row, from its fields' values (typed::fields_of); refuses a row
// whose field for one of the key's columns is empty.
cursor cursor_of(const fields& row, const std::vector<order>& key, const std::string& table);

// find_page reads one row more than the page, to know whether another page follows:
// what is left of `rows` (in the order) is the page, with its cursors (cursor_of(row)).
template <class Row, class CursorOf>
basic_page<Row> page_of(std::vector<Row> rows, const find_options& o, CursorOf&& cursor_of) {
  const auto size = static_cast<std::size_t>(*o.limit);
  basic_page<Row> out;
  const bool more = rows.size() > size;
  if (o.before) {
    // Read nearest first and reversed back: the row beyond the page is the first.
    if (more) rows.erase(rows.begin());
    if (more && !rows.empty()) out.previous = cursor_of(rows.front());
    if (!rows.empty()) out.next = cursor_of(rows.back());
  } else {
    if (more) rows.pop_back();
    if (more && !rows.empty()) out.next = cursor_of(rows.back());
    if (o.after && !rows.empty()) out.previous = cursor_of(rows.front());
  }
  out.rows = std::move(rows);
  return out;
}
page page_of(std::vector<node> rows, const find_options& o, const std::string& table);

}  // namespace paging
}  // namespace orm::runtime
