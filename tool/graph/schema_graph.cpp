#include "tool/graph/schema_graph.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include <orm/model/rules.hpp>

namespace orm::tool {

namespace {

// The findings at an element's site, by their checks.
std::vector<const checks::finding*> findings_at(const checks::findings& findings, const model::source_site& site) {
  std::vector<const checks::finding*> out;
  if (site.line == 0) return out;
  for (const checks::finding& f : findings)
    if (f.site == site) out.push_back(&f);
  return out;
}

bool any_check(const std::vector<const checks::finding*>& found, std::string_view prefix) {
  return std::any_of(found.begin(), found.end(), [&](const checks::finding* f) { return f->check.starts_with(prefix); });
}

// Text inside a DOT HTML-like label.
std::string html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// A DOT double-quoted string.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

// The findings' messages, one per line: an element's tooltip.
std::string tooltip_of(const std::vector<const checks::finding*>& found) {
  std::string out;
  for (const checks::finding* f : found) out += f->check + ": " + f->message + "\n";
  return out;
}

bool is_key_column(const model::table& t, const std::string& column) {
  for (const model::index& i : t.indexes)
    if (i.unique && i.columns.size() == 1 && i.columns.front() == column) return true;
  return false;
}

std::string relation_label(const model::relation& r) {
  std::string label = r.name + (r.kind == relation_kind::many ? " (many)" : " (one)");
  const auto& through = r.resolved_through ? r.resolved_through : r.through;
  if (through) label += " through " + through->table;
  if (!r.alias.empty()) label += " [" + r.alias + "]";
  const auto& from = r.resolved_from.empty() ? r.from : r.resolved_from;
  const auto& to = r.resolved_to.empty() ? r.to : r.resolved_to;
  if (through && !through->from.empty())
    label += "\n" + fmt::format("{} -> {}.({}), {}.({}) -> {}", fmt::join(from, ", "), through->table,
                                fmt::join(through->from, ", "), through->table, fmt::join(through->to, ", "),
                                fmt::join(to, ", "));
  else if (!from.empty())
    label += "\n" + fmt::format("{} -> {}", fmt::join(from, ", "), fmt::join(to, ", "));
  return label;
}

std::string dot(const model::schema& s, std::string_view name, const checks::findings& findings) {
  std::string out = fmt::format("digraph {} {{\n", quoted(name.empty() ? "schema" : name));
  out += "  graph [rankdir=LR, fontname=\"Helvetica\", label=" + quoted("schema " + std::string(name)) + ", labelloc=t];\n";
  out += "  node [shape=plaintext, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const model::table& t : s.tables) {
    const auto found = findings_at(findings, t.site);
    const std::string border = found.empty() ? "black" : "red";
    std::string rows = fmt::format("<tr><td bgcolor=\"lightgrey\" port=\"_table\"><b>{}</b></td></tr>", html(t.name));
    for (const model::column& c : t.columns) {
      std::string traits;
      if (c.implicit) traits = " PK";
      else if (c.references || !c.id_table.empty()) traits = " FK " + (c.references ? c.references->table : c.id_table);
      if (!c.implicit && (c.unique || is_key_column(t, c.name))) traits += " unique";
      if (c.not_null && !c.implicit) traits += " not null";
      if (!c.variants.empty()) {
        std::vector<std::string> names;
        for (const int v : c.variants) names.push_back(t.variants[static_cast<std::size_t>(v)].name);
        traits += fmt::format(" (variant {})", fmt::join(names, ", "));
      }
      const bool flagged = !findings_at(findings, c.site).empty();
      rows += fmt::format("<tr><td align=\"left\" port={}>{}{}: {}{}{}</td></tr>", quoted(c.name), flagged ? "<font color=\"red\">" : "",
                          html(c.name), model::kind_name(c.kind), html(traits), flagged ? "</font>" : "");
    }
    for (const model::discriminator& d : t.discriminators) {
      std::vector<std::string> names;
      for (const int v : d.variants) names.push_back(t.variants[static_cast<std::size_t>(v)].name);
      rows += fmt::format("<tr><td align=\"left\"><i>{} as {}: {}</i></td></tr>", html(d.column), html(d.as),
                          html(fmt::format("{}", fmt::join(names, " | "))));
    }
    for (const model::index& i : t.indexes)
      rows += fmt::format("<tr><td align=\"left\"><i>{}{} ({})</i></td></tr>", i.unique ? "unique index " : "index ",
                          html(i.name), html(fmt::format("{}", fmt::join(i.columns, ", "))));
    for (const checks::finding* f : found)
      rows += fmt::format("<tr><td align=\"left\"><font color=\"red\">[{}]</font></td></tr>", html(f->check));
    const std::string tooltip = tooltip_of(found);
    out += fmt::format("  {} [label=<<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" color=\"{}\">{}</table>>{}];\n",
                       quoted(t.name), border, rows, tooltip.empty() ? "" : ", tooltip=" + quoted(tooltip));
  }
  for (const model::relation& r : s.relations) {
    if (!s.find_table(r.source) || !s.find_table(r.target)) continue;  // a name the schema lacks: in the findings
    const auto found = findings_at(findings, r.site);
    std::string label = relation_label(r);
    for (const checks::finding* f : found) label += "\n[" + f->check + "]";  // visible, not only as a tooltip
    std::vector<std::string> attributes{"label=" + quoted(label),
                                        r.kind == relation_kind::many ? "arrowhead=crow" : "arrowhead=tee"};
    if (any_check(found, "orm-ambiguous") || any_check(found, "orm-missing-inverse")) attributes.push_back("style=dashed");
    if (!found.empty()) {
      const bool error = std::any_of(found.begin(), found.end(), [](const checks::finding* f) { return f->level == checks::severity::error; });
      attributes.push_back(error ? "color=red, fontcolor=red, penwidth=2" : "color=orange, fontcolor=darkorange");
      attributes.push_back("tooltip=" + quoted(tooltip_of(found)));
    }
    out += fmt::format("  {}:_table -> {}:_table [{}];\n", quoted(r.source), quoted(r.target), fmt::join(attributes, ", "));
  }
  return out + "}\n";
}

// A Mermaid identifier: letters, digits and underscores.
std::string mermaid_name(std::string_view text) {
  std::string out;
  for (const char c : text) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out.empty() || std::isdigit(static_cast<unsigned char>(out.front())) ? "t_" + out : out;
}

std::string mermaid(const model::schema& s, std::string_view name, const checks::findings& findings) {
  std::string out = fmt::format("---\ntitle: schema {}\n---\nerDiagram\n", name);
  for (const model::table& t : s.tables) {
    out += "  " + mermaid_name(t.name) + " {\n";
    for (const model::column& c : t.columns) {
      std::string keys = c.implicit ? " PK" : (c.references || !c.id_table.empty()) ? " FK" : "";
      if (!c.implicit && (c.unique || is_key_column(t, c.name))) keys += keys.empty() ? " UK" : ", UK";
      out += fmt::format("    {} {}{}\n", model::kind_name(c.kind), mermaid_name(c.name), keys);
    }
    out += "  }\n";
  }
  for (const model::relation& r : s.relations) {
    if (!s.find_table(r.source) || !s.find_table(r.target)) continue;
    const auto found = findings_at(findings, r.site);
    std::string label = r.name;
    const auto& through = r.resolved_through ? r.resolved_through : r.through;
    if (through) label += " through " + through->table;
    for (const checks::finding* f : found) label += " [" + f->check + "]";
    // many(): one source row to zero or more targets; one(): zero or one target.
    out += fmt::format("  {} {} {} : \"{}\"\n", mermaid_name(r.source), r.kind == relation_kind::many ? "||--o{" : "}o--o|",
                       mermaid_name(r.target), label);
  }
  return out;
}

}  // namespace

std::string schema_graph(const model::schema& schema, std::string_view name, const checks::findings& findings,
                         graph_format format) {
  return format == graph_format::dot ? dot(schema, name, findings) : mermaid(schema, name, findings);
}

}  // namespace orm::tool
