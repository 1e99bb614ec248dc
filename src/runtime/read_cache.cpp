#include <orm/runtime/read_cache.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace orm::runtime {

namespace {

// Which value of a filter term the statements bind: one rule for shape_of and
// number_values, so that both number the same values in the same order.
enum class term_value { none, operand, list };
term_value value_of(const condition_term& t) {
  switch (t.op) {
    case predicate_op::eq:
    case predicate_op::ne:
    case predicate_op::lt:
    case predicate_op::le:
    case predicate_op::gt:
    case predicate_op::ge:
    case predicate_op::like: return term_value::operand;
    case predicate_op::in: return term_value::list;
    default: return term_value::none;
  }
}

// A key of fixed-width numbers and length-prefixed names: no two shapes write the same.
// Written straight into the string's storage (kept from call to call) through a cursor,
// each number inline: a count's shape is a few dozen numbers, and an out-of-line append
// each was most of the instructions a count adds to the statement's own.
class key_writer {
 public:
  explicit key_writer(std::string& out) : out_(out) {
    out_.resize(std::max<std::size_t>(out_.capacity(), 256));
    cursor_ = out_.data();
    end_ = cursor_ + out_.size();
  }
  void number(std::int64_t n) { bytes(&n, sizeof n); }
  void name(const std::string& s) {
    number(static_cast<std::int64_t>(s.size()));
    bytes(s.data(), s.size());
  }
  void address(const void* p) { number(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(p))); }
  void optional(const std::optional<std::int64_t>& n) {
    number(n ? 1 : 0);
    if (n) number(*n);
  }
  // The key's end: the string holds what was written, no more.
  void finish() { out_.resize(static_cast<std::size_t>(cursor_ - out_.data())); }

 private:
  void bytes(const void* p, std::size_t n) {
    if (static_cast<std::size_t>(end_ - cursor_) < n) grow(n);
    std::memcpy(cursor_, p, n);
    cursor_ += n;
  }
  [[gnu::noinline]] void grow(std::size_t n) {
    const std::size_t used = static_cast<std::size_t>(cursor_ - out_.data());
    out_.resize(std::max(2 * out_.size(), used + n));
    cursor_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }
  std::string& out_;
  char* cursor_;
  char* end_;
};

void add_terms(const std::vector<condition_term>& terms, key_writer& key, std::vector<option_value>& values) {
  key.number(static_cast<std::int64_t>(terms.size()));
  for (const condition_term& t : terms) {
    key.number(static_cast<std::int64_t>(t.op));
    key.name(t.column);
    key.number(t.arity);
    switch (value_of(t)) {
      case term_value::operand:
        // NULL is written IS NULL, orm::add refused: the kind decides the SQL.
        key.number(static_cast<std::int64_t>(t.operand.type()));
        values.push_back({&t, false});
        break;
      case term_value::list:
        key.number(t.list.empty() ? 0 : 1);  // an empty list is written FALSE
        if (!t.list.empty()) values.push_back({&t, true});
        break;
      case term_value::none: break;
    }
    add_terms(t.inner, key, values);
  }
}

void add_options(const find_options& o, key_writer& key, std::vector<option_value>& values) {
  key.number(static_cast<std::int64_t>(o.columns.how));
  key.number(static_cast<std::int64_t>(o.columns.names.size()));
  for (const std::string& c : o.columns.names) key.name(c);
  add_terms(o.where.terms(), key, values);
  key.number(static_cast<std::int64_t>(o.order_by.size()));
  for (const order& by : o.order_by) {
    key.name(by.column);
    key.number(by.descending);
  }
  key.optional(o.limit);  // written into the SQL as numbers
  key.optional(o.offset);
  // A cursor is a filter by now (paging::seek); the planner still reads which one it was.
  for (const std::optional<cursor>* c : {&o.after, &o.before}) {
    key.number(c->has_value() ? static_cast<std::int64_t>((*c)->values.size()) : -1);
    if (*c)
      for (const auto& [column, value] : (*c)->values) {
        key.name(column);
        key.number(static_cast<std::int64_t>(value.type()));
      }
  }
  key.number(static_cast<std::int64_t>(o.count.size()));
  for (const std::string& c : o.count) key.name(c);
  key.number(o.with_variants);
  key.number(o.allow_full_scan);
  key.number(o.max_depth);
  key.number(static_cast<std::int64_t>(o.lock));
  key.number(o.read_your_writes);
  key.number(static_cast<std::int64_t>(o.strategy));
  key.number(o.with.end() - o.with.begin());
  for (const with_relation& w : o.with) {
    key.name(w.relation);
    add_options(w.options, key, values);
  }
}

bool number_terms(std::vector<condition_term>& terms, std::size_t& next) {
  for (condition_term& t : terms) {
    const term_value v = value_of(t);
    if (v == term_value::operand || (v == term_value::list && !t.list.empty())) {
      if (next >= std::numeric_limits<std::uint16_t>::max()) return false;
      const auto origin = static_cast<std::uint16_t>(++next);
      if (v == term_value::operand) t.operand.set_origin(origin);
      else
        for (param& item : t.list) item.set_origin(origin);
    }
    if (!number_terms(t.inner, next)) return false;
  }
  return true;
}

bool number_options(find_options& o, std::size_t& next) {
  std::vector<condition_term> terms = o.where.terms();
  if (!number_terms(terms, next)) return false;
  o.where = condition(std::move(terms));
  std::vector<with_relation> loads(o.with.begin(), o.with.end());
  for (with_relation& w : loads)
    if (!number_options(w.options, next)) return false;
  o.with = with_list(std::move(loads));
  return true;
}

// The statements of a read, the top's first, then each load's, depth first.
template <class Read, class F>
void for_each_statement(Read& read, F&& f) {
  f(read);
  for (auto& l : read.loads) for_each_statement(l.read, f);
}

std::vector<const compiled_read*> statements_of(const compiled_read& read) {
  std::vector<const compiled_read*> out;
  for_each_statement(read, [&](const compiled_read& r) { out.push_back(&r); });
  return out;
}

// Whether two renders of a statement bind the same values. A load's parents' keys are not
// the call's (nor the bound a capped load derives from their number): the kept read holds
// its last run's (it is lent, not copied), a fresh one none.
bool same_values(const compiled_read& a, const compiled_read& b) {
  if (a.params.size() != b.params.size()) return false;
  for (std::size_t i = 0; i < a.params.size(); ++i)
    if (!(a.key_column >= 0 && (i == a.key_param || (a.per_key_cap > 0 && i == a.cap_param))) && a.params[i] != b.params[i])
      return false;
  return true;
}

// Where a cached read and a fresh render of the same call differ ("" when they do not).
std::string difference(const compiled_read& cached, const compiled_read& fresh) {
  const std::vector<const compiled_read*> a = statements_of(cached), b = statements_of(fresh);
  if (a.size() != b.size())
    return std::to_string(a.size()) + " statements cached, " + std::to_string(b.size()) + " rendered";
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i]->sql != b[i]->sql) return "statement " + std::to_string(i) + ": cached\n" + a[i]->sql + "\nrendered\n" + b[i]->sql;
    if (!same_values(*a[i], *b[i])) return "statement " + std::to_string(i) + " binds other values: " + b[i]->sql;
  }
  return "";
}

}  // namespace

void shape_of(const model::schema& s, const model::table& t, const find_options& o, bool unique, read_shape& out) {
  key_writer key(out.key);
  key.address(&s);
  key.address(&t);
  key.number(unique);
  out.values.clear();
  add_options(o, key, out.values);
  key.finish();
}

bool number_values(find_options& o) {
  std::size_t next = 0;
  return number_options(o, next);
}

std::optional<cached_read> cached_form(compiled_read& read, const std::vector<option_value>& values,
                                       std::vector<std::string> warnings) {
  cached_read out;
  bool reusable = true;
  std::size_t statement = 0;
  for_each_statement(read, [&](compiled_read& r) {
    for (std::size_t i = 0; i < r.params.size(); ++i) {
      param& p = r.params[i];
      if (p.origin() == 0) continue;  // the schema's or the runtime's: the same on every call
      const std::size_t value = static_cast<std::size_t>(p.origin() - 1);
      // A list's item bound on its own: the list was written out one parameter per item,
      // and a list of another length needs other SQL.
      if (values[value].list && p.origin_list_kind() == 0) reusable = false;
      out.slots.push_back({statement, i, value, p.origin_list_kind()});
      p.set_origin(0);
    }
    ++statement;
  });
  if (!reusable) return std::nullopt;
  out.read = read;
  out.warnings = std::move(warnings);
  return out;
}

bool bind_values(cached_read& c, const std::vector<option_value>& values, const sql::dialect& d) {
  // The slots are in the statements' order (cached_form's): one walk binds them all.
  auto slot = c.slots.begin();
  std::size_t statement = 0;
  bool bound = true;
  for_each_statement(c.read, [&](compiled_read& r) {
    for (; bound && slot != c.slots.end() && slot->statement == statement; ++slot) {
      const option_value& v = values[slot->value];
      param& p = r.params[slot->param];
      if (!v.list) {
        p = v.term->operand;
        p.set_origin(0);
        continue;
      }
      auto list = d.bound_list(v.term->list, static_cast<column_kind>(slot->list_kind - 1));
      if (!list) bound = false;
      else p = param(std::move(list->text));
    }
    ++statement;
  });
  return bound;
}

read_to_run cached_or_rendered(read_cache& cache, const read_shape* shape, const find_options& o,
                               detail::function_ref<compiled_read(const find_options&, const warning_sink&)> render,
                               const warning_sink& warn, const sql::dialect& d) {
  if (!shape) {
    ++cache.counted().renders;
    return read_to_run(render(o, warn));
  }
  if (cached_read* kept = cache.find(shape->key); kept && bind_values(*kept, shape->values, d)) {
    ++cache.counted().hits;
    if (warn)
      for (const std::string& w : kept->warnings) warn(w);
    if (cache.verify) {
      const compiled_read fresh = render(o, nullptr);
      if (const std::string diff = difference(kept->read, fresh); !diff.empty())
        throw std::logic_error("the read cache's statements differ from a fresh render: " + diff);
    }
    return read_to_run::lent(kept->read);
  }
  ++cache.counted().renders;
  find_options numbered = o;
  if (!number_values(numbered)) return read_to_run(render(o, warn));
  std::vector<std::string> warnings;
  compiled_read read = render(numbered, [&](const std::string& w) {
    warnings.push_back(w);
    if (warn) warn(w);
  });
  if (std::optional<cached_read> c = cached_form(read, shape->values, std::move(warnings)))
    cache.keep(shape->key, *std::move(c));
  return read_to_run(std::move(read));
}

}  // namespace orm::runtime
