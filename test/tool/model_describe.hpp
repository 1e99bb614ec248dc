#pragma once
// Every field of a schema model as text, so that two models compare field by field and
// a difference shows where it is.
#include <sstream>
#include <string>

#include <orm/model/schema_model.hpp>

namespace orm::testing {

inline std::string describe(const model::source_site& s) {
  return s.file + ":" + std::to_string(s.line) + ":" + std::to_string(s.column);
}
inline std::string describe(const std::vector<std::string>& names) {
  std::string out = "(";
  for (const auto& n : names) out += n + ",";
  return out + ")";
}
inline std::string describe(const model::literal& l) {
  std::ostringstream o;
  o << int(l.kind) << "/" << l.integer << "/" << l.real << "/" << l.text;
  return o.str();
}
inline std::string describe(const model::condition& c) {
  std::string out;
  for (const auto& t : c) out += std::to_string(int(t.op)) + ":" + t.column + ":" + describe(t.operand) + ":" + std::to_string(t.arity) + ";";
  return out;
}

inline std::string describe(const model::schema& s) {
  std::ostringstream o;
  o << "schema " << describe(s.site) << " strict=" << s.settings.strict << " limit=" << s.settings.default_limit
    << " fanout=" << s.settings.relation_fan_out_max_keys << "\n";
  for (const auto& t : s.tables) {
    o << "table " << t.name << " " << describe(t.site) << (t.small ? " small" : "") << "\n";
    for (const auto& c : t.columns) {
      o << "  column " << c.name << " kind=" << int(c.kind) << " id=" << c.id_table << " nn=" << c.not_null
        << " u=" << c.unique << " def=" << describe(c.default_value) << " implicit=" << c.implicit << " variants=";
      for (int v : c.variants) o << v << ",";
      if (c.references)
        o << " ref=" << c.references->table << "." << c.references->column << "/" << int(c.references->options.on_delete)
          << int(c.references->options.on_update);
      o << " " << describe(c.site) << "\n";
    }
    for (const auto& i : t.indexes) o << "  index " << i.name << " u=" << i.unique << describe(i.columns) << describe(i.site) << "\n";
    for (const auto& k : t.checks) o << "  check " << k.name << " " << describe(k.predicate) << describe(k.site) << "\n";
    for (const auto& f : t.foreign_keys)
      o << "  fk " << f.name << describe(f.columns) << f.target_table << describe(f.target_columns) << int(f.options.on_delete)
        << int(f.options.on_update) << describe(f.site) << "\n";
    for (const auto& v : t.variants) {
      o << "  variant " << v.name << " d=" << v.discriminator << " " << describe(v.site) << "\n";
      for (const auto& f : v.fields)
        o << "    field " << f.name << " " << int(f.kind) << f.id_table << f.required << f.unique << describe(f.site) << "\n";
    }
    for (const auto& d : t.discriminators) {
      o << "  discriminator " << d.column << " as=" << d.as << " variants=";
      for (int v : d.variants) o << v << ",";
      o << describe(d.site) << "\n";
    }
  }
  for (const auto& r : s.relations) {
    o << "relation " << int(r.kind) << " " << r.source << "." << r.name << "->" << r.target << describe(r.from)
      << describe(r.to) << " alias=" << r.alias << " opt=" << r.optional << " where=" << describe(r.where)
      << " part=" << r.part << " " << describe(r.site);
    if (r.through) o << " through=" << r.through->table << describe(r.through->from) << describe(r.through->to);
    o << " status=" << int(r.status) << describe(r.resolved_from) << describe(r.resolved_to) << " inverse=" << r.inverse
      << "\n";
  }
  return o.str();
}

}  // namespace orm::testing
