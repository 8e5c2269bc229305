#include "extract/pipeline.h"

#include <algorithm>
#include <filesystem>

#include "extract/data_path.h"
#include "extract/events.h"
#include "extract/gazetteer.h"
#include "extract/recognizer.h"
#include "extract/org_cues.h"
#include "extract/person_rules.h"
#include "extract/place_rules.h"
#include "extract/rules.h"
#include "extract/segment.h"
#include "extract/timex.h"
#include "extract/utf8.h"

namespace sillok {

struct Extractor::Impl {
  RuleSet rules;
  PersonRules people;
  PlaceRules places;
  OrgCues org_cues;
  Gazetteer gazetteer;
  EventRules events;
  TimeTagger tagger;

  Impl(RuleSet r, PersonRules p, PlaceRules l, OrgCues o, EventRules e, TimeTagger t)
      : rules(std::move(r)),
        people(std::move(p)),
        places(std::move(l)),
        org_cues(std::move(o)),
        events(std::move(e)),
        tagger(std::move(t)) {}
};

namespace {

// The shipped gazetteer files, sorted so that loading order (and so ties) is stable.
std::vector<std::string> shipped_gazetteers(const std::string& dir,
                                            const std::vector<std::string>& disabled) {
  std::vector<std::string> files;
  const std::filesystem::path root = std::filesystem::path(dir) / "gazetteers";
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.path().extension() != ".json") continue;
    const std::string stem = entry.path().stem().string();
    if (std::find(disabled.begin(), disabled.end(), stem) != disabled.end()) continue;
    files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Time expressions of one sentence. Without an anchor only values that do not depend on
// one are kept: the sentence is tagged against two distant anchors and the agreeing values
// survive ("2012년 8월 26일" does, "오는 30일" does not).
std::vector<TimeMatch> tag_with_anchor(const TimeTagger& tagger, std::string_view sentence,
                                       const Timestamp& anchor);

std::vector<TimeMatch> tag_sentence(const TimeTagger& tagger, std::string_view sentence,
                                    const std::optional<Timestamp>& anchor) {
  const Direction dir = tagger.clause_direction(sentence);
  if (anchor) return tag_with_anchor(tagger, sentence, *anchor);
  Timestamp a;
  a.date = CivilDate{1990, 3, 15};
  Timestamp b;
  b.date = CivilDate{2031, 9, 2};
  std::vector<TimeMatch> first = tagger.tag(sentence, a, dir);
  const std::vector<TimeMatch> second = tagger.tag(sentence, b, dir);
  first.erase(std::remove_if(first.begin(), first.end(),
                             [&](const TimeMatch& m) {
                               return std::none_of(second.begin(), second.end(), [&](const TimeMatch& o) {
                                 return o.begin == m.begin && o.end == m.end && o.value == m.value;
                               });
                             }),
              first.end());
  return first;
}

// The clause a time expression belongs to: from its end to the next comma, closing quote or
// the sentence end ("1월 중 … 발표할 예정\"이라고 말했다" -> "… 발표할 예정").
std::string_view clause_after(std::string_view sentence, std::size_t from) {
  std::size_t end = sentence.size();
  for (const std::string_view stop : {",", "\"", "\u201D", "'", "\u2019"}) {
    const std::size_t p = sentence.find(stop, from);
    if (p != std::string_view::npos) end = std::min(end, p);
  }
  return sentence.substr(from, end - from);
}

// Tags a sentence, resolving each expression by the tense of its own clause when that clause
// has one ("… 1월 중 … 발표할 예정\"이라고 말했다": forward, though the sentence ends in the
// past), else by the sentence's.
std::vector<TimeMatch> tag_with_anchor(const TimeTagger& tagger, std::string_view sentence,
                                       const Timestamp& anchor) {
  const Direction sentence_dir = tagger.clause_direction(sentence);
  std::vector<TimeMatch> matches = tagger.tag(sentence, anchor, sentence_dir);
  for (TimeMatch& m : matches) {
    const Direction local = tagger.clause_direction(clause_after(sentence, m.end));
    if (local == Direction::nearest || local == sentence_dir) continue;
    const std::string_view rest = sentence.substr(m.begin);
    std::vector<TimeMatch> again = tagger.tag(rest, anchor, local);
    if (!again.empty() && again.front().begin == 0 && again.front().end == m.end - m.begin) {
      m.value = again.front().value;
      m.value_end = again.front().value_end;
    }
  }
  return matches;
}

}  // namespace

Extractor Extractor::load(const ExtractorOptions& options) {
  const std::string dir = options.data_dir.empty() ? data_dir() : options.data_dir;
  auto impl = std::make_unique<Impl>(RuleSet::load(dir), PersonRules::load(dir), PlaceRules::load(dir),
                                     OrgCues::load(dir),
                                     EventRules::load(dir + "/rules/events.json"),
                                     TimeTagger::load(dir + "/rules/time.json", dir + "/calendar/lunar.json",
                                                      options.time_profile));
  for (const std::string& file : shipped_gazetteers(dir, options.disabled_gazetteers)) {
    impl->gazetteer.load_file(file, 0);
  }
  for (const std::string& file : options.user_gazetteers) impl->gazetteer.load_file(file, -1);
  impl->gazetteer.build();
  return Extractor(std::move(impl));
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

std::size_t Extractor::gazetteer_surfaces() const { return impl_->gazetteer.surface_count(); }

Extraction Extractor::extract(const Article& article) const {
  Extraction out;
  out.article = article;
  const std::string& text = out.article.text;
  const std::vector<ByteSpan> spans = split_sentences(text);
  const utf8::CodePointIndex cpi(text);
  for (const ByteSpan& s : spans) out.sentences.push_back({cpi.to_cp(s.begin), cpi.to_cp(s.end)});

  Recognizer(impl_->gazetteer, impl_->rules, impl_->people, impl_->places, impl_->org_cues).recognize(out.article, spans, out);

  for (std::size_t si = 0; si < spans.size(); ++si) {
    const std::string_view sentence(text.data() + spans[si].begin, spans[si].end - spans[si].begin);
    for (TimeMatch& m : tag_sentence(impl_->tagger, sentence, article.published_at)) {
      TimeExpression t;
      t.start = cpi.to_cp(spans[si].begin + m.begin);
      t.end = cpi.to_cp(spans[si].begin + m.end);
      t.text = std::move(m.text);
      t.value = std::move(m.value);
      t.type = m.type;
      t.precision = std::move(m.precision);
      t.mod = std::move(m.mod);
      t.value_end = std::move(m.value_end);
      t.sentence = static_cast<int>(si);
      out.times.push_back(std::move(t));
    }
  }
  detect_events(impl_->events, impl_->rules, spans, out);
  return out;
}

}  // namespace sillok
