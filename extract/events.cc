#include "extract/events.h"

#include <algorithm>

#include "extract/strings.h"
#include "extract/data_file.h"
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

}  // namespace

EventRules EventRules::load(const std::string& path) {
  const nlohmann::json doc = load_json_file(path);
  expect_format(doc, path, "sillok-rules/events", 1);
  const DataObject root(doc, path, "");
  EventRules r;
  r.max_tokens_after_time_ = static_cast<std::size_t>(root.integer("max_tokens_after_time", 10));
  r.max_tokens_after_time_headline_ =
      static_cast<std::size_t>(root.integer("max_tokens_after_time_headline", 3));
  r.max_compound_prefix_ = static_cast<std::size_t>(root.integer("max_compound_prefix", 2));
  for (const DataObject& group : root.objects("triggers")) {
    const std::string cls = group.string("class");
    for (const std::string& n : group.strings("nouns")) r.nouns_.push_back({n, cls});
    for (const std::string& v : group.strings("verbs")) r.verbs_.push_back({v, cls});
  }
  sort_by_form_length(r.nouns_);
  sort_by_form_length(r.verbs_);
  r.verb_endings_ = root.strings("verb_endings");
  for (const DataObject& m : root.objects("status_markers")) {
    const std::string name = m.string("status");
    const auto status = event_status_from_string(name);
    if (!status) m.fail("status", "unknown status '" + name + "'");
    for (const std::string& f : m.strings("forms")) r.markers_.emplace_back(f, *status);
  }
  r.past_endings_ = root.strings("past_endings");
  r.label_stop_endings_ = root.strings("label_stop_endings");
  for (const std::string& syllable : root.strings("final_predicate_syllables")) {
    if (utf8::length(syllable) != 1) root.fail("final_predicate_syllables", "'" + syllable + "' is not one syllable");
    r.final_predicate_syllables_.push_back(utf8::to_u32(syllable).front());
  }
  r.present_endings_ = root.strings("present_endings");
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

const TriggerForm* EventRules::verb_trigger(std::string_view word) const {
  for (const TriggerForm& t : verbs_) {
    if (!starts_with(word, t.form)) continue;
    const std::string_view rest = word.substr(t.form.size());
    if (rest.empty()) continue;
    for (const std::string& e : verb_endings_) {
      if (rest == e) return &t;
    }
  }
  return nullptr;
}

bool EventRules::predicate_like(std::string_view word) const {
  return std::any_of(label_stop_endings_.begin(), label_stop_endings_.end(),
                     [&](const std::string& e) { return ends_with(word, e); });
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

std::optional<EventStatus> EventRules::word_status(std::string_view word, bool& present) const {
  present = false;
  for (const auto& [form, status] : markers_) {
    if (word.find(form) != std::string_view::npos) return status;
  }
  for (const std::string& e : past_endings_) {
    if (ends_with(word, e)) return EventStatus::occurred;
  }
  for (const std::string& e : present_endings_) {
    if (ends_with(word, e)) {
      present = true;
      return EventStatus::reported;
    }
  }
  return std::nullopt;
}

namespace {

struct SentenceView {
  std::string_view text;  // the whole article text
  std::vector<Token> tokens;

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

// The noun of a word once particles are stripped, and whether any were: the longest reading
// that is an everyday word ("보고서는" -> 보고서, not 보고 + 서는), else the shortest reading.
std::string_view strip_particles(const RuleSet& words, std::string_view w, bool& had) {
  const std::vector<std::string_view> readings = noun_readings(words, w);
  std::string_view best = readings.back();
  for (const std::string_view r : readings) {
    if (words.is_common_word(std::string(r))) {
      best = r;
      break;
    }
  }
  had = best.size() != w.size();
  return best;
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

// The bare nouns running left from word `last` (inclusive) down to `floor`, joined by
// spaces; the word at `last` contributes `last_word`. A word with a particle other than the
// genitive 의, or a verb form, ends the run.
std::string noun_phrase(const SentenceView& s, const EventRules& rules, const RuleSet& words,
                        std::size_t floor, std::size_t last, std::string_view last_word,
                        std::size_t max_words) {
  std::vector<std::string_view> parts{last_word};
  std::size_t i = last;
  while (i > floor && parts.size() < max_words && label_gap(s.gap(i))) {
    --i;
    bool had = false;
    const std::string_view w = strip_particles(words, s.word(i), had);
    if (rules.predicate_like(s.word(i))) break;
    if (had && !ends_with(s.word(i), "의")) break;
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

}  // namespace

void detect_events(const EventRules& rules, const RuleSet& words,
                   const std::vector<ByteSpan>& sentences, Extraction& out) {
  const std::string& text = out.article.text;
  if (out.times.empty()) return;
  const utf8::CodePointIndex cpi(text);
  const std::string anchor =
      out.article.published_at ? out.article.published_at->date.iso() : std::string();
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    std::vector<const TimeExpression*> times;
    for (const TimeExpression& t : out.times) {
      if (t.sentence == static_cast<int>(si) && (t.type == TimeType::date || t.type == TimeType::time) &&
          !t.value.empty() && t.value.find('X') == std::string::npos) {
        times.push_back(&t);
      }
    }
    if (times.empty()) continue;
    SentenceView s{text, tokenize(text, sentences[si].begin, sentences[si].end)};
    const std::size_t window = rules.has_final_predicate(std::string_view(text).substr(
                                   sentences[si].begin, sentences[si].end - sentences[si].begin))
                                   ? rules.max_tokens_after_time()
                                   : rules.max_tokens_after_time_headline();
    std::vector<std::size_t> used_triggers;
    for (std::size_t ti = 0; ti < times.size(); ++ti) {
      const TimeExpression& t = *times[ti];
      const std::size_t tb = cpi.to_byte(t.start);
      const std::size_t te = cpi.to_byte(t.end);
      const std::size_t limit_byte =
          ti + 1 < times.size() ? cpi.to_byte(times[ti + 1]->start) : sentences[si].end;
      std::size_t first = 0;
      while (first < s.tokens.size() && s.tokens[first].begin < te) ++first;
      std::size_t before = first;  // first word of the time expression
      while (before > 0 && s.tokens[before - 1].end > tb) --before;
      // The trigger: the first noun or verbal trigger in the window after the time.
      std::size_t k = first;
      const TriggerForm* trigger = nullptr;
      bool verbal = false;
      std::string_view noun;
      for (; k < s.tokens.size() && k < first + window &&
             s.tokens[k].begin < limit_byte;
           ++k) {
        for (const std::string_view reading : noun_readings(words, s.word(k))) {
          if ((trigger = rules.noun_trigger(reading)) != nullptr) {
            noun = reading;
            break;
          }
        }
        if (trigger != nullptr) break;
        if ((trigger = rules.verb_trigger(s.word(k))) != nullptr) {
          verbal = true;
          break;
        }
      }
      if (trigger == nullptr ||
          std::find(used_triggers.begin(), used_triggers.end(), k) != used_triggers.end()) {
        continue;
      }
      used_triggers.push_back(k);
      EventMention e;
      e.trigger = std::string(verbal ? std::string_view(trigger->form) : noun);
      e.trigger_class = trigger->trigger_class;
      e.rule = std::string(verbal ? "event.verb:" : "event.noun:") + trigger->form;
      if (verbal) {
        // "1차 평가 결과는 … 공개될": the phrase before the time is what the verb is about.
        std::string np;
        if (before > 0) {
          bool had = false;
          const std::string_view head = strip_particles(words, s.word(before - 1), had);
          if (!rules.predicate_like(s.word(before - 1)) && label_gap(s.gap(before))) {
            np = noun_phrase(s, rules, words, 0, before - 1, head, 8);
          }
        }
        e.label = np.empty() ? trigger->form : np + " " + trigger->form;
      } else {
        e.label = noun_phrase(s, rules, words, first, k, noun, 10);
      }
      // Status: the first marker from the trigger on.
      std::optional<EventStatus> status;
      bool present = false;
      // The scan stops at the next time expression: its clause has its own predicate.
      for (std::size_t j = verbal ? k : k + 1;
           j < s.tokens.size() && s.tokens[j].begin < limit_byte && !status; ++j) {
        status = rules.word_status(s.word(j), present);
      }
      const std::string date = t.value.substr(0, t.value.find('T'));
      if (!status || present) {
        status = !anchor.empty() && after_day(date, anchor) ? EventStatus::planned : EventStatus::reported;
      }
      e.status = *status;
      e.date = date;
      e.precision = t.precision;
      e.mod = t.mod;
      if (const std::size_t p = t.value.find('T'); p != std::string::npos) e.time = t.value.substr(p + 1);
      // Participants and place: the entities of the sentence.
      for (const Entity& ent : out.entities) {
        for (const Mention& m : ent.mentions) {
          if (m.sentence != static_cast<int>(si) || !m.field.empty()) continue;
          if (ent.type == EntityType::place) {
            // Only a place marked as where it happens ("코엑스 오디토리움에서") is the event's
            // place; a region merely mentioned ("대한민국을 … 강국으로") is not.
            const std::size_t after = cpi.to_byte(m.end);
            if (text.compare(after, 6, "에서") == 0 || text.compare(after, 3, "서") == 0) e.place = ent.name;
          } else if (ent.type != EntityType::media && ent.type != EntityType::product &&
                     std::find(e.participants.begin(), e.participants.end(), ent.name) ==
                         e.participants.end()) {
            e.participants.push_back(ent.name);
          }
          break;
        }
      }
      e.sentence = static_cast<int>(si);
      e.sentence_text = text.substr(sentences[si].begin, sentences[si].end - sentences[si].begin);
      out.events.push_back(std::move(e));
    }
  }
}

}  // namespace sillok
