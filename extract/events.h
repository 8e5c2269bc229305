// Event mentions: a date or time expression, the trigger that follows it in its clause
// ("30일 … 1차 발표회를 열고", "1월 15일 이내 공개될 예정"), the status its predicate gives
// (occurred, planned, reported, postponed, cancelled) and the entities of the sentence.
// Triggers and status markers are data (data/rules/events.json, format in data/README.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rules.h"
#include "extract/segment.h"
#include "extract/types.h"

namespace sillok {

struct TriggerForm {
  std::string form;
  std::string trigger_class;
};

// A verbal trigger found in a word: "재발사될" -> {발사, prefix "재", ending "될"}.
struct VerbMatch {
  const TriggerForm* trigger = nullptr;
  std::string_view prefix;  // a verb prefix from `verb_prefixes` ("재"), or empty
  std::string_view ending;  // the verb ending after the stem ("될", "했다")
  explicit operator bool() const { return trigger != nullptr; }
};

class EventRules {
 public:
  // Throws DataError naming the file and the JSON path of a problem.
  static EventRules load(const std::string& path);

  // The longest trigger noun `word` ends with, or nullptr.
  const TriggerForm* noun_trigger(std::string_view word) const;
  // The trigger verb stem `word` starts with (after an optional verb prefix such as 재) when
  // the rest is a verb ending; an empty match otherwise.
  VerbMatch verb_match(std::string_view word) const;
  // verb_match(word).trigger: "개최했다" -> 개최, "발표회" -> nullptr.
  const TriggerForm* verb_trigger(std::string_view word) const { return verb_match(word).trigger; }
  // The status a word marks, if any: a status marker it contains (not as a noun with a case
  // particle: "계획을" marks nothing, "계획이다" marks planned), or a past or present-tense
  // ending. `present` is set for present-tense endings (status left to the date). Markers of
  // `scope: clause` groups ("하기로") count only when `own_clause` is true: once the trigger's
  // own predicate has ended its clause ("총회를 열고 … 단행하기로 했다"), they speak of
  // another action.
  std::optional<EventStatus> word_status(std::string_view word, bool& present,
                                         bool own_clause = true) const;
  // Whether a word is a verb or adnominal form ("추진돼온", "개발한"): a label's noun phrase
  // stops there.
  bool predicate_like(std::string_view word) const;
  // Whether a word never belongs to a label: conjunctions and adverbs ("그러나", "이후"),
  // postpositional verbs ("따라", "위해"), pronouns ("저는"), bound nouns ("안에").
  bool label_stop_word(std::string_view word) const;
  // Whether a sentence ends with a predicate ("…개최했다.") rather than a noun, as titles
  // and ledes do ("…내달 결과 공개").
  bool has_final_predicate(std::string_view sentence) const;
  // A particle after a trigger noun that makes it a cause or a starting point, not the
  // clause's happening: "시작으로", "폭발로".
  bool non_event_particle(std::string_view particles) const;
  // A noun that, right after a trigger noun, makes the trigger a modifier: "발사 여부", "발사
  // 확률".
  bool non_event_head(std::string_view noun) const;
  // Particles marking the subject or object a verbal trigger is about ("해일이 발생할").
  bool argument_particle(std::string_view particles) const;
  // Particles marking a subject ("개정안이"): a subject right before the time names what a
  // verbal trigger is about ("개정안이 15일 국회를 통과" -> "개정안 통과").
  bool subject_particle(std::string_view particles) const;
  // Verb endings of adnominal forms ("발생한 지진", "열린 브리핑"); `past` is set for past ones.
  bool adnominal_ending(std::string_view ending, bool& past) const;
  // Verb endings that join the trigger's clause to the next one ("열고", "개최되어").
  bool connective_ending(std::string_view ending) const;
  // A word that negates the predicate before it ("않았다", "못하더라도").
  bool negation(std::string_view word) const;
  // Text between two time expressions that joins them ("27일과 28일"): both share a trigger.
  bool time_conjunction(std::string_view between) const;
  // Whether a verb of this class, right after a trigger noun, joins the label ("운행 재개").
  bool joins_label(const std::string& trigger_class) const;
  // Whether a verb of this class, right after a trigger noun, plans it ("파업을 결의했다").
  bool plans(const std::string& trigger_class) const;
  // Whether a word is a bound noun with particles or a copula ("것이라는", "수는").
  bool bound_noun(const RuleSet& words, std::string_view word) const;
  std::size_t max_tokens_after_time() const { return max_tokens_after_time_; }
  std::size_t max_tokens_after_time_headline() const { return max_tokens_after_time_headline_; }
  std::size_t negation_window() const { return negation_window_; }

 private:
  struct Marker {
    std::string form;
    EventStatus status;
    bool clause_only;
  };
  std::vector<TriggerForm> nouns_;  // longest first
  std::vector<TriggerForm> verbs_;  // longest first
  std::vector<std::string> verb_prefixes_;
  std::vector<std::string> verb_endings_;
  std::vector<Marker> markers_;
  std::vector<std::string> marker_noun_particles_;
  std::vector<std::string> past_endings_;
  std::vector<std::string> present_endings_;
  std::vector<std::string> label_stop_endings_;
  std::vector<std::string> label_stop_words_;
  std::vector<std::string> non_event_particles_;
  std::vector<std::string> non_event_heads_;
  std::vector<std::string> argument_particles_;
  std::vector<std::string> subject_particles_;
  std::vector<std::string> adnominal_past_;
  std::vector<std::string> adnominal_future_;
  std::vector<std::string> connective_endings_;
  std::vector<std::string> negation_starts_;
  std::vector<std::string> time_conjunctions_;
  std::vector<std::string> label_joining_classes_;
  std::vector<std::string> planning_classes_;
  std::vector<std::string> bound_nouns_;
  std::vector<char32_t> final_predicate_syllables_;
  std::size_t max_tokens_after_time_ = 10;
  std::size_t max_tokens_after_time_headline_ = 3;
  std::size_t max_compound_prefix_ = 2;  // syllables before a trigger noun inside one word
  std::size_t negation_window_ = 3;      // words after the trigger that may negate it
};

// Finds the event mentions of an article whose entities and times are already extracted
// (out.entities, out.times, with sentence indexes). Appends to out.events.
void detect_events(const EventRules& rules, const RuleSet& words,
                   const std::vector<ByteSpan>& sentences,
                   Extraction& out);

}  // namespace sillok
