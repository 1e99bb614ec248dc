#pragma once
// Reads rendered once per shape. A call's SQL depends on its options' structure (tables,
// columns, the operators and columns of its filters and the kinds of their values, orders,
// limits, offsets, loads and strategies), never on the filters' values, which are bound
// parameters: so each database keeps the statements of every shape it has read (the
// statements themselves are prepared once per text by the backend), and a call of a
// shape it has seen renders no SQL, it binds its own values into the kept statements.
//
// Which parameter takes which value is not guessed from the renderer's order: the values
// of the first call's options are numbered (param::origin), the renderer copies the
// numbers into the parameters it binds, and the numbers are read back from them. A value
// the renderer wrote into the SQL in a form a later call cannot replace (an `in` list one
// parameter per item) makes its read one that is rendered every time.
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <orm/detail/function_ref.hpp>
#include <orm/runtime/find_options.hpp>
#include <orm/runtime/read_plan.hpp>

namespace orm::runtime {

// A value of a read's options that its statements bind: a filter's operand, or an `in`
// filter's whole list.
struct option_value {
  const condition_term* term = nullptr;
  bool list = false;
};

// What a read's SQL depends on, as a key, and its values in the order they are numbered.
struct read_shape {
  std::string key;
  std::vector<option_value> values;
};
// Written into `out`, whose key's and values' storage is reused: a call of a kept shape
// allocates nothing for it.
void shape_of(const model::schema& s, const model::table& t, const find_options& o, bool unique, read_shape& out);

// Numbers the values of `o` 1, 2, ... (param::origin) in shape_of's order. False when
// there are more than a parameter's origin can number (the read is not kept).
bool number_values(find_options& o);

// A read rendered once for its shape: its statements (the top's, then each load's, depth
// first), the parameters that take a value of the call's options, and the planner's
// warnings, given again on each call as a fresh render would.
struct cached_read {
  struct slot {
    std::size_t statement = 0;
    std::size_t param = 0;
    std::size_t value = 0;       // the index into read_shape::values
    std::uint8_t list_kind = 0;  // an `in` list: its column's kind + 1
  };
  compiled_read read;
  std::vector<slot> slots;
  std::vector<std::string> warnings;
};

// The cached form of a read rendered from numbered options, whose values shape_of listed
// (the numbers are cleared from `read`); nullopt when a value went into it in a form a
// later call cannot replace.
std::optional<cached_read> cached_form(compiled_read& read, const std::vector<option_value>& values,
                                       std::vector<std::string> warnings);

// Binds the call's values into the cached statements, in place; false when a value cannot
// be bound as the cached statement binds it (an `in` list the dialect cannot bind as one
// parameter, such as one holding text that is not UTF-8 on SQLite): that call is rendered.
bool bind_values(cached_read& c, const std::vector<option_value>& values, const sql::dialect& d);

// A read ready to run: the cache's kept read with the call's values bound into it, or one
// rendered for this call. A kept read is lent, not copied (the copy was a sixth of a small
// read's cost): it holds the call's values only until another read of its shape binds
// its own, and it lives until the cache drops it for another. So a call holds the
// database's lock from compiling its read to the end of running it, and compiles no other
// read in between.
class read_to_run {
 public:
  static read_to_run lent(const compiled_read& kept) { return read_to_run(&kept); }
  explicit read_to_run(compiled_read own) : own_(std::move(own)), read_(&*own_) {}
  read_to_run(read_to_run&& other) noexcept
      : own_(std::move(other.own_)), read_(own_ ? &*own_ : other.read_) {}
  read_to_run& operator=(read_to_run&& other) noexcept {
    own_ = std::move(other.own_);
    read_ = own_ ? &*own_ : other.read_;
    return *this;
  }

  const compiled_read& operator*() const { return *read_; }
  // A read of the caller's own, which outlives the lock (sql(), explain()).
  compiled_read owned() && { return own_ ? std::move(*own_) : *read_; }

 private:
  explicit read_to_run(const compiled_read* kept) : read_(kept) {}
  std::optional<compiled_read> own_;
  const compiled_read* read_;
};

// At most `capacity` values by key, the least recently used dropped first.
template <class Value>
class lru_map {
 public:
  explicit lru_map(std::size_t capacity) : capacity_(capacity) {}

  Value* find(const std::string& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);  // now the most recently used
    return &it->second->second;
  }
  void keep(const std::string& key, Value value) {
    if (const auto it = index_.find(key); it != index_.end()) {
      it->second->second = std::move(value);
      return;
    }
    if (entries_.size() >= capacity_) {
      index_.erase(entries_.back().first);
      entries_.pop_back();
    }
    entries_.emplace_front(key, std::move(value));
    index_.emplace(key, entries_.begin());
  }
  std::size_t size() const { return entries_.size(); }

 private:
  using entry_list = std::list<std::pair<std::string, Value>>;
  std::size_t capacity_;
  entry_list entries_;  // the most recently used first
  std::unordered_map<std::string, typename entry_list::iterator> index_;
};

struct row_plan;

// The rendered reads of one database. Used under the database's lock only.
class read_cache {
 public:
  static constexpr std::size_t capacity = 256;

  cached_read* find(const std::string& key) { return reads_.find(key); }
  void keep(const std::string& key, cached_read read) { reads_.keep(key, std::move(read)); }
  std::size_t size() const { return reads_.size(); }

  // Typed reads: a row type's decoding plan for a read shape, kept once the type was
  // checked against the shape (orm-row-mismatch's rule found nothing). The key: the
  // shape's and the row type's.
  const std::shared_ptr<const row_plan>* typed_plan(const std::string& key) { return typed_.find(key); }
  void keep_typed_plan(const std::string& key, std::shared_ptr<const row_plan> plan) {
    typed_.keep(key, std::move(plan));
  }

  // For tests and benchmarks: reads served from the cache, reads rendered, typed reads
  // whose row type's plan was kept.
  struct counts {
    std::size_t hits = 0;
    std::size_t renders = 0;
    std::size_t typed_hits = 0;
  };
  counts& counted() { return counts_; }
  // The shape of the read being compiled, its storage kept from call to call.
  read_shape& scratch_shape() { return scratch_; }
  const counts& counted() const { return counts_; }
  // For tests: every read served from the cache is also rendered, and a difference in
  // its statements or parameters is an error (std::logic_error) that names both.
  bool verify = false;

 private:
  lru_map<cached_read> reads_{capacity};
  lru_map<std::shared_ptr<const row_plan>> typed_{capacity};
  counts counts_;
  read_shape scratch_;
};

// The read of `o`: the cached statements of its shape with its values bound, else
// rendered by `render(options, warn)` and kept. `shape`: shape_of(o), its key extended by
// what else the statements depend on (a typed read's row type, a count); null when the
// read must not be kept: its schema can change under its address while the database lives
// (any schema but a constexpr schema's model, built once per database).
read_to_run cached_or_rendered(read_cache& cache, const read_shape* shape, const find_options& o,
                                 detail::function_ref<compiled_read(const find_options&, const warning_sink&)> render,
                                 const warning_sink& warn, const sql::dialect& d);

}  // namespace orm::runtime
