#pragma once
// The database and its reads, once for every backend. A backend is a class that derives
// from basic_database<itself> and gives, to these templates only (friends):
//   compiled_read compile_read(schema, table, options, warn, unique)  its SQL renderer
//   void for_each_row(read, table, each)    runs a read, calls each(row) per result row; a
//       row has is_null(i), text_view(i) and integer(i) (of a column that cannot be
//       anything else, a COUNT(*)), and column_node(row, i, ...) and
//       read_column(row, i, out, plan, source) are declared beside its type
//   void for_each_row_per_key(read, table, keys, each)  a load's statement once per key
//       (load_strategy::nested), each(key's index, row)
//   void in_read_snapshot(read, f)          runs f (a read's statements) in one snapshot:
//       a read transaction, or the caller's
//   std::int64_t write(schema, table, statement_text, answer, rows, where)  runs a write
//       and returns what `answer` asks (writes::answer); `rows` are the rows it writes
//       (to explain a failure, and for PostgreSQL to follow ids written)
//   migration_plan introspect(schema)       what migrate would do (the lock held)
//   void lock_for_migration()               inside the migration's transaction
//   static bool statement_lost(error)       a migration to run once more (a pooler's)
//   static bool retryable(error)            for run_transaction
//   std::int64_t run_statement(sql, params, each)  one statement of the user's, each(row) per row
//   void write_returning(schema, table, statement_text, rows, where, each)  the same write,
//       each(row) per RETURNING row (db.returning<T>())
//   static const sql::dialect& sql_dialect()
//   std::string begin_statement(options)    and exec(sql): see session.hpp
// What does not depend on the user's types is defined in database_impl.hpp and compiled
// in the backend's library (explicit instantiations in src/<backend>/database.cpp): a
// user's unit sees only the declarations and the thin templates that take its types.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <orm/model/aggregate.hpp>
#include <orm/model/rules.hpp>
#include <orm/model/write_plan.hpp>
#include <orm/reflection/reflect.hpp>
#include <orm/runtime/aggregate_read.hpp>
#include <orm/runtime/find_options.hpp>
#include <orm/runtime/migration_diff.hpp>
#include <orm/runtime/paging.hpp>
#include <orm/runtime/read_plan.hpp>
#include <orm/runtime/session.hpp>
#include <orm/runtime/typed_rows.hpp>
#include <orm/runtime/write_guard.hpp>
#include <orm/runtime/write_sql.hpp>

namespace orm::runtime {

// Reads of one table: db.query(schema, users).find_many({...}).
template <class Backend>
class basic_table_query {
 public:
  basic_table_query(Backend& db, const model::schema& schema, const model::table& table)
      : db_(db), schema_(schema), table_(table) {}

  std::vector<node> find_many(const find_options& options = {}) const;
  std::optional<node> find_first(find_options options = {}) const;
  // One page of rows in the order (.limit rows at most), after or before a cursor, and the
  // cursors of the pages around it (docs/runtime.md, "Pages").
  page find_page(find_options options) const;
  // The one row the filter selects; more than one is an error (the filter is not unique).
  std::optional<node> find_unique(find_options options) const;
  // The rows the filter selects (within limit and offset, when given), counted by the
  // database (COUNT(*)): none is read. The filter's columns are planned as find_many's.
  std::int64_t count(count_options options = {}) const;
  // Whether the filter selects any row: the database stops at the first.
  bool exists(count_options options = {}) const;
  // Counts, sums, averages, minima and maxima of the rows the filter selects, per group
  // (docs/runtime.md, "Aggregates"): one node per group, keyed by the group's columns and
  // what it computes ("count", "total_sum", ...).
  std::vector<node> aggregate(const aggregate_options& options) const;
  // The statement find_many would run, for inspection (EXPLAIN, logs).
  compiled_read sql(const find_options& options = {}) const;
  // That statement and the database's plan for it (docs/runtime.md, "Explaining a read"):
  // what orm-unindexed-query reads on SQLite.
  explained_read explain(const find_options& options = {}) const;

  // Typed rows (docs/runtime.md): each row decoded into a T, whose fields name the columns
  // and relations to read; `options` gives the filter, order, bounds and the options of
  // the loads (`with`), and T decides the columns. A T that cannot hold the rows is a
  // row_mismatch_error, as ormlint's orm-row-mismatch reports it.
  template <reflection::row_struct T>
  std::vector<T> find_many(const find_options& options = {}) const {
    return run_typed<T>(options, false);
  }
  template <reflection::row_struct T>
  std::optional<T> find_first(find_options options = {}) const {
    options.limit = 1;
    return first_row(run_typed<T>(options, false));
  }
  template <reflection::row_struct T>
  std::optional<T> find_unique(find_options options) const {
    options.limit = 2;
    return unique_row(run_typed<T>(options, true), table_.name);
  }
  // One page of typed rows and its cursors, read from its first and last rows: T has a
  // field for each column of the order, and for the id (docs/runtime.md, "Pages").
  template <reflection::row_struct T>
  basic_page<T> find_page(find_options options) const {
    static const model::row_type row = reflection::describe<T>();  // once per struct
    paging::check_size(options, table_.name);
    std::vector<std::string> order;
    for (const runtime::order& o : options.order_by) order.push_back(o.column);
    if (const auto problems = model::cursor_field_mismatches(row, order); !problems.empty())
      throw row_mismatch_error(problems.front().message);
    ++*options.limit;  // one row more: whether another page follows
    std::vector<T> rows = run_typed<T>(options, false);
    --*options.limit;
    const std::vector<runtime::order> key = paging::key_of(options.order_by);
    const bool microseconds = Backend::sql_dialect().native_timestamps();
    return paging::page_of(std::move(rows), options, [&](const T& r) {
      return paging::cursor_of(typed::fields_of(r, microseconds), key, table_.name);
    });
  }
  // Each group into a T, whose fields name the group's columns and the values computed
  // ("total_sum"): a T that cannot hold them is a row_mismatch_error (orm-row-mismatch).
  template <reflection::row_struct T>
  std::vector<T> aggregate(const aggregate_options& options) const;

 private:
  // What a read is compiled for besides its rows as nodes: a row type to decode them into
  // (its fields decide the columns and loads; `plan` receives the decoding plan), or only
  // their count. Part of the read's shape: each form keeps statements of its own.
  struct read_form {
    const model::row_type* row = nullptr;
    std::shared_ptr<const row_plan>* plan = nullptr;
    bool count = false;
  };
  // `to_run`: the statement is about to run (not only shown by sql() or explain()).
  // Called with the database's lock held, until the read has run: the cache lends it
  // (read_to_run).
  read_to_run compile(const find_options& options, bool unique, bool to_run = true, const read_form& form = {}) const;
  // compile, then run(read), holding the lock from one to the end of the other.
  template <class Run>
  decltype(auto) compiled_and_run(const find_options& options, bool unique, const read_form& form, Run&& run) const {
    const auto held = db_.hold();
    const read_to_run read = compile(options, unique, true, form);
    return std::forward<Run>(run)(*read);
  }
  compiled_read compile_aggregate(const aggregate_options& options) const;
  // The database's warn_unindexed_reads(): the read's plan judged, once per statement.
  void warn_if_unindexed(const find_options& options, const read_form& form, const compiled_read& read) const;
  std::vector<node> run(const compiled_read& read) const;
  void explain_into(compiled_read read, explained_read& out) const;
  // One statement's rows as nodes, appended to `out` (a load's relation slots left null).
  void read_node_rows(const compiled_read& read, const model::table& t, level_rows<node>& out) const;
  template <class Result>
  void read_node_row(const compiled_read& read, const model::table& t, const Result& r, level_rows<node>& out) const;
  // The relations `read` loads by statements of their own, into its rows.
  void load_separately(const compiled_read& read, level_rows<node>& out) const;
  // Runs a load's statement for its parents' keys, once for all or once per key, each
  // row read by read_row(row) into `children`: each group's rows.
  template <class Row, class ReadRow>
  index_groups run_load(const compiled_load& l, const model::table& target, const key_groups& groups,
                        level_rows<Row>& children, ReadRow&& read_row) const {
    if (groups.keys.empty()) return {};  // no group
    db_.reading_next_statement();
    std::vector<std::size_t> group_of;  // each child row's group
    if (l.read.per_key) {
      db_.for_each_row_per_key(l.read, target, groups.keys, [&](std::size_t g, const auto& r) {
        read_row(r);
        group_of.push_back(g);
      });
      return index_groups::from(group_of, groups.keys.size());
    }
    bind_key_list(l.read, groups.keys, Backend::sql_dialect());
    bounded_instead bounded;  // one call site: this template is compiled in users' units
    for (;;) {
      db_.for_each_row(l.read, target, read_row);
      if (bounded.active() || !capped_load_was_cut(l.read, groups.keys.size(), children.keys.size())) break;
      children.clear();  // a key may have lost its own rows to another key's: bounded per key
      bounded.swap_in(l.read);
    }
    group_of.reserve(children.keys.size());
    for (std::size_t i = 0; i < children.keys.size(); ++i) group_of.push_back(groups.group_of(children.keys, i));
    if (!bounded.active()) keep_first_per_group(group_of, groups.keys.size(), l.read.per_key_cap);
    return index_groups::from(group_of, groups.keys.size());
  }
  template <class T>
  std::vector<T> run_typed(const find_options& options, bool unique) const;
  // The plan that decodes `row` from the read of `options`, once `row` is checked against
  // them (a row_mismatch_error when it cannot hold them); kept per shape and row type.
  // `key`: the read's shape key (null when its schema's reads are not kept).
  std::shared_ptr<const row_plan> checked_plan(const model::row_type& row, const find_options& options,
                                               const std::string* key) const;
  template <class T>
  void read_typed_rows(const compiled_read& read, const model::table& t, const row_plan& plan, level_rows<T>& out) const;
  template <class T>
  void load_typed(const compiled_read& read, const row_plan& plan, level_rows<T>& out) const;
  template <class T, std::size_t I>
  void load_field(const compiled_load& l, const load_keys& keys, const row_plan& plan, level_rows<T>& out) const;

  Backend& db_;
  const model::schema& schema_;
  const model::table& table_;
};

template <class Backend>
class basic_database;

// db.returning<T>(): the writes, each returning the rows it wrote as T (RETURNING, one
// statement): planned and guarded as insert, update and remove are; T's fields name
// columns of the table (docs/runtime.md, "Rows a write returns").
template <class Backend, class T>
class returning_writes {
 public:
  explicit returning_writes(basic_database<Backend>& db) : db_(db) {}

  template <class Schema>
  std::vector<T> insert(const Schema& schema, const std::string& table, const fields& row) {
    return db_.template insert_returning<T>(db_.model_of(schema), table, row);
  }
  template <class Schema>
  std::vector<T> update(const Schema& schema, const std::string& table, const fields& changes, const condition& where,
                        write_options options = {}) {
    return db_.template update_returning<T>(db_.model_of(schema), table, changes, where, options);
  }
  template <class Schema>
  std::vector<T> remove(const Schema& schema, const std::string& table, const condition& where,
                        write_options options = {}) {
    return db_.template remove_returning<T>(db_.model_of(schema), table, where, options);
  }
  template <class Schema>
  std::vector<T> upsert(const Schema& schema, const std::string& table, const fields& row, const upsert_options& options) {
    return db_.template upsert_returning<T>(db_.model_of(schema), table, row, options);
  }
  // Every row inserted, in the order given, in one transaction as insert_many writes them.
  template <class Schema>
  std::vector<T> insert_many(const Schema& schema, const std::string& table, const std::vector<fields>& rows) {
    return db_.template insert_many_returning<T>(db_.model_of(schema), table, rows);
  }

 private:
  basic_database<Backend>& db_;
};

// One connection of `Backend`. Safe to share between threads: each call holds the
// connection while it runs (and a transaction holds it while it lives), so calls from
// several threads run one after another; for queries in parallel, open one database per
// thread.
template <class Backend>
class basic_database : public session {
 public:
  // BEGIN (or a savepoint inside another transaction): see runtime::transaction.
  runtime::transaction transaction(const transaction_options& options = {}) { return runtime::transaction(*this, options); }

  // Brings the database to the schema, in one transaction: creates what is missing (tables,
  // columns, indexes) and refuses, before writing anything, every other difference (a
  // dropped, renamed or retyped column, a changed constraint), listing them with the way
  // out. A schema that ormlint reports an error in (model/verdict.hpp) is refused, in its
  // words.
  void migrate(const model::schema& schema);
  // What migrate would run (and refuse), without changing anything.
  migration_plan plan_migration(const model::schema& schema);

  // The new row's id.
  std::int64_t insert(const model::schema& schema, const std::string& table, const fields& row);
  // Every row, in one transaction (a savepoint inside the caller's), each planned as
  // insert plans it before any is written; consecutive rows that set the same columns
  // share a statement (INSERT ... VALUES (...), (...)), up to the database's parameter
  // limit. The rows inserted.
  std::int64_t insert_many(const model::schema& schema, const std::string& table, const std::vector<fields>& rows);
  // An empty `where` is refused unless `options.allow_full_scan`: it would change every row.
  std::int64_t update(const model::schema& schema, const std::string& table, const fields& changes,
                      const condition& where, write_options options = {});
  std::int64_t remove(const model::schema& schema, const std::string& table, const condition& where,
                      write_options options = {});
  // Inserts `row`, or changes the stored row it conflicts with on the unique key
  // `options.on` (ON CONFLICT ... DO UPDATE, one statement): the id of the row inserted or
  // changed.
  std::int64_t upsert(const model::schema& schema, const std::string& table, const fields& row,
                      const upsert_options& options);
  basic_table_query<Backend> query(const model::schema& schema, const std::string& table);

  // The same, from the constexpr schema: its model is built once per database.
  template <class Schema>
  void migrate(const Schema& schema) {
    migrate(model_of(schema));
  }
  template <class Schema>
  migration_plan plan_migration(const Schema& schema) {
    return plan_migration(model_of(schema));
  }
  template <class Schema>
  std::int64_t insert(const Schema& schema, const std::string& table, const fields& row) {
    return insert(model_of(schema), table, row);
  }
  template <class Schema>
  std::int64_t update(const Schema& schema, const std::string& table, const fields& changes, const condition& where,
                      write_options options = {}) {
    return update(model_of(schema), table, changes, where, options);
  }
  template <class Schema>
  std::int64_t insert_many(const Schema& schema, const std::string& table, const std::vector<fields>& rows) {
    return insert_many(model_of(schema), table, rows);
  }
  // Writes from a struct: each field is the column of its name; an empty std::optional is
  // not set (docs/runtime.md, "Typed rows").
  template <class Schema, reflection::row_struct Row>
  std::int64_t insert(const Schema& schema, const std::string& table, const Row& row) {
    return insert(model_of(schema), table, typed::fields_to_insert(row, table, Backend::sql_dialect().native_timestamps()));
  }
  template <class Schema, reflection::row_struct Row>
  std::int64_t insert_many(const Schema& schema, const std::string& table, const std::vector<Row>& rows) {
    std::vector<fields> written;
    written.reserve(rows.size());
    for (const Row& row : rows)
      written.push_back(typed::fields_to_insert(row, table, Backend::sql_dialect().native_timestamps()));
    return insert_many(model_of(schema), table, written);
  }
  template <class Schema, reflection::row_struct Row>
  std::int64_t update(const Schema& schema, const std::string& table, const Row& changes, const condition& where,
                      write_options options = {}) {
    return update(model_of(schema), table, typed::fields_of(changes, Backend::sql_dialect().native_timestamps()), where, options);
  }
  template <class Schema>
  std::int64_t upsert(const Schema& schema, const std::string& table, const fields& row, const upsert_options& options) {
    return upsert(model_of(schema), table, row, options);
  }
  template <class Schema, reflection::row_struct Row>
  std::int64_t upsert(const Schema& schema, const std::string& table, const Row& row, const upsert_options& options) {
    return upsert(model_of(schema), table, typed::fields_to_insert(row, table, Backend::sql_dialect().native_timestamps()),
                  options);
  }
  template <class Schema>
  std::int64_t remove(const Schema& schema, const std::string& table, const condition& where,
                      write_options options = {}) {
    return remove(model_of(schema), table, where, options);
  }
  // Typed rows from a statement of your own (docs/runtime.md, "SQL of your own"): one
  // statement, its parameters bound (?, $1 as the backend numbers them), run on the
  // primary (it may write: INSERT ... RETURNING); each result row into a T, each field
  // from the column of its name. A field no column is named for, a value its type cannot
  // hold (text into an integer), or a NULL into a field that is not std::optional is a
  // row_mismatch_error or the backend's error, before the row is kept. ormlint does not
  // read the SQL.
  template <reflection::row_struct T>
  std::vector<T> run(const std::string& sql, const std::vector<param>& params = {}) {
    static const model::row_type row = reflection::describe<T>();  // once per struct
    const model::table result = typed::statement_result_of(row);
    const std::unique_ptr<row_plan> plan =
        typed::plan_of(model::schema{}, result, row.name, row.fields, Backend::sql_dialect().native_timestamps());
    const auto held = hold();
    std::vector<T> out;
    std::vector<int> columns;
    backend().run_statement(sql, params, [&](const auto& r) {
      if (out.empty()) {  // the names, from the first row
        std::vector<std::string_view> names;
        for (int i = 0; i < r.column_count(); ++i) names.push_back(r.column_name(i));
        columns = typed::statement_columns_of(row, names, sql);
      }
      typed::read_top_row(r, columns, decoder(), *plan, out.emplace_back());
    });
    return out;
  }

  template <class Schema, class Table>
  basic_table_query<Backend> query(const Schema& schema, const Table& table) {
    return query(model_of(schema), std::string(table.name.view()));
  }

  // Writes that return the rows they wrote: db.returning<T>().update(schema, "t", ...).
  template <reflection::row_struct T>
  returning_writes<Backend, T> returning() {
    return returning_writes<Backend, T>(*this);
  }

 protected:
  basic_database() = default;

 private:
  template <class, class>
  friend class returning_writes;
  template <class T>
  std::vector<T> insert_returning(const model::schema& schema, const std::string& table, const fields& row) {
    const auto held = hold();
    const model::table& t = guarded::planned_write(schema, model::write::kind::insert, table, row, nullptr, {});
    return written_rows<T>(schema, t, writes::insert(t, row, Backend::sql_dialect()), {&row, 1});
  }
  template <class T>
  std::vector<T> update_returning(const model::schema& schema, const std::string& table, const fields& changes,
                                  const condition& where, write_options options) {
    const auto held = hold();
    const model::table& t = guarded::planned_write(schema, model::write::kind::update, table, changes, &where, options);
    return written_rows<T>(schema, t, writes::update(schema, t, changes, where, Backend::sql_dialect()), {&changes, 1});
  }
  template <class T>
  std::vector<T> remove_returning(const model::schema& schema, const std::string& table, const condition& where,
                                  write_options options) {
    const auto held = hold();
    const model::table& t = guarded::planned_write(schema, model::write::kind::remove, table, {}, &where, options);
    return written_rows<T>(schema, t, writes::remove(schema, t, where, Backend::sql_dialect()), {}, &where);
  }
  template <class T>
  std::vector<T> upsert_returning(const model::schema& schema, const std::string& table, const fields& row,
                                  const upsert_options& options) {
    const auto held = hold();
    const model::table& t = guarded::planned_upsert(schema, table, row, options);
    return written_rows<T>(schema, t, writes::upsert(t, row, options.on, options.update, Backend::sql_dialect()),
                           {&row, 1});
  }
  template <class T>
  std::vector<T> insert_many_returning(const model::schema& schema, const std::string& table,
                                       const std::vector<fields>& rows) {
    const auto held = hold();
    std::vector<T> out;
    out.reserve(rows.size());
    insert_batches(schema, table, rows, [&](const model::table& t, writes::statement_text text, std::span<const fields> batch) {
      written_rows<T>(schema, t, std::move(text), batch, nullptr, &out);
    });
    return out;
  }
  // The statement with RETURNING T's columns, run; each row it returns into a T, appended
  // to `into` when given.
  template <class T>
  std::vector<T> written_rows(const model::schema& schema, const model::table& t, writes::statement_text text,
                              std::span<const fields> rows, const condition* where = nullptr,
                              std::vector<T>* into = nullptr) {
    static const model::row_type row = reflection::describe<T>();  // once per struct
    const sql::dialect& d = Backend::sql_dialect();
    text.sql += " RETURNING " + typed::returning_list(schema, t, row, d);
    const std::unique_ptr<row_plan> plan = typed::plan_of(schema, t, row.name, row.fields, d.native_timestamps());
    std::vector<int> columns(row.fields.size());
    for (std::size_t i = 0; i < columns.size(); ++i) columns[i] = static_cast<int>(i);
    std::vector<T> out;
    std::vector<T>& kept = into ? *into : out;
    backend().write_returning(schema, t, text, rows, where,
                              [&](const auto& r) { typed::read_top_row(r, columns, decoder(), *plan, kept.emplace_back()); });
    return out;
  }
  // insert_many's statements: every row planned as insert plans it, then, in one
  // transaction, consecutive rows that set the same columns, up to the database's
  // parameter limit, handed to write(table, statement, rows) as one INSERT.
  // Compiled once (database_impl.hpp): `write` is the one part that sees T.
  void insert_batches(const model::schema& schema, const std::string& table, const std::vector<fields>& rows,
                      const std::function<void(const model::table&, writes::statement_text, std::span<const fields>)>& write);

  void migrate_once(const model::schema& schema);
  Backend& backend() { return static_cast<Backend&>(*this); }
};

template <class Backend>
template <class T>
std::vector<T> basic_table_query<Backend>::run_typed(const find_options& options, bool unique) const {
  static const model::row_type row = reflection::describe<T>();  // once per struct
  std::shared_ptr<const row_plan> plan;
  level_rows<T> level;
  compiled_and_run(options, unique, {.row = &row, .plan = &plan}, [&](const compiled_read& read) {
    const auto read_all = [&] {
      level = {};
      read_typed_rows(read, table_, *plan, level);
      load_typed(read, *plan, level);
    };
    if (read.loads.empty()) read_all();
    else db_.in_read_snapshot(read, read_all);  // its statements see one snapshot
  });
  if (options.before) std::reverse(level.rows.begin(), level.rows.end());  // read nearest first
  return std::move(level.rows);
}

template <class Backend>
template <class T>
void basic_table_query<Backend>::read_typed_rows(const compiled_read& read, const model::table& t, const row_plan& plan,
                                                 level_rows<T>& out) const {
  const std::vector<int> columns = typed::result_columns_of(plan, read);
  db_.for_each_row(read, t, [&](const auto& r) {
    typed::read_top_row(r, columns, db_.decoder(), plan, out.rows.emplace_back());
    out.note_keys(read, r);
  });
}

// The relations `read` loads by statements of their own, into the fields of its rows.
template <class Backend>
template <class T>
void basic_table_query<Backend>::load_typed(const compiled_read& read, const row_plan& plan, level_rows<T>& out) const {
  out.parent_keys.resize(read.loads.size());  // none when the statement returned no row
  for (std::size_t k = 0; k < read.loads.size(); ++k) {
    const compiled_load& l = read.loads[k];
    std::size_t index = 0;
    while (index < plan.fields.size() && !(plan.fields[index].nested && plan.fields[index].key == l.key)) ++index;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      ((I == index ? load_field<T, I>(l, out.parent_keys[k], plan, out) : void()), ...);
    }(std::make_index_sequence<reflection::field_count<T>>());
  }
}

template <class Backend>
template <class T, std::size_t I>
void basic_table_query<Backend>::load_field(const compiled_load& l, const load_keys& keys, const row_plan& plan,
                                            level_rows<T>& out) const {
  using F = reflection::field_value_t<std::tuple_element_t<I, decltype(reflection::tie_fields(std::declval<T&>()))>>;
  if constexpr (typed::readable_row<F>) {
    using Child = typename typed::row_of_field<F>::type;
    const row_plan::source& from = plan.fields[I];
    const model::table& target = *schema_.find_table(l.read.decode.table);
    const key_groups groups = group_parents(keys);
    level_rows<Child> children;
    const std::vector<int> columns = typed::result_columns_of(*from.nested, l.read);
    const auto rows_of = run_load(l, target, groups, children, [&](const auto& r) {
      typed::read_top_row(r, columns, db_.decoder(), *from.nested, children.rows.emplace_back());
      children.note_keys(l.read, r);
    });
    load_typed(l.read, *from.nested, children);
    std::vector<bool> found(out.rows.size(), false);
    hand_out(groups, rows_of, [&](std::size_t parent, std::span<const std::size_t> rows, bool move) {
      found[parent] = !rows.empty();
      typed::assign_loaded(reflection::field_value(std::get<I>(reflection::tie_fields(out.rows[parent]))), rows,
                           [&](std::size_t j) { return move ? std::move(children.rows[j]) : children.rows[j]; });
    });
    if constexpr (!reflection::is_vector<F>::value && !reflection::is_optional<F>::value)
      for (std::size_t p = 0; p < found.size(); ++p)
        if (!found[p]) throw typed::missing_row(plan, from);
  }
}

template <class Backend>
template <reflection::row_struct T>
std::vector<T> basic_table_query<Backend>::aggregate(const aggregate_options& options) const {
  static const model::row_type row = reflection::describe<T>();  // once per struct
  const compiled_read read = compile_aggregate(options);  // the planner's refusals first
  const model::aggregation asked = planning::aggregation_of(options);
  const std::vector<model::row_problem> problems = model::aggregate_row_mismatches(schema_, table_, asked, row);
  if (!problems.empty()) throw row_mismatch_error(problems.front().message);
  const model::table rows = model::aggregate_rows(table_, asked);
  const std::unique_ptr<row_plan> plan =
      typed::plan_of(schema_, rows, row.name, row.fields, Backend::sql_dialect().native_timestamps());
  const std::vector<int> columns = typed::result_columns_of(*plan, read);
  std::vector<T> out;
  db_.for_each_row(read, table_, [&](const auto& r) { typed::read_top_row(r, columns, db_.decoder(), *plan, out.emplace_back()); });
  return out;
}

}  // namespace orm::runtime
