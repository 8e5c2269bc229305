#include "extract/json_output.h"

#include <stdexcept>

namespace sillok {
namespace {

using nlohmann::json;

json mention_json(const Mention& m) {
  json j = {{"text", m.text}, {"start", m.start}, {"end", m.end}, {"rule", m.rule}};
  if (!m.field.empty()) j["field"] = m.field;
  if (!m.role.empty()) j["role"] = m.role;  // only when set: most mentions have none
  j["sentence"] = m.sentence;
  return j;
}

void put_if(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

const json& at(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) throw std::runtime_error(std::string("missing key \"") + key + "\"");
  return j.at(key);
}

std::string str(const json& j, const char* key, bool required = false) {
  if (!j.contains(key) || j.at(key).is_null()) {
    if (required) throw std::runtime_error(std::string("missing key \"") + key + "\"");
    return {};
  }
  if (!j.at(key).is_string()) throw std::runtime_error(std::string("\"") + key + "\" is not a string");
  return j.at(key).get<std::string>();
}

}  // namespace

json to_json(const Extraction& x) {
  const Article& a = x.article;
  json out = {{"id", a.id}, {"title", a.title}, {"publisher", a.publisher}};
  out["published_at"] = a.published_at ? json(a.published_at->iso()) : json(nullptr);
  put_if(out, "author", a.author);
  put_if(out, "url", a.url);
  out["source"] = a.source;
  out["content_hash"] = a.content_hash;
  if (!a.warnings.empty()) out["warnings"] = a.warnings;
  out["text"] = a.text;
  json sentences = json::array();
  for (const Sentence& s : x.sentences) sentences.push_back({s.start, s.end});
  out["sentences"] = sentences;
  json entities = json::array();
  for (const Entity& e : x.entities) {
    json mentions = json::array();
    for (const Mention& m : e.mentions) mentions.push_back(mention_json(m));
    entities.push_back({{"name", e.name}, {"type", to_string(e.type)}, {"mentions", mentions}});
  }
  out["entities"] = entities;
  json relations = json::array();
  for (const Relation& r : x.relations) {
    relations.push_back({{"subject", r.subject}, {"role", r.role}, {"object", r.object},
                         {"rule", r.rule}, {"sentence", r.sentence}});
  }
  out["relations"] = relations;
  json times = json::array();
  for (const TimeExpression& t : x.times) {
    json j = {{"text", t.text}, {"start", t.start}, {"end", t.end}, {"value", t.value},
              {"type", to_string(t.type)}, {"precision", t.precision}};
    put_if(j, "mod", t.mod);
    put_if(j, "value_end", t.value_end);
    j["sentence"] = t.sentence;
    times.push_back(j);
  }
  out["times"] = times;
  json events = json::array();
  for (const EventMention& e : x.events) {
    json j = {{"label", e.label}, {"date", e.date}};
    put_if(j, "time", e.time);
    j["precision"] = e.precision;
    put_if(j, "mod", e.mod);
    j["status"] = to_string(e.status);
    j["participants"] = e.participants;
    put_if(j, "place", e.place);
    j["trigger"] = e.trigger;
    j["trigger_class"] = e.trigger_class;
    j["rule"] = e.rule;
    j["sentence"] = e.sentence_text;
    j["sentence_index"] = e.sentence;
    events.push_back(j);
  }
  out["events"] = events;
  return out;
}

Extraction extraction_from_json(const json& j) {
  Extraction x;
  Article& a = x.article;
  a.id = str(j, "id", true);
  a.title = str(j, "title");
  a.publisher = str(j, "publisher");
  a.author = str(j, "author");
  a.url = str(j, "url");
  a.source = str(j, "source");
  a.text = str(j, "text", true);
  a.content_hash = str(j, "content_hash");
  if (const std::string p = str(j, "published_at"); !p.empty()) {
    a.published_at = parse_timestamp(p);
    if (!a.published_at) throw std::runtime_error("\"published_at\" is not a timestamp: " + p);
  }
  if (j.contains("warnings")) a.warnings = j.at("warnings").get<std::vector<std::string>>();
  if (j.contains("sentences")) {
    for (const json& s : j.at("sentences")) x.sentences.push_back({s.at(0).get<std::size_t>(), s.at(1).get<std::size_t>()});
  }
  for (const json& e : at(j, "entities")) {
    Entity ent;
    ent.name = str(e, "name", true);
    const auto type = entity_type_from_string(str(e, "type", true));
    if (!type) throw std::runtime_error("unknown entity type \"" + str(e, "type") + "\"");
    ent.type = *type;
    for (const json& m : at(e, "mentions")) {
      Mention mention;
      mention.text = str(m, "text", true);
      mention.start = at(m, "start").get<std::size_t>();
      mention.end = at(m, "end").get<std::size_t>();
      mention.rule = str(m, "rule");
      mention.field = str(m, "field");
      mention.role = str(m, "role");
      mention.sentence = m.value("sentence", -1);
      ent.mentions.push_back(std::move(mention));
    }
    x.entities.push_back(std::move(ent));
  }
  for (const json& r : at(j, "relations")) {
    x.relations.push_back({str(r, "subject", true), str(r, "role", true), str(r, "object", true),
                           str(r, "rule"), r.value("sentence", -1)});
  }
  for (const json& t : at(j, "times")) {
    TimeExpression te;
    te.text = str(t, "text", true);
    te.start = at(t, "start").get<std::size_t>();
    te.end = at(t, "end").get<std::size_t>();
    te.value = str(t, "value", true);
    const std::string type = str(t, "type", true);
    if (type == "date") te.type = TimeType::date;
    else if (type == "time") te.type = TimeType::time;
    else if (type == "duration") te.type = TimeType::duration;
    else if (type == "set") te.type = TimeType::set;
    else throw std::runtime_error("unknown time type \"" + type + "\"");
    te.precision = str(t, "precision");
    te.mod = str(t, "mod");
    te.value_end = str(t, "value_end");
    te.sentence = t.value("sentence", -1);
    x.times.push_back(std::move(te));
  }
  for (const json& e : at(j, "events")) {
    EventMention ev;
    ev.label = str(e, "label", true);
    ev.date = str(e, "date", true);
    ev.time = str(e, "time");
    ev.precision = str(e, "precision");
    ev.mod = str(e, "mod");
    const auto status = event_status_from_string(str(e, "status", true));
    if (!status) throw std::runtime_error("unknown event status \"" + str(e, "status") + "\"");
    ev.status = *status;
    if (e.contains("participants")) ev.participants = e.at("participants").get<std::vector<std::string>>();
    ev.place = str(e, "place");
    ev.trigger = str(e, "trigger");
    ev.trigger_class = str(e, "trigger_class");
    ev.rule = str(e, "rule");
    ev.sentence_text = str(e, "sentence");
    ev.sentence = e.value("sentence_index", -1);
    x.events.push_back(std::move(ev));
  }
  return x;
}

}  // namespace sillok
