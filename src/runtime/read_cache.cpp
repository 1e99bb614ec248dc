#include <orm/runtime/read_cache.hpp>

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
class key_writer {
 public:
  key_writer() { out_.reserve(256); }  // a read of a few levels: grown once at most
  void number(std::int64_t n) { out_.append(reinterpret_cast<const char*>(&n), sizeof n); }
  void name(const std::string& s) {
    number(static_cast<std::int64_t>(s.size()));
    out_ += s;
  }
  void address(const void* p) { number(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(p))); }
  void optional(const std::optional<std::int64_t>& n) {
    number(n ? 1 : 0);
    if (n) number(*n);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
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

std::vector<compiled_read*> statements_of(compiled_read& read) {
  std::vector<compiled_read*> out;
  for_each_statement(read, [&](compiled_read& r) { out.push_back(&r); });
  return out;
}

// Where a cached read and a fresh render of the same call differ ("" when they do not).
std::string difference(compiled_read& cached, compiled_read& fresh) {
  const std::vector<compiled_read*> a = statements_of(cached), b = statements_of(fresh);
  if (a.size() != b.size())
    return std::to_string(a.size()) + " statements cached, " + std::to_string(b.size()) + " rendered";
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i]->sql != b[i]->sql) return "statement " + std::to_string(i) + ": cached\n" + a[i]->sql + "\nrendered\n" + b[i]->sql;
    if (a[i]->params != b[i]->params) return "statement " + std::to_string(i) + " binds other values: " + b[i]->sql;
  }
  return "";
}

}  // namespace

read_shape shape_of(const model::schema& s, const model::table& t, const find_options& o, bool unique) {
  key_writer key;
  key.address(&s);
  key.address(&t);
  key.number(unique);
  read_shape out;
  add_options(o, key, out.values);
  out.key = key.take();
  return out;
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

std::optional<compiled_read> with_values(const cached_read& c, const std::vector<option_value>& values,
                                         const sql::dialect& d) {
  compiled_read out = c.read;
  const std::vector<compiled_read*> statements = statements_of(out);
  for (const cached_read::slot& s : c.slots) {
    const option_value& v = values[s.value];
    param& p = statements[s.statement]->params[s.param];
    if (!v.list) {
      p = v.term->operand;
      p.set_origin(0);
      continue;
    }
    auto bound = d.bound_list(v.term->list, static_cast<column_kind>(s.list_kind - 1));
    if (!bound) return std::nullopt;
    p = param(std::move(bound->text));
  }
  return out;
}

compiled_read cached_or_rendered(read_cache& cache, const read_shape* shape, const find_options& o,
                                 const std::function<compiled_read(const find_options&, const warning_sink&)>& render,
                                 const warning_sink& warn, const sql::dialect& d) {
  if (!shape) {
    ++cache.counted().renders;
    return render(o, warn);
  }
  if (const cached_read* kept = cache.find(shape->key)) {
    if (std::optional<compiled_read> read = with_values(*kept, shape->values, d)) {
      ++cache.counted().hits;
      if (warn)
        for (const std::string& w : kept->warnings) warn(w);
      if (cache.verify) {
        compiled_read fresh = render(o, nullptr);
        if (const std::string diff = difference(*read, fresh); !diff.empty())
          throw std::logic_error("the read cache's statements differ from a fresh render: " + diff);
      }
      return *std::move(read);
    }
  }
  ++cache.counted().renders;
  find_options numbered = o;
  if (!number_values(numbered)) return render(o, warn);
  std::vector<std::string> warnings;
  compiled_read read = render(numbered, [&](const std::string& w) {
    warnings.push_back(w);
    if (warn) warn(w);
  });
  if (std::optional<cached_read> c = cached_form(read, shape->values, std::move(warnings)))
    cache.keep(shape->key, *std::move(c));
  return read;
}

}  // namespace orm::runtime
