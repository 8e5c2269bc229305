#include "extract/events.h"

#include <algorithm>

#include "extract/data_file.h"
#include "extract/strings.h"
#include "extract/tokens.h"
#include "extract/utf8.h"

namespace sillok {
namespace {

template <class T>
void sort_by_form_length(std::vector<T>& v) {
  std::stable_sort(v.begin(), v.end(),
                   [](const T& a, const T& b) { return a.form.size() > b.form.size(); });
}

// True when `date` (an ISO value at any precision) starts after the day `anchor` (YYYY-MM-DD):
// "2026-01" is after "2025-12-29"; "2025-12" is not.
bool after_day(const std::string& date, const std::string& anchor) {
  const std::size_t n = std::min(date.size(), anchor.size());
  return date.substr(0, n) > anchor.substr(0, n);
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool contains_index(const std::vector<std::size_t>& list, std::size_t i) {
  return std::find(list.begin(), list.end(), i) != list.end();
}

bool any_ends(const std::vector<std::string>& endings, std::string_view word) {
  return std::any_of(endings.begin(), endings.end(),
                     [&](const std::string& e) { return ends_with(word, e); });
}

}  // namespace

EventRules EventRules::load(const std::string& path) {
  const nlohmann::json doc = load_json_file(path);
  const DataObject root = open_table(doc, path, "sillok-rules/events");
  EventRules r;
  r.max_tokens_after_time_ = static_cast<std::size_t>(root.integer("max_tokens_after_time", 10));
  r.max_tokens_after_time_headline_ =
      static_cast<std::size_t>(root.integer("max_tokens_after_time_headline", 3));
  r.max_compound_prefix_ = static_cast<std::size_t>(root.integer("max_compound_prefix", 2));
  r.negation_window_ = static_cast<std::size_t>(root.integer("negation_window", 3));
  for (const DataObject& group : root.objects("triggers")) {
    const std::string cls = group.string("class");
    for (const std::string& n : group.strings("nouns")) r.nouns_.push_back({n, cls});
    for (const std::string& v : group.strings("verbs")) r.verbs_.push_back({v, cls});
  }
  sort_by_form_length(r.nouns_);
  sort_by_form_length(r.verbs_);
  r.verb_prefixes_ = root.strings("verb_prefixes");
  r.verb_endings_ = root.strings("verb_endings");
  for (const DataObject& m : root.objects("status_markers")) {
    const std::string name = m.string("status");
    const auto status = event_status_from_string(name);
    if (!status) m.fail("status", "unknown status '" + name + "'");
    const std::string scope = m.string("scope", false);
    if (!scope.empty() && scope != "clause" && scope != "sentence") {
      m.fail("scope", "expected \"clause\" or \"sentence\", not '" + scope + "'");
    }
    for (const std::string& f : m.strings("forms")) {
      r.markers_.push_back({f, *status, scope == "clause"});
    }
  }
  r.marker_noun_particles_ = root.strings("marker_noun_particles");
  r.past_endings_ = root.strings("past_endings");
  r.present_endings_ = root.strings("present_endings");
  r.label_stop_endings_ = root.strings("label_stop_endings");
  r.label_stop_words_ = root.strings("label_stop_words");
  r.non_event_particles_ = root.strings("non_event_particles");
  r.non_event_heads_ = root.strings("non_event_heads");
  r.argument_particles_ = root.strings("argument_particles");
  r.subject_particles_ = root.strings("subject_particles");
  r.adnominal_past_ = root.strings("adnominal_past_endings");
  r.adnominal_future_ = root.strings("adnominal_future_endings");
  r.connective_endings_ = root.strings("connective_endings");
  r.negation_starts_ = root.strings("negation_starts");
  r.time_conjunctions_ = root.strings("time_conjunctions");
  r.label_joining_classes_ = root.strings("label_joining_classes");
  r.planning_classes_ = root.strings("planning_verb_classes");
  r.bound_nouns_ = root.strings("bound_nouns");
  for (const std::string& syllable : root.strings("final_predicate_syllables")) {
    if (utf8::length(syllable) != 1) {
      root.fail("final_predicate_syllables", "'" + syllable + "' is not one syllable");
    }
    r.final_predicate_syllables_.push_back(utf8::to_u32(syllable).front());
  }
  return r;
}

const TriggerForm* EventRules::noun_trigger(std::string_view word) const {
  for (const TriggerForm& t : nouns_) {
    if (ends_with(word, t.form) &&
        utf8::length(word.substr(0, word.size() - t.form.size())) <= max_compound_prefix_) {
      return &t;
    }
  }
  return nullptr;
}

VerbMatch EventRules::verb_match(std::string_view word) const {
  std::vector<std::string_view> prefixes{std::string_view()};
  for (const std::string& p : verb_prefixes_) {
    if (starts_with(word, p)) prefixes.emplace_back(p);
  }
  for (const std::string_view prefix : prefixes) {
    const std::string_view rest_of_word = word.substr(prefix.size());
    for (const TriggerForm& t : verbs_) {
      if (!starts_with(rest_of_word, t.form)) continue;
      const std::string_view rest = rest_of_word.substr(t.form.size());
      if (!rest.empty() && contains(verb_endings_, rest)) return {&t, prefix, rest};
    }
  }
  return {};
}

bool EventRules::predicate_like(std::string_view word) const {
  return any_ends(label_stop_endings_, word);
}

bool EventRules::label_stop_word(std::string_view word) const {
  return contains(label_stop_words_, word);
}

bool EventRules::has_final_predicate(std::string_view sentence) const {
  std::size_t pos = sentence.size();
  while (pos > 0) {
    std::size_t at = pos;
    const char32_t c = utf8::decode_before(sentence, at);
    if (utf8::is_hangul_syllable(c)) {
      return std::find(final_predicate_syllables_.begin(), final_predicate_syllables_.end(), c) !=
             final_predicate_syllables_.end();
    }
    if (utf8::is_word_char(c)) return false;
    pos = at;
  }
  return false;
}

std::optional<EventStatus> EventRules::word_status(std::string_view word, bool& present,
                                                   bool own_clause) const {
  present = false;
  for (const Marker& m : markers_) {
    const std::size_t at = word.find(m.form);
    if (at == std::string_view::npos || (m.clause_only && !own_clause)) continue;
    // "대처 계획을 점검했다": the marker is a noun the predicate acts on, not the predicate.
    if (contains(marker_noun_particles_, word.substr(at + m.form.size()))) continue;
    return m.status;
  }
  if (any_ends(past_endings_, word)) return EventStatus::occurred;
  if (any_ends(present_endings_, word)) {
    present = true;
    return EventStatus::reported;
  }
  return std::nullopt;
}

bool EventRules::non_event_particle(std::string_view particles) const {
  return contains(non_event_particles_, particles);
}

bool EventRules::non_event_head(std::string_view noun) const {
  return contains(non_event_heads_, noun);
}

bool EventRules::argument_particle(std::string_view particles) const {
  return contains(argument_particles_, particles);
}

bool EventRules::subject_particle(std::string_view particles) const {
  return contains(subject_particles_, particles);
}

bool EventRules::adnominal_ending(std::string_view ending, bool& past) const {
  past = contains(adnominal_past_, ending);
  return past || contains(adnominal_future_, ending);
}

bool EventRules::connective_ending(std::string_view ending) const {
  return any_ends(connective_endings_, ending);
}

bool EventRules::negation(std::string_view word) const {
  return std::any_of(negation_starts_.begin(), negation_starts_.end(),
                     [&](const std::string& n) { return starts_with(word, n); });
}

bool EventRules::time_conjunction(std::string_view between) const {
  // Spaces around the conjunction do not matter: "27일과 28일", "27일, 28일".
  const std::size_t b = between.find_first_not_of(' ');
  if (b == std::string_view::npos) return false;
  const std::size_t e = between.find_last_not_of(' ');
  return contains(time_conjunctions_, between.substr(b, e - b + 1));
}

bool EventRules::joins_label(const std::string& trigger_class) const {
  return contains(label_joining_classes_, trigger_class);
}

bool EventRules::plans(const std::string& trigger_class) const {
  return contains(planning_classes_, trigger_class);
}

bool EventRules::bound_noun(const RuleSet& words, std::string_view word) const {
  for (const std::string& b : bound_nouns_) {
    if (!starts_with(word, b)) continue;
    const std::string_view rest = word.substr(b.size());
    if (words.is_particle_chain(rest) || starts_with(rest, "이라") || starts_with(rest, "이란") ||
        starts_with(rest, "이다")) {
      return true;
    }
  }
  return false;
}

namespace {

struct SentenceView {
  std::string_view text;  // the whole article text
  std::vector<Token> tokens;
  std::vector<bool> in_time;  // per token: overlaps a time expression of the sentence
  const RuleSet* words = nullptr;
  std::vector<std::string_view> entity_surfaces;  // mentions of the sentence ("충청남도")

  std::size_t size() const { return tokens.size(); }
  std::string_view word(std::size_t i) const {
    return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  std::string_view gap(std::size_t i) const {
    return text.substr(tokens[i].gap_begin, tokens[i].begin - tokens[i].gap_begin);
  }
};

// The ways a word splits into a noun and a particle chain, longest noun first ("발표회에서는"
// -> "발표회에서", "발표회"). The noun keeps at least two syllables: "회의" is not "회" + "의".
std::vector<std::string_view> noun_readings(const RuleSet& words, std::string_view w) {
  std::vector<std::string_view> out{w};
  std::size_t pos = w.size();
  while (pos > 0) {
    utf8::decode_before(w, pos);
    if (pos > 0 && utf8::length(w.substr(0, pos)) >= 2 && words.is_particle_chain(w.substr(pos))) {
      out.push_back(w.substr(0, pos));
    }
  }
  return out;
}

// The noun of a word once particles are stripped: the longest reading that is an everyday
// word ("보고서는" -> 보고서, not 보고 + 서는), else the shortest reading.
std::string_view strip_particles(const RuleSet& words, std::string_view w) {
  const std::vector<std::string_view> readings = noun_readings(words, w);
  for (const std::string_view r : readings) {
    if (words.is_common_word(r)) return r;
  }
  return readings.back();
}

// strip_particles, but a word that begins with an entity mention of the sentence keeps the
// mention whole: "충청남도가" -> 충청남도, not 충청남 + 도가.
std::string_view strip_word(const SentenceView& s, std::size_t i) {
  const std::string_view w = s.word(i);
  for (const std::string_view m : s.entity_surfaces) {
    if (starts_with(w, m) && s.words->is_particle_chain(w.substr(m.size()))) {
      return w.substr(0, m.size());
    }
  }
  return strip_particles(*s.words, w);
}

// A gap a noun phrase may run across: spaces and quotes.
bool label_gap(std::string_view g) {
  std::size_t pos = 0;
  while (pos < g.size()) {
    const char32_t c = utf8::decode(g, pos);
    if (c != ' ' && c != '\'' && c != '"' && c != U'\u2018' && c != U'\u2019' && c != U'\u201C' &&
        c != U'\u201D') {
      return false;
    }
  }
  return true;
}

// A word made only of particles, split from its noun by a closing quote ("‘…개정안’이").
bool detached_particles(const SentenceView& s, const RuleSet& words, std::size_t i) {
  return i > 0 && !gap_is_space(s.gap(i)) && label_gap(s.gap(i)) &&
         words.is_particle_chain(s.word(i)) && !s.word(i).empty();
}

// Whether word i can be part of a label at all.
bool label_word(const SentenceView& s, const EventRules& rules, std::size_t i) {
  return !s.in_time[i] && !rules.predicate_like(s.word(i)) && !rules.label_stop_word(s.word(i)) &&
         !rules.verb_match(s.word(i)) && !rules.bound_noun(*s.words, s.word(i));
}

// The bare nouns running left from word `last` (inclusive) down to `floor`, joined by
// spaces; the word at `last` contributes `last_word`. A word with a particle other than the
// genitive 의, a verb form, a time word or a stop word ends the run.
std::string noun_phrase(const SentenceView& s, const EventRules& rules,
                        std::size_t floor, std::size_t last, std::string_view last_word,
                        std::size_t max_words) {
  std::vector<std::string_view> parts{last_word};
  std::size_t i = last;
  while (i > floor && parts.size() < max_words && label_gap(s.gap(i))) {
    --i;
    if (!label_word(s, rules, i)) break;
    const std::string_view w = strip_word(s, i);
    if (w.size() != s.word(i).size() && !ends_with(s.word(i), "의")) break;
    parts.push_back(w);
  }
  std::reverse(parts.begin(), parts.end());
  std::string label;
  for (const std::string_view p : parts) {
    if (!label.empty()) label += ' ';
    label += p;
  }
  return label;
}

// A trigger found after a time expression: word `index`, as a noun or as a verb.
struct Trigger {
  std::size_t index = 0;
  const TriggerForm* form = nullptr;
  std::string_view noun;  // the trigger noun with particles stripped (noun triggers)
  VerbMatch verb;         // verb triggers
  bool verbal() const { return static_cast<bool>(verb); }
};

// The noun trigger of word k, unless the word only names a cause or a starting point
// ("시작으로") or modifies the noun after it ("발사 여부를").
std::optional<Trigger> noun_trigger_at(const SentenceView& s, const EventRules& rules,
                                       const RuleSet& words, std::size_t k) {
  const std::string_view w = s.word(k);
  // The reading with the longest trigger, the shorter reading on a tie: "간담회의" is 간담회 +
  // 의, not a kind of 회의.
  const TriggerForm* form = nullptr;
  std::string_view reading;
  for (const std::string_view r : noun_readings(words, w)) {
    const TriggerForm* f = rules.noun_trigger(r);
    if (f != nullptr && (form == nullptr || f->form.size() >= form->form.size())) {
      form = f;
      reading = r;
    }
  }
  if (form != nullptr) {
    if (rules.non_event_particle(w.substr(reading.size()))) return std::nullopt;
    if (reading.size() == w.size() && k + 1 < s.size() && gap_is_space(s.gap(k + 1)) &&
        rules.non_event_head(strip_word(s, k + 1))) {
      return std::nullopt;
    }
    Trigger t;
    t.index = k;
    t.form = form;
    t.noun = reading;
    return t;
  }
  return std::nullopt;
}

// The first trigger in words [from, end).
std::optional<Trigger> find_trigger(const SentenceView& s, const EventRules& rules,
                                    const RuleSet& words, std::size_t from, std::size_t end) {
  for (std::size_t k = from; k < end; ++k) {
    if (s.in_time[k]) continue;
    if (auto t = noun_trigger_at(s, rules, words, k)) return t;
    if (const VerbMatch v = rules.verb_match(s.word(k))) {
      // "열린 브리핑에서": an adnominal verb before a trigger noun describes that noun.
      bool past = false;
      if (rules.adnominal_ending(v.ending, past) && k + 1 < end &&
          noun_trigger_at(s, rules, words, k + 1)) {
        continue;
      }
      Trigger t;
      t.index = k;
      t.form = v.trigger;
      t.verb = v;
      return t;
    }
  }
  return std::nullopt;
}

std::string verb_stem(const Trigger& t) {
  return std::string(t.verb.prefix) + t.verb.trigger->form;
}

// The topic or subject phrase right before a time expression ("새 지침은 내년 1월 …",
// "‘…개정안’이 15일 …"): its noun phrase, and whether its particle marks the subject.
struct LeadPhrase {
  std::string noun_phrase;
  bool subject = false;
};

LeadPhrase lead_phrase(const SentenceView& s, const EventRules& rules, const RuleSet& words,
                       std::size_t before) {
  if (before == 0) return {};
  std::size_t head = before - 1;
  const bool detached = detached_particles(s, words, head);
  if (detached) --head;  // "‘…개정안’이 15일 통과": the noun before the quote
  if (!label_word(s, rules, head) || (!detached && !label_gap(s.gap(before)))) return {};
  const std::string_view noun = strip_word(s, head);
  const std::string_view particle =
      detached ? s.word(before - 1) : s.word(head).substr(noun.size());
  return {noun_phrase(s, rules, 0, head, noun, 8), rules.subject_particle(particle)};
}

// A verbal trigger's label: what it is about, then the verb's noun ("해일 발생").
//   1. an adnominal verb names the noun after it: "발생한 지진으로" -> "지진 발생";
//   2. a subject right before the time: "‘…개정안’이 15일 국회를 통과" -> "… 개정안 통과";
//   3. else the nearest subject or object between the time and the verb: "11일 원전
//      1호기가 수소 발생으로 폭발한" -> "원전 1호기 폭발", "카카오는 3일 새 서비스를
//      출시" -> "새 서비스 출시";
//   4. else the topic before the time: "새 지침은 내년 1월 … 공개될" -> "새 지침 공개".
std::string verb_label(const SentenceView& s, const EventRules& rules, const RuleSet& words,
                       std::size_t first, std::size_t before, const Trigger& t) {
  const std::string stem = verb_stem(t);
  const std::size_t k = t.index;
  bool past = false;
  bool present = false;
  // "공개될 예정이다", "예정으로": a status marker is not what the verb modifies.
  if (rules.adnominal_ending(t.verb.ending, past) && k + 1 < s.size() &&
      gap_is_space(s.gap(k + 1)) && label_word(s, rules, k + 1) &&
      !rules.word_status(strip_word(s, k + 1), present)) {
    return std::string(strip_word(s, k + 1)) + " " + stem;
  }
  const LeadPhrase lead = lead_phrase(s, rules, words, before);
  if (lead.subject) return lead.noun_phrase + " " + stem;
  for (std::size_t j = k; j > first;) {
    --j;
    if (!label_word(s, rules, j)) break;
    const std::string_view noun = strip_word(s, j);
    if (rules.argument_particle(s.word(j).substr(noun.size()))) {
      return noun_phrase(s, rules, first, j, noun, 8) + " " + stem;
    }
  }
  return lead.noun_phrase.empty() ? stem : lead.noun_phrase + " " + stem;
}

// A noun trigger's label: its noun phrase after the time, and a following verb of a joining
// class ("운행을 재개했다" -> "운행 재개").
std::string noun_label(const SentenceView& s, const EventRules& rules,
                       std::size_t first, const Trigger& t) {
  std::string label = noun_phrase(s, rules, first, t.index, t.noun, 10);
  if (t.index + 1 < s.size() && gap_is_space(s.gap(t.index + 1))) {
    const VerbMatch v = rules.verb_match(s.word(t.index + 1));
    if (v && rules.joins_label(v.trigger->trigger_class)) {
      label += " " + std::string(v.prefix) + v.trigger->form;
    }
  }
  return label;
}

// The trigger's own predicate: the verbal trigger itself, or the word after a noun trigger.
std::size_t own_predicate(const Trigger& t) { return t.verbal() ? t.index : t.index + 1; }

// Whether the trigger's predicate is negated ("발사 실험을 하지 않았다"): no event then.
bool negated(const SentenceView& s, const EventRules& rules, const Trigger& t, std::size_t end) {
  for (std::size_t j = own_predicate(t); j < end && j <= own_predicate(t) + rules.negation_window();
       ++j) {
    if (rules.negation(s.word(j))) return true;
  }
  return false;
}

// The status words [from, end) give: the first marker or tense ending. `present` is set when
// it is a present tense (to be decided by the date).
std::optional<EventStatus> scanned_status(const SentenceView& s, const EventRules& rules,
                                          const Trigger& t, std::size_t end, bool& present) {
  const std::size_t p = own_predicate(t);
  bool connective = false;
  if (p < end) {
    const VerbMatch v = rules.verb_match(s.word(p));
    // "22일부터 운행중단을 결의했다": the decision happened; the stoppage is to come.
    if (!t.verbal() && v && rules.plans(v.trigger->trigger_class)) return EventStatus::planned;
    connective = rules.connective_ending(v ? v.ending : s.word(p));
  }
  for (std::size_t j = t.verbal() ? t.index : t.index + 1; j < end; ++j) {
    if (auto st = rules.word_status(s.word(j), present, !connective || j <= p)) return st;
    // "발생할 것으로 내다봤다", "발생한 지진으로 … 것이다": an adnominal predicate carries
    // its own tense, whatever the tense of the verb that reports it.
    bool past = false;
    const VerbMatch v = j == p ? rules.verb_match(s.word(j)) : VerbMatch{};
    if (v && rules.adnominal_ending(v.ending, past)) {
      return past ? EventStatus::occurred : EventStatus::planned;
    }
  }
  present = false;
  return std::nullopt;
}

// A verbal trigger in adnominal form right before a noun trigger tells its tense: "열린
// 브리핑" happened, "열릴 브리핑" is to come.
std::optional<EventStatus> adnominal_status(const SentenceView& s, const EventRules& rules,
                                            const Trigger& t, std::size_t first) {
  if (t.verbal() || t.index <= first) return std::nullopt;
  const VerbMatch v = rules.verb_match(s.word(t.index - 1));
  bool past = false;
  if (!v || !rules.adnominal_ending(v.ending, past)) return std::nullopt;
  return past ? EventStatus::occurred : EventStatus::planned;
}

// Per sentence, each entity's first mention in the text, in the order of out.entities;
// built once per article, so that many sentences do not rescan every entity per event.
using SentenceEntities = std::vector<std::vector<std::pair<const Entity*, const Mention*>>>;

SentenceEntities entities_by_sentence(const Extraction& out, std::size_t sentences) {
  SentenceEntities by(sentences);
  for (const Entity& ent : out.entities) {
    for (const Mention& m : ent.mentions) {
      const auto si = static_cast<std::size_t>(m.sentence);
      if (!m.field.empty() || m.sentence < 0 || si >= sentences) continue;
      auto& list = by[si];
      if (list.empty() || list.back().first != &ent) list.emplace_back(&ent, &m);
    }
  }
  return by;
}

// Per sentence, its time expressions: one pass over out.times, not one per sentence.
std::vector<std::vector<const TimeExpression*>> times_by_sentence(const Extraction& out,
                                                                  std::size_t sentences) {
  std::vector<std::vector<const TimeExpression*>> by(sentences);
  for (const TimeExpression& t : out.times) {
    if (t.sentence >= 0 && static_cast<std::size_t>(t.sentence) < sentences) {
      by[static_cast<std::size_t>(t.sentence)].push_back(&t);
    }
  }
  return by;
}

// Participants and place: the entities of one sentence (an entities_by_sentence row).
void add_entities(const Extraction& out, const utf8::CodePointIndex& cpi,
                  const std::vector<std::pair<const Entity*, const Mention*>>& in_sentence,
                  EventMention& e) {
  const std::string& text = out.article.text;
  for (const auto& [ent, m] : in_sentence) {
    if (ent->type == EntityType::place) {
      // Only a place marked as where it happens ("코엑스 오디토리움에서") is the event's
      // place; a region merely mentioned ("대한민국을 … 강국으로") is not.
      const std::size_t after = cpi.to_byte(m->end);
      if (text.compare(after, 6, "에서") == 0 || text.compare(after, 3, "서") == 0) {
        e.place = ent->name;
      }
    } else if (ent->type != EntityType::media && ent->type != EntityType::product &&
               std::find(e.participants.begin(), e.participants.end(), ent->name) ==
                   e.participants.end()) {
      e.participants.push_back(ent->name);
    }
  }
}

// The dated, anchor-resolved times of one sentence (a times_by_sentence row) that can date
// an event.
std::vector<const TimeExpression*> event_times(
    const std::vector<const TimeExpression*>& in_sentence) {
  std::vector<const TimeExpression*> times;
  for (const TimeExpression* tp : in_sentence) {
    const TimeExpression& t = *tp;
    if ((t.type == TimeType::date || t.type == TimeType::time) && !t.value.empty() &&
        t.value.find('X') == std::string::npos) {
      times.push_back(&t);
    }
  }
  // "2012년 제15호 태풍 … 26일 대책회의": a bare year beside a finer date names an edition,
  // not when something happens.
  const bool finer = std::any_of(times.begin(), times.end(), [](const TimeExpression* t) {
    return t->precision != "year";
  });
  if (finer) {
    times.erase(std::remove_if(times.begin(), times.end(),
                               [](const TimeExpression* t) { return t->precision == "year"; }),
                times.end());
  }
  return times;
}

// Per time: the byte where its clause's search for a trigger ends (the next time expression,
// skipping times joined by a conjunction: "27일과 28일 … 발생할" share the trigger) and
// whether it shares its trigger with the next time.
struct TimeWindow {
  std::size_t limit_byte = 0;
  bool shared = false;
};

std::vector<TimeWindow> time_windows(const std::vector<const TimeExpression*>& times,
                                     const EventRules& rules, const std::string& text,
                                     const utf8::CodePointIndex& cpi, std::size_t sentence_end) {
  std::vector<TimeWindow> w(times.size());
  for (std::size_t i = times.size(); i-- > 0;) {
    w[i].limit_byte = sentence_end;
    if (i + 1 == times.size()) continue;
    const std::size_t end = cpi.to_byte(times[i]->end);
    const std::size_t next = cpi.to_byte(times[i + 1]->start);
    w[i].shared =
        next >= end && rules.time_conjunction(std::string_view(text).substr(end, next - end));
    w[i].limit_byte = w[i].shared ? w[i + 1].limit_byte : next;
  }
  return w;
}

// Per sentence, the text of every mention in it (entities in order, then their mentions),
// longest first so that "충청남도" is tried before "충청": one pass over the mentions per
// article rather than one per dated sentence.
std::vector<std::vector<std::string_view>> surfaces_by_sentence(const Extraction& out,
                                                                std::size_t sentences) {
  std::vector<std::vector<std::string_view>> by(sentences);
  for (const Entity& e : out.entities) {
    for (const Mention& m : e.mentions) {
      if (m.sentence >= 0 && static_cast<std::size_t>(m.sentence) < sentences &&
          m.field.empty()) {
        by[static_cast<std::size_t>(m.sentence)].push_back(m.text);
      }
    }
  }
  for (auto& list : by) {
    std::stable_sort(list.begin(), list.end(),
                     [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  }
  return by;
}

SentenceView view_sentence(const Extraction& out, const RuleSet& words,
                           std::vector<std::string_view> surfaces, const ByteSpan& span,
                           const std::vector<const TimeExpression*>& times,
                           const utf8::CodePointIndex& cpi) {
  const std::string& text = out.article.text;
  SentenceView s{text, tokenize(text, span.begin, span.end), {}, &words, std::move(surfaces)};
  s.in_time.assign(s.size(), false);
  for (const TimeExpression* t : times) {
    const std::size_t tb = cpi.to_byte(t->start);
    const std::size_t te = cpi.to_byte(t->end);
    for (std::size_t i = 0; i < s.size(); ++i) {
      // A word holding a time and a particle ("24일까지") is a time word; a word that only
      // begins with the end of one ("…일 발표회") is not.
      if (s.tokens[i].begin < te && s.tokens[i].end > tb && s.tokens[i].begin >= tb) {
        s.in_time[i] = true;
      }
    }
  }
  return s;
}

}  // namespace

void detect_events(const EventRules& rules, const RuleSet& words,
                   const std::vector<ByteSpan>& sentences, Extraction& out) {
  const std::string& text = out.article.text;
  if (out.times.empty()) return;
  const utf8::CodePointIndex cpi(text);
  const std::string anchor =
      out.article.published_at ? out.article.published_at->date.iso() : std::string();
  const auto sentence_times = times_by_sentence(out, sentences.size());
  const SentenceEntities sentence_entities = entities_by_sentence(out, sentences.size());
  auto sentence_surfaces = surfaces_by_sentence(out, sentences.size());
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const std::vector<const TimeExpression*> times = event_times(sentence_times[si]);
    if (times.empty()) continue;
    const std::string_view sentence_text = std::string_view(text).substr(
        sentences[si].begin, sentences[si].end - sentences[si].begin);
    const SentenceView s =
        view_sentence(out, words, std::move(sentence_surfaces[si]), sentences[si], times, cpi);
    const std::size_t window = rules.has_final_predicate(sentence_text)
                                   ? rules.max_tokens_after_time()
                                   : rules.max_tokens_after_time_headline();
    const std::vector<TimeWindow> windows =
        time_windows(times, rules, text, cpi, sentences[si].end);
    std::vector<std::size_t> used_triggers;
    for (std::size_t ti = 0; ti < times.size(); ++ti) {
      const TimeExpression& t = *times[ti];
      const std::size_t tb = cpi.to_byte(t.start);
      const std::size_t te = cpi.to_byte(t.end);
      std::size_t first = 0;  // first word after the time expression
      while (first < s.size() && s.tokens[first].begin < te) ++first;
      std::size_t before = first;  // first word of the time expression
      while (before > 0 && s.tokens[before - 1].end > tb) --before;
      std::size_t end = first;  // words of this time's clause
      while (end < s.size() && s.tokens[end].begin < windows[ti].limit_byte) ++end;
      std::size_t searched = first;  // the trigger window counts words, time words aside
      for (std::size_t n = 0; searched < end && n < window; ++searched) {
        if (!s.in_time[searched]) ++n;
      }
      const std::optional<Trigger> trigger = find_trigger(s, rules, words, first, searched);
      if (!trigger || contains_index(used_triggers, trigger->index) ||
          negated(s, rules, *trigger, end)) {
        continue;
      }
      if (!windows[ti].shared) used_triggers.push_back(trigger->index);
      EventMention e;
      e.trigger = trigger->verbal() ? trigger->form->form : std::string(trigger->noun);
      e.trigger_class = trigger->form->trigger_class;
      e.rule = std::string(trigger->verbal() ? "event.verb:" : "event.noun:") + trigger->form->form;
      e.label = trigger->verbal() ? verb_label(s, rules, words, first, before, *trigger)
                                  : noun_label(s, rules, first, *trigger);
      bool present = false;
      std::optional<EventStatus> status = scanned_status(s, rules, *trigger, end, present);
      if (!status) status = adnominal_status(s, rules, *trigger, first);
      const std::string date = t.value.substr(0, t.value.find('T'));
      if (!status || present) {
        status = !anchor.empty() && after_day(date, anchor) ? EventStatus::planned
                                                            : EventStatus::reported;
      }
      e.status = *status;
      e.date = date;
      e.precision = t.precision;
      e.mod = t.mod;
      if (const std::size_t p = t.value.find('T'); p != std::string::npos) {
        e.time = t.value.substr(p + 1);
      }
      add_entities(out, cpi, sentence_entities[si], e);
      e.sentence = static_cast<int>(si);
      e.sentence_text = std::string(sentence_text);
      out.events.push_back(std::move(e));
    }
  }
}

}  // namespace sillok
