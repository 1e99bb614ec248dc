#pragma once
// The definitions of runtime/database.hpp that do not depend on the user's types. Only a
// backend's src/<backend>/database.cpp includes this, and instantiates both templates for
// its database there, once: users' units call them without compiling them again.
#include <map>
#include <stdexcept>

#include <orm/runtime/database.hpp>
#include <orm/runtime/index_use.hpp>
#include <orm/runtime/paging.hpp>
#include <orm/runtime/write_guard.hpp>

namespace orm::runtime {

template <class Backend>
read_to_run basic_table_query<Backend>::compile(const find_options& given, bool unique, bool to_run,
                                                const read_form& form) const {
  // A cursor is a filter and (for .before) the order reversed: the read that returns it.
  std::optional<find_options> sought;
  if (given.after || given.before) sought = paging::seek(table_, given);
  const find_options& options = sought ? *sought : given;
  read_shape* shape = nullptr;
  if (db_.keeps_reads_of(schema_)) {
    shape = &db_.reads().scratch_shape();  // its storage reused: used up before another compile
    shape_of(schema_, table_, options, unique, *shape);
    // The form: a row type (one model::row_type per type, describe<T>'s static), a count.
    shape->key.append(reinterpret_cast<const char*>(&form.row), sizeof form.row);
    shape->key += form.count ? 'c' : 'r';
  }
  if (form.row) *form.plan = checked_plan(*form.row, options, shape ? &shape->key : nullptr);
  read_to_run read = cached_or_rendered(
      db_.reads(), shape, options,
      [&](const find_options& o, const warning_sink& warn) {
        compiled_read r = form.row ? db_.compile_read(schema_, table_, typed::options_for(schema_, table_, form.row->fields, o),
                                                      warn, unique)
                                   : db_.compile_read(schema_, table_, o, warn, unique);
        // Both databases flatten the subquery: the count reads no column.
        if (form.count) {
          r.sql = "SELECT COUNT(*) FROM (" + r.sql + ") AS counted";
          r.one_row = true;
        }
        // Part of the shape (its key holds both): a kept read has them.
        r.locks_rows = o.lock != row_lock::none;
        r.read_your_writes = o.read_your_writes;
        return r;
      },
      [this](const std::string& m) { db_.warn(m); }, Backend::sql_dialect());
  if (to_run && db_.unindexed_reads().on) {
    // The judgement compiles the read's explanation: the kept read could be dropped under it.
    read = read_to_run(std::move(read).owned());
    warn_if_unindexed(options, form, *read);
  }
  return read;
}

template <class Backend>
std::shared_ptr<const row_plan> basic_table_query<Backend>::checked_plan(const model::row_type& row,
                                                                        const find_options& options,
                                                                        const std::string* key) const {
  read_cache& cache = db_.reads();
  const std::shared_ptr<const row_plan>* kept = key ? cache.typed_plan(*key) : nullptr;
  if (kept) ++cache.counted().typed_hits;
  if (kept && !cache.verify) return *kept;
  const model::query_options given = planning::options_of(schema_, &table_, options);
  const std::vector<model::row_problem> problems = model::row_mismatches(schema_, table_, row, options.max_depth, &given);
  if (!problems.empty()) {
    if (kept)
      throw std::logic_error("the read cache kept a typed plan for a row type its read refuses: " + problems.front().message);
    throw row_mismatch_error(problems.front().message);
  }
  if (kept) return *kept;  // checked once more (verify): the kept plan serves
  std::shared_ptr<const row_plan> plan =
      typed::plan_of(schema_, table_, row.name, row.fields, Backend::sql_dialect().native_timestamps());
  if (key) cache.keep_typed_plan(*key, plan);
  return plan;
}

template <class Backend>
void basic_table_query<Backend>::warn_if_unindexed(const find_options& given, const read_form& form,
                                                   const compiled_read& read) const {
  // Judged once per shape: the statement and its loads' (two reads of one top statement
  // may load differently).
  std::string statements = read.sql;
  const auto add_loads = [&](const auto& self, const compiled_read& r) -> void {
    for (const compiled_load& l : r.loads) {
      statements += ";\n" + l.read.sql;
      self(self, l.read);
    }
  };
  add_loads(add_loads, read);
  if (!db_.unindexed_reads().judged.insert(statements).second) return;
  // A typed read loads what its row type's fields hold. `given` is sought already (its
  // cursor is its filter and order now): explained with the cursor, it would be sought
  // twice, and a read .before a cursor explained in the order it does not run in.
  find_options options = form.row ? typed::options_for(schema_, table_, form.row->fields, given) : given;
  options.after.reset();
  options.before.reset();
  const model::query_options planned = planning::options_of(schema_, &table_, options);
  if (!may_be_unindexed(planned)) return;
  for (const unindexed_level& level : unindexed_levels(schema_, table_.name, planned, explain(options))) {
    db_.warn(level.finding + "; " +
             (level.index.empty() ? no_one_index_advice()
                                  : "an index on (" + quoted_columns(level.index) + ") of '" + level.table->name +
                                        "' would serve it (ormlint's orm-unindexed-query offers it as a fix), or mark the "
                                        "table small_table()"));
  }
}

template <class Backend>
compiled_read basic_table_query<Backend>::sql(const find_options& options) const {
  const auto held = db_.hold();
  return compile(options, false, false).owned();
}

template <class Backend>
explained_read basic_table_query<Backend>::explain(const find_options& options) const {
  explained_read out;
  const auto held = db_.hold();
  explain_into(compile(options, false, false).owned(), out);
  return out;
}

// A statement's plan, then each load's by a statement of its own: under a line that names
// the load ("LOAD users.posts"), indented one step, so that each statement's lines form a
// block of their own.
template <class Backend>
void basic_table_query<Backend>::explain_into(compiled_read read, explained_read& out) const {
  const bool load = read.key_column >= 0;
  out.statements.push_back(read.sql);
  out.levels.insert(out.levels.end(), read.levels.begin(), read.levels.end());
  const std::string indent = load ? "  " : "";
  if (load) {
    out.plan.push_back("LOAD " + read.levels.front().path);
    // Any key: the plan does not depend on it.
    const column_kind kind = read.columns[static_cast<std::size_t>(read.key_column)].kind;
    if (read.per_key) read.params[read.key_param] = kind == column_kind::text ? param("") : param(0LL);
    else bind_key_list(read, {}, Backend::sql_dialect());
  }
  const sql::dialect& d = Backend::sql_dialect();
  const std::vector<compiled_load> loads = std::move(read.loads);
  read.loads.clear();
  read.sql = d.explain_prefix + read.sql;
  read.fan_out_limit = 0;  // the plan's rows are no parents
  std::map<std::string, std::size_t, std::less<>> depth_of;  // a plan row's id -> its depth
  db_.for_each_row(read, table_, [&](const auto& row) {
    std::size_t depth = 0;
    if (d.plan_id_column >= 0) {
      const auto parent = depth_of.find(row.text_view(d.plan_parent_column));
      depth = parent == depth_of.end() ? 0 : parent->second + 1;
      depth_of.emplace(std::string(row.text_view(d.plan_id_column)), depth);
    }
    out.plan.push_back(indent + std::string(2 * depth, ' ') + std::string(row.text_view(d.plan_line_column)));
  });
  for (const compiled_load& l : loads) explain_into(l.read, out);
}

template <class Backend>
std::int64_t basic_table_query<Backend>::count(count_options options) const {
  // Planned and rendered as the read of the same rows, counted around it (compile's count
  // form, kept per shape as any read). No column: both databases flatten the subquery, and
  // a call has nothing to decode.
  const find_options as_read{.columns = no_columns(), .where = std::move(options.where), .limit = options.limit,
                             .offset = options.offset, .read_your_writes = options.read_your_writes};
  std::int64_t out = 0;
  compiled_and_run(as_read, false, {.count = true}, [&](const compiled_read& read) {
    db_.for_each_row(read, table_, [&](const auto& row) { out = row.integer(0); });
  });
  return out;
}

template <class Backend>
compiled_read basic_table_query<Backend>::compile_aggregate(const aggregate_options& options) const {
  const auto held = db_.hold();
  return aggregate_read(schema_, table_, options, [this](const std::string& m) { db_.warn(m); }, Backend::sql_dialect());
}

template <class Backend>
std::vector<node> basic_table_query<Backend>::aggregate(const aggregate_options& options) const {
  return run(compile_aggregate(options));
}

template <class Backend>
bool basic_table_query<Backend>::exists(count_options options) const {
  options.limit = options.limit && *options.limit < 1 ? *options.limit : 1;
  return count(std::move(options)) > 0;
}

template <class Backend>
std::vector<node> basic_table_query<Backend>::find_many(const find_options& options) const {
  std::vector<node> rows = compiled_and_run(options, false, {}, [this](const compiled_read& r) { return run(r); });
  if (options.before) std::reverse(rows.begin(), rows.end());  // read nearest first
  return rows;
}

template <class Backend>
page basic_table_query<Backend>::find_page(find_options options) const {
  paging::check_size(options, table_.name);
  for (const order& k : paging::key_of(options.order_by))
    if (!options.columns.selects(k.column))
      throw schema_error("find_page makes its cursors from the order's columns, and the read of '" + table_.name +
                         "' does not select '" + k.column + "'; select it");
  ++*options.limit;  // one row more: whether another page follows
  std::vector<node> rows = find_many(options);
  --*options.limit;
  return paging::page_of(std::move(rows), options, table_.name);
}

template <class Backend>
std::optional<node> basic_table_query<Backend>::find_first(find_options options) const {
  options.limit = 1;
  return first_row(find_many(options));
}

template <class Backend>
std::optional<node> basic_table_query<Backend>::find_unique(find_options options) const {
  options.limit = 2;
  return unique_row(compiled_and_run(options, true, {}, [this](const compiled_read& r) { return run(r); }), table_.name);
}

template <class Backend>
std::vector<node> basic_table_query<Backend>::run(const compiled_read& read) const {
  level_rows<node> level;
  if (read.loads.empty()) {
    read_node_rows(read, table_, level);
    return std::move(level.rows);
  }
  // Its statements see one snapshot: no row of a load appears without its parent.
  db_.in_read_snapshot(read, [&] {
    level = {};
    read_node_rows(read, table_, level);
    load_separately(read, level);
  });
  return std::move(level.rows);
}

template <class Backend>
void basic_table_query<Backend>::read_node_rows(const compiled_read& read, const model::table& t,
                                                level_rows<node>& out) const {
  db_.for_each_row(read, t, [&](const auto& r) { read_node_row(read, t, r, out); });
}

template <class Backend>
template <class Result>
void basic_table_query<Backend>::read_node_row(const compiled_read& read, const model::table& t, const Result& r,
                                               level_rows<node>& out) const {
  node row = node::object_with_keys(read.decode.row_keys);
  for (std::size_t j = 0; j < read.columns.size(); ++j) {
    const result_column& c = read.columns[j];
    const int i = static_cast<int>(j);
    if (c.hidden) continue;
    if (c.load >= 0) row.add(c.key, node());  // filled by load_separately
    else if (c.nested < 0) row.add(c.key, column_node(r, i, c.kind, t.name, c.key));
    else if (r.is_null(i)) row.add(c.key, node());
    else row.add(c.key, db_.decoder().decode_nested(r.text_view(i), read.decode.nested[static_cast<std::size_t>(c.nested)]));
  }
  if (row.keys() != read.decode.row_keys) read.decode.row_keys = row.keys();
  out.note_keys(read, r);
  out.rows.push_back(std::move(row));
}

template <class Backend>
void basic_table_query<Backend>::load_separately(const compiled_read& read, level_rows<node>& out) const {
  out.parent_keys.resize(read.loads.size());  // none when the statement returned no row
  for (std::size_t k = 0; k < read.loads.size(); ++k) {
    const compiled_load& l = read.loads[k];
    const model::table& target = *schema_.find_table(l.read.decode.table);
    const key_groups groups = group_parents(out.parent_keys[k]);
    level_rows<node> children;
    const auto rows_of =
        run_load(l, target, groups, children, [&](const auto& r) { read_node_row(l.read, target, r, children); });
    load_separately(l.read, children);
    for (node& parent : out.rows) parent.at(l.key) = l.many ? node::make(node::kind::array) : node();
    hand_out(groups, rows_of, [&](std::size_t parent, std::span<const std::size_t> rows, bool move) {
      const auto take = [&](std::size_t j) { return move ? std::move(children.rows[j]) : children.rows[j]; };
      node& slot = out.rows[parent].at(l.key);
      if (!l.many) {
        if (!rows.empty()) slot = take(rows.front());
        return;
      }
      for (std::size_t j : rows) slot.push_back(take(j));
    });
  }
}

template <class Backend>
void basic_database<Backend>::migrate(const model::schema& schema) {
  refuse_broken_schema(schema);
  try {
    migrate_once(schema);
  } catch (const error& e) {
    // A pooler met inside the migration's own transaction (postgres/connection.hpp): it
    // rolled back, and statements are unnamed now; run it once more. Inside the caller's
    // transaction, the caller runs it again.
    if (depth() > 0 || !Backend::statement_lost(e)) throw;
    migrate_once(schema);
  }
}

template <class Backend>
void basic_database<Backend>::migrate_once(const model::schema& schema) {
  auto tx = transaction();  // a savepoint inside the caller's transaction
  backend().lock_for_migration();
  const migration_plan plan = backend().introspect(schema);
  refuse_differences(plan);
  for (const std::string& sql : plan.statements) exec(sql);
  tx.commit();
}

template <class Backend>
migration_plan basic_database<Backend>::plan_migration(const model::schema& schema) {
  const auto held = hold();
  return backend().introspect(schema);
}

template <class Backend>
std::int64_t basic_database<Backend>::insert(const model::schema& schema, const std::string& table, const fields& row) {
  const auto held = hold();
  const model::table& t = guarded::planned_write(schema, model::write::kind::insert, table, row, nullptr, {});
  return backend().write(schema, t, writes::insert(t, row, Backend::sql_dialect()), writes::answer::new_id, {&row, 1},
                         nullptr);
}

template <class Backend>
std::int64_t basic_database<Backend>::insert_many(const model::schema& schema, const std::string& table,
                                                  const std::vector<fields>& rows) {
  const auto held = hold();
  std::int64_t inserted = 0;
  insert_batches(schema, table, rows, [&](const model::table& t, writes::statement_text text, std::span<const fields> batch) {
    inserted += backend().write(schema, t, text, writes::answer::rows_changed, batch, nullptr);
  });
  return inserted;
}

template <class Backend>
void basic_database<Backend>::insert_batches(
    const model::schema& schema, const std::string& table, const std::vector<fields>& rows,
    const std::function<void(const model::table&, writes::statement_text, std::span<const fields>)>& write) {
  const model::table& t = guarded::table_of(schema, table);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (i == 0 || !guarded::planned_alike(t, rows[i - 1], rows[i]))
      guarded::planned_write(schema, model::write::kind::insert, table, rows[i], nullptr, {});
  if (rows.empty()) return;
  const sql::dialect& d = Backend::sql_dialect();
  auto tx = transaction();
  for (std::size_t first = 0; first < rows.size();) {
    // A statement's rows: up to writes::rows_per_statement, within the parameter limit.
    const std::size_t columns = std::max<std::size_t>(rows[first].size(), 1);
    const std::size_t most = rows[first].empty() ? 1 : std::min(writes::rows_per_statement, d.max_parameters / columns);
    std::size_t end = first + 1;
    while (end < rows.size() && end - first < most && writes::same_columns(rows[first], rows[end])) ++end;
    const std::span<const fields> batch(rows.data() + first, end - first);
    write(t, writes::insert_rows(t, batch, d), batch);
    first = end;
  }
  tx.commit();
}

template <class Backend>
std::int64_t basic_database<Backend>::update(const model::schema& schema, const std::string& table, const fields& changes,
                                             const condition& where, write_options options) {
  const auto held = hold();
  const model::table& t = guarded::planned_write(schema, model::write::kind::update, table, changes, &where, options);
  return backend().write(schema, t, writes::update(schema, t, changes, where, Backend::sql_dialect()), writes::answer::rows_changed,
                         {&changes, 1}, &where);
}

template <class Backend>
std::int64_t basic_database<Backend>::remove(const model::schema& schema, const std::string& table, const condition& where,
                                             write_options options) {
  const auto held = hold();
  const model::table& t = guarded::planned_write(schema, model::write::kind::remove, table, {}, &where, options);
  return backend().write(schema, t, writes::remove(schema, t, where, Backend::sql_dialect()), writes::answer::rows_changed, {},
                         &where);
}

template <class Backend>
std::int64_t basic_database<Backend>::upsert(const model::schema& schema, const std::string& table, const fields& row,
                                             const upsert_options& options) {
  const auto held = hold();
  const model::table& t = guarded::planned_upsert(schema, table, row, options);
  writes::statement_text text = writes::upsert(t, row, options.on, options.update, Backend::sql_dialect());
  text.sql += " RETURNING " + sql::identifier("id");
  return backend().write(schema, t, text, writes::answer::returned_id, {&row, 1}, nullptr);
}

template <class Backend>
basic_table_query<Backend> basic_database<Backend>::query(const model::schema& schema, const std::string& table) {
  return basic_table_query<Backend>(backend(), schema, guarded::table_of(schema, table));
}

}  // namespace orm::runtime
