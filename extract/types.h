// The records extraction produces: an article and what was found in it. These are plain
// values; store/, graph/ and timeline/ consume them, and extract/json_output.h writes them
// as the `sillok extract` JSON contract (README, "The extract JSON contract").
//
// Offsets in these structs are Unicode code points into Article::text, end exclusive,
// unless Mention::field names a metadata field (then they index that field's value).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/datetime.h"

namespace sillok {

enum class EntityType { person, government, company, organization, media, place, product };

// "person", "government", ... as used in JSON and on the command line.
std::string_view to_string(EntityType type);
// The inverse of to_string; nullopt for unknown names.
std::optional<EntityType> entity_type_from_string(std::string_view name);

// One news article after reading and normalization.
struct Article {
  std::string id;            // source id ("277_0005699798"), or the file stem for plain text
  std::string title;         // HTML entities decoded, NFC
  std::string publisher;     // "아시아경제"; may be empty
  std::string author;        // the byline as given ("박유진 기자 genie@asiae.co.kr"); may be empty
  std::string url;
  std::string category;
  std::optional<Timestamp> published_at;  // nullopt when missing or unparseable (with a warning)
  std::string text;          // normalized body: title line, blank line, paragraphs
  std::string content_hash;  // hex FNV-1a 64 of `text`, used to find duplicates
  std::string source;        // where it came from: "examples/a.md" or "feed.jsonl:12"
  std::vector<std::string> warnings;  // non-fatal problems ("published_at missing")
};

// A sentence of Article::text, [start, end) in code points.
struct Sentence {
  std::size_t start = 0;
  std::size_t end = 0;
};

// One occurrence of an entity.
struct Mention {
  std::size_t start = 0;  // code points, end exclusive
  std::size_t end = 0;
  std::string text;       // the surface, particles excluded ("네이버클라우드" of "네이버클라우드를")
  std::string rule;       // what found it: a rule id ("person.name_title") or "gazetteer:<id>"
  std::string field;      // empty for Article::text; "publisher" or "author" for metadata
  int sentence = -1;      // index into Extraction::sentences; -1 for metadata
  // What the entity does in this mention, when that differs from what its type suggests;
  // empty by default. "agent": a place acting as a state, government or team ("북한이
  // 미사일을 발사했다", "한미 정상회담") rather than being a location; the entity stays the
  // place (one entity per name and type).
  std::string role;
};

// An entity as one article knows it: canonical name, type, every mention.
struct Entity {
  std::string name;  // canonical ("과학기술정보통신부" for "과기정통부")
  EntityType type = EntityType::organization;
  std::vector<Mention> mentions;
};

// A typed relation: subject —role→ object ("배경훈" —부총리→ "과학기술정보통신부").
struct Relation {
  std::string subject;  // canonical entity names
  std::string role;
  std::string object;
  std::string rule;
  int sentence = -1;
};

enum class TimeType { date, time, duration, set };
std::string_view to_string(TimeType type);

// A normalized time expression. `value` is ISO 8601 / TIMEX3 at the precision the text gives:
// "2025-12-30", "2026-01", "2025-12-30T14:30", "2026-H1", "2025-Q4", "2025-W52", "P4M", "XXXX-12-25".
struct TimeExpression {
  std::size_t start = 0;  // code points into Article::text
  std::size_t end = 0;
  std::string text;
  std::string value;
  TimeType type = TimeType::date;
  std::string precision;  // "year" "half" "quarter" "month" "week" "day" "hour" "minute" "second"
  std::string mod;        // TIMEX3-style modifier: "", "on_or_before", "on_or_after", "approx",
                          // "start", "mid", "end"
  std::string value_end;  // for ranges ("6~8일"): the last value, inclusive; empty otherwise
  int sentence = -1;
};

enum class EventStatus { planned, occurred, reported, postponed, cancelled };
std::string_view to_string(EventStatus status);
std::optional<EventStatus> event_status_from_string(std::string_view name);

// A dated happening as one sentence of one article tells it.
struct EventMention {
  std::string label;          // the trigger's noun phrase: "독자 AI 파운데이션 모델 프로젝트 1차 발표회"
  std::string trigger;        // the trigger word as matched ("발표회")
  std::string trigger_class;  // from data/rules/events.json ("gathering", "announcement", ...)
  std::string date;           // TimeExpression::value of the anchoring date ("2025-12-30")
  std::string precision;      // that value's precision
  std::string mod;            // that value's modifier ("on_or_before" for "15일 이내")
  std::string time;           // "14:30" when the text gives a time of day, else empty
  EventStatus status = EventStatus::reported;
  std::vector<std::string> participants;  // canonical entity names, in order of appearance
  std::string place;                      // canonical place name, if one is marked (…에서)
  int sentence = -1;
  std::string sentence_text;
  std::string rule;  // trigger rule id
};

// Everything extraction found in one article.
struct Extraction {
  Article article;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;  // in order of first mention
  std::vector<Relation> relations;
  std::vector<TimeExpression> times;
  std::vector<EventMention> events;
};

}  // namespace sillok
