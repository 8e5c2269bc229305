// Event mentions: a date or time expression, the trigger that follows it in its clause
// ("30일 … 1차 발표회를 열고", "1월 15일 이내 공개될 예정"), the status its predicate gives
// (occurred, planned, reported, postponed, cancelled) and the entities of the sentence.
// Triggers and status markers are data (data/rules/events.json, format in data/README.md).
#pragma once

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

class EventRules {
 public:
  // Throws DataError naming the file and the JSON path of a problem.
  static EventRules load(const std::string& path);

  // The longest trigger noun `word` ends with, or nullptr.
  const TriggerForm* noun_trigger(std::string_view word) const;
  // The trigger verb stem `word` starts with when the rest is a verb ending, or nullptr.
  const TriggerForm* verb_trigger(std::string_view word) const;
  // The status a word marks, if any: a status marker it starts with or contains, or a past or
  // present-tense ending. `present` is set for present-tense endings (status left to the date).
  std::optional<EventStatus> word_status(std::string_view word, bool& present) const;
  // Whether a word is a verb or adnominal form ("추진돼온", "개발한"): a label's noun phrase
  // stops there.
  bool predicate_like(std::string_view word) const;
  // Whether a sentence ends with a predicate ("…개최했다.") rather than a noun, as titles
  // and ledes do ("…내달 결과 공개").
  bool has_final_predicate(std::string_view sentence) const;
  std::size_t max_tokens_after_time() const { return max_tokens_after_time_; }
  std::size_t max_tokens_after_time_headline() const { return max_tokens_after_time_headline_; }

 private:
  std::vector<TriggerForm> nouns_;  // longest first
  std::vector<TriggerForm> verbs_;  // longest first
  std::vector<std::string> verb_endings_;
  std::vector<std::pair<std::string, EventStatus>> markers_;
  std::vector<std::string> past_endings_;
  std::vector<std::string> present_endings_;
  std::vector<std::string> label_stop_endings_;
  std::vector<char32_t> final_predicate_syllables_;
  std::size_t max_tokens_after_time_ = 10;
  std::size_t max_tokens_after_time_headline_ = 3;
  std::size_t max_compound_prefix_ = 2;  // syllables before a trigger noun inside one word
};

// Finds the event mentions of an article whose entities and times are already extracted
// (out.entities, out.times, with sentence indexes). Appends to out.events.
void detect_events(const EventRules& rules, const RuleSet& words, const std::vector<ByteSpan>& sentences,
                   Extraction& out);

}  // namespace sillok
