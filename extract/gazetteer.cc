#include "extract/gazetteer.h"

#include <algorithm>

#include "extract/data_file.h"
#include "extract/normalize.h"

namespace sillok {
namespace {

std::optional<CivilDate> parse_date_field(const DataObject& obj, const char* key) {
  const std::string s = obj.string(key, false);
  if (s.empty()) return std::nullopt;
  const auto ts = parse_timestamp(s);
  if (!ts || s.size() != 10) obj.fail(key, "expected a date YYYY-MM-DD, got '" + s + "'");
  return ts->date;
}

bool valid_at(const GazetteerEntry& e, const CivilDate& d) {
  if (e.valid_from && d < *e.valid_from) return false;
  if (e.valid_to && *e.valid_to < d) return false;
  return true;
}

// Days between `d` and the entry's validity range (0 inside it): how far the name is in time.
long days_outside(const GazetteerEntry& e, const CivilDate& d) {
  if (e.valid_from && d < *e.valid_from) return e.valid_from->to_days() - d.to_days();
  if (e.valid_to && *e.valid_to < d) return d.to_days() - e.valid_to->to_days();
  return 0;
}

}  // namespace

void Gazetteer::load_file(const std::string& path, int priority) {
  if (built_) throw std::logic_error("Gazetteer::load_file after build");
  const nlohmann::json doc = load_json_file(path);
  const DataObject root = open_table(doc, path, "sillok-gazetteer");
  const std::string file_id = root.string("id");
  if (std::find(file_ids_.begin(), file_ids_.end(), file_id) != file_ids_.end()) {
    root.fail("id", "a gazetteer with id '" + file_id + "' is already loaded");
  }
  file_ids_.push_back(file_id);
  const std::vector<DataObject> items = root.objects("entries");
  // (index in `items`, local successor id), checked once the whole file is known.
  std::vector<std::pair<std::size_t, std::string>> successors;
  const std::size_t first_entry = entries_.size();
  for (std::size_t k = 0; k < items.size(); ++k) {
    const DataObject& item = items[k];
    GazetteerEntry e;
    const std::string local_id = item.string("id");
    e.id = file_id + "#" + local_id;
    e.name = normalize_text(item.string("name"));
    if (e.name.empty()) item.fail("name", "empty");
    const std::string type = item.string("type");
    const auto t = entity_type_from_string(type);
    if (!t) item.fail("type", "unknown entity type '" + type + "'");
    e.type = *t;
    for (const std::string& a : item.strings("aliases")) {
      std::string alias = normalize_text(a);
      if (alias.empty()) item.fail("aliases", "empty alias");
      if (alias != e.name) e.aliases.push_back(std::move(alias));
    }
    e.parent = item.string("parent", false);
    e.valid_from = parse_date_field(item, "valid_from");
    e.valid_to = parse_date_field(item, "valid_to");
    const std::string ctx = item.string("context", false);
    if (!ctx.empty() && ctx != "strict") item.fail("context", "expected \"strict\" or nothing");
    e.strict = ctx == "strict";
    e.priority = priority;
    const std::string succ = item.string("successor", false);
    if (entry_ids_.contains(e.id)) item.fail("id", "duplicate id '" + local_id + "'");
    if (!succ.empty()) successors.emplace_back(k, succ);
    add(std::move(e));
  }
  for (const auto& [k, local] : successors) {
    const std::string full = file_id + "#" + local;
    // "<file>: /entries/N/successor: ..." like every other DataError.
    if (!entry_ids_.contains(full)) {
      items[k].fail("successor", "'" + local + "' (successor of '" +
                                     entries_[first_entry + k].id +
                                     "') is not an entry of this file");
    }
    entries_[first_entry + k].successor = full;
  }
}

std::uint32_t Gazetteer::intern_surface(const std::string& s) {
  const std::uint32_t id = surfaces_.insert(s);
  if (id == surface_entries_.size()) surface_entries_.emplace_back();
  return id;
}

void Gazetteer::add(GazetteerEntry entry) {
  if (built_) throw std::logic_error("Gazetteer::add after build");
  if (entry_ids_.contains(entry.id)) {
    throw DataError("gazetteer: duplicate entry id '" + entry.id + "'");
  }
  const std::uint32_t index = entry_ids_.insert(entry.id);
  auto attach = [&](const std::string& s) {
    auto& list = surface_entries_[intern_surface(s)];
    if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
  };
  attach(entry.name);
  for (const std::string& a : entry.aliases) attach(a);
  entries_.push_back(std::move(entry));
}

void Gazetteer::build() {
  if (built_) return;
  built_ = true;
  for (auto& list : surface_entries_) {
    std::stable_sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
      return entries_[a].priority < entries_[b].priority;
    });
  }
  for (std::uint32_t id = 0; id < surfaces_.size(); ++id) matcher_.add(surfaces_.key(id));
  matcher_.build();
}

const GazetteerEntry* Gazetteer::find_id(const std::string& id) const {
  const std::uint32_t index = entry_ids_.find(id);
  return index == StringIndex::npos ? nullptr : &entries_[index];
}

std::optional<std::uint32_t> Gazetteer::surface_id(std::string_view s) const {
  const std::uint32_t id = surfaces_.find(s);
  if (id == StringIndex::npos) return std::nullopt;
  return id;
}

const GazetteerEntry* Gazetteer::resolve(std::uint32_t surface,
                                         const std::optional<CivilDate>& date) const {
  const auto& list = surface_entries_[surface];
  if (list.empty()) return nullptr;
  if (!date) {
    // No date: prefer current names (no valid_to), then priority order.
    for (const std::uint32_t i : list) {
      if (!entries_[i].valid_to) return &entries_[i];
    }
    return &entries_[list.front()];
  }
  for (const std::uint32_t i : list) {
    if (valid_at(entries_[i], *date)) return &entries_[i];
  }
  // A former name used after it ended: follow the successor chain to the name in force.
  for (const std::uint32_t i : list) {
    const GazetteerEntry* e = &entries_[i];
    for (int hops = 0; hops < 16 && e != nullptr; ++hops) {
      if (valid_at(*e, *date)) return e;
      if (e->valid_to && *e->valid_to < *date && !e->successor.empty()) {
        e = find_id(e->successor);
      } else {
        break;
      }
    }
  }
  // Used outside every range (before the first name existed, or in a gap): the entry whose
  // range is nearest in time is the best guess; for a date before every range that is the
  // one starting soonest after it. Ties keep priority order.
  const GazetteerEntry* best = nullptr;
  long best_days = 0;
  for (const std::uint32_t i : list) {
    const long days = days_outside(entries_[i], *date);
    if (best == nullptr || days < best_days) {
      best = &entries_[i];
      best_days = days;
    }
  }
  return best;
}

}  // namespace sillok
