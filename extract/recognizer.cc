#include "extract/recognizer.h"

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_map>

#include "extract/strings.h"
#include "extract/tokens.h"
#include "extract/utf8.h"

namespace sillok {
namespace {

// ---------------------------------------------------------------------------------------
// Candidate spans.

struct Span {
  std::size_t begin = 0;  // bytes of the name (particles excluded)
  std::size_t end = 0;
  std::size_t first_token = 0;
  std::size_t last_token = 0;
  std::size_t word_end = 0;  // end of the last token (the name plus its particles)
  EntityType type = EntityType::organization;
  std::string name;  // canonical
  std::string rule;
  std::string head_title;  // "원장" when the word goes on with the organization's head title
  bool from_gazetteer = false;
  std::string role;  // Mention::role: "agent" for a place acting as a state
};

struct RawMention {
  std::size_t begin = 0;  // bytes into the field
  std::size_t end = 0;
  std::string field;
  int sentence = -1;
  std::string name;
  EntityType type = EntityType::organization;
  std::string rule;
  std::string role;
};

// "김씨", "김모 씨": a surname the article refers to with an honorific, resolved once the
// whole article is read.
struct SurnameReference {
  std::size_t begin = 0;
  std::size_t end = 0;
  int sentence = -1;
  std::string surname;
  bool withheld = false;  // "김모": the given name is withheld on purpose
};

struct RawRelation {
  std::string subject, role, object, rule;
  int sentence = -1;
};


bool all_hangul(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (!utf8::is_hangul_syllable(utf8::decode(s, pos))) return false;
  }
  return !s.empty();
}

bool has_letter(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t c = utf8::decode(s, pos);
    if (utf8::is_hangul_syllable(c) || utf8::is_ascii_alpha(c)) return true;
  }
  return false;
}

bool all_latin_upper(std::string_view s) {
  if (s.size() < 2) return false;
  for (const char ch : s) {
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '&' || ch == '-')) {
      return false;
    }
  }
  return s[0] >= 'A' && s[0] <= 'Z';
}

// Everything one recognition call needs; lives for one article.
class ArticleRecognizer {
 public:
  ArticleRecognizer(const Gazetteer& gazetteer, const RuleSet& rules, const PersonRules& people,
                    const PlaceRules& places, const OrgCues& org_cues, const Article& article)
      : gaz_(gazetteer),
        rules_(rules),
        people_(people),
        places_(places),
        org_cues_(org_cues),
        article_(article) {
    if (article.published_at) date_ = article.published_at->date;
  }

  void run(const std::vector<ByteSpan>& sentences, Extraction& out) {
    // Each sentence is split into words once; the whole-article passes reuse them.
    std::vector<std::vector<Token>> words;
    words.reserve(sentences.size());
    for (const ByteSpan& s : sentences) words.push_back(tokenize(article_.text, s.begin, s.end));
    for (const std::vector<Token>& tokens : words) remember_word_ends(article_.text, tokens);
    recognize_metadata();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      recognize_sentence(article_.text, words[i], sentences[i].begin, sentences[i].end,
                         static_cast<int>(i), "");
    }
    resolve_short_references(words);
    find_repeated_names(words);
    build_output(out);
  }

 private:
  // The words a token can be: the whole token first, then shorter prefixes whose rest is a
  // particle chain ("업스테이지는" -> "업스테이지").
  std::vector<std::size_t> compute_word_ends(std::string_view text, const Token& t) const {
    std::vector<std::size_t> ends;
    std::size_t pos = t.end;
    while (pos > t.begin) {
      if (rules_.is_particle_chain(text.substr(pos, t.end - pos))) ends.push_back(pos);
      utf8::decode_before(text, pos);
    }
    return ends;
  }

  // Every step asks for the readings of the words it looks at, so they are computed once per
  // word: for all words of a text (the article, or the author line) before any step runs.
  struct WordEnds {
    const char* text = nullptr;                  // the text the tokens index
    std::vector<std::size_t> begins;             // token begins, ascending
    std::vector<std::vector<std::size_t>> ends;  // compute_word_ends of each
  };

  void remember_word_ends(std::string_view text, const std::vector<Token>& tokens) {
    if (word_ends_.empty() || word_ends_.back().text != text.data()) word_ends_.push_back({text.data(), {}, {}});
    WordEnds& cache = word_ends_.back();
    for (const Token& t : tokens) {
      cache.begins.push_back(t.begin);
      cache.ends.push_back(compute_word_ends(text, t));
    }
  }

  const std::vector<std::size_t>& word_ends(std::string_view text, const Token& t) const {
    for (const WordEnds& cache : word_ends_) {
      if (cache.text != text.data()) continue;
      const auto it = std::lower_bound(cache.begins.begin(), cache.begins.end(), t.begin);
      if (it != cache.begins.end() && *it == t.begin) {
        return cache.ends[static_cast<std::size_t>(it - cache.begins.begin())];
      }
    }
    // Not a word of a remembered text: computed here, kept where references stay valid.
    return uncached_word_ends_.emplace_back(compute_word_ends(text, t));
  }

  std::string_view gap(std::string_view text, const std::vector<Token>& tokens,
                       std::size_t i) const {
    return text.substr(tokens[i].gap_begin, tokens[i].begin - tokens[i].gap_begin);
  }

  static bool gap_is_name_separator(std::string_view g) {
    std::size_t pos = 0;
    int seps = 0;
    while (pos < g.size()) {
      const char32_t c = utf8::decode(g, pos);
      if (utf8::is_name_separator(c) || c == ',') {
        ++seps;
      } else if (c != ' ') {
        return false;
      }
    }
    return seps == 1;
  }

  // ---- step 1: gazetteer ------------------------------------------------------------------
  void gazetteer_spans(std::string_view text, const std::vector<Token>& tokens,
                       std::size_t begin, std::size_t end, std::vector<Span>& spans) const {
    gaz_.scan(text.substr(begin, end - begin), [&](const GazetteerHit& hit) {
      const std::size_t hb = begin + hit.begin;
      const std::size_t he = begin + hit.end;
      // Tokens are in text order: the hit must start exactly at one.
      const auto first = std::lower_bound(tokens.begin(), tokens.end(), hb,
                                          [](const Token& t, std::size_t b) { return t.begin < b; });
      if (first == tokens.end() || first->begin != hb) return;
      const auto first_index = static_cast<std::size_t>(first - tokens.begin());
      std::size_t last = first_index;
      while (last < tokens.size() && tokens[last].end < he) ++last;
      if (last == tokens.size()) return;
      const GazetteerEntry* entry = gaz_.resolve(hit.surface, date_);
      if (entry == nullptr || rules_.is_stopword(entry->name)) return;
      const std::string_view rest = text.substr(he, tokens[last].end - he);
      Span s;
      // "(한국시각)", "현지시간": a place naming a time zone is still that place.
      const bool time_zone = entry->type == EntityType::place && time_zone_rest(rest);
      if (!time_zone && !rules_.is_particle_chain(rest)) {
        // "LG AI연구원장": the organization followed by its head's title.
        const std::string head = rules_.org_head_title(gaz_.surface(hit.surface));
        if (head.empty() || rest.substr(0, 3) != "장" || !rules_.is_particle_chain(rest.substr(3)) ||
            entry->type == EntityType::person || entry->type == EntityType::place ||
            entry->type == EntityType::product) {
          return;
        }
        s.head_title = head;
      }
      if (entry->strict && !strict_context(text, tokens, last, rest, entry->type)) return;
      s.begin = hb;
      s.end = he;
      s.first_token = first_index;
      s.last_token = last;
      s.word_end = tokens[last].end;
      s.type = entry->type;
      s.name = entry->name;
      s.rule = "gazetteer:" + entry->id;
      s.from_gazetteer = true;
      spans.push_back(std::move(s));
    });
  }

  // "시각", "시간에": a time-zone word (data/rules/places.json) and particles.
  bool time_zone_rest(std::string_view rest) const {
    const std::size_t n = places_.time_zone_suffix(rest);
    return n != 0 && rules_.is_particle_chain(rest.substr(n));
  }

  // Everyday words in a gazetteer count only with support: a place particle or venue word
  // after a place, a title after a name.
  bool strict_context(std::string_view text, const std::vector<Token>& tokens, std::size_t last,
                      std::string_view rest, EntityType type) const {
    if (type == EntityType::place && rules_.is_place_particle(rest)) return true;
    if (last + 1 < tokens.size() && rest.empty()) {
      const Token& next = tokens[last + 1];
      for (const std::size_t we : word_ends(text, next)) {
        const std::string_view word = text.substr(next.begin, we - next.begin);
        if (type == EntityType::place && rules_.is_place_extension(word)) return true;
        if (type != EntityType::place && rules_.title(word) != nullptr) return true;
      }
    }
    return false;
  }

  // ---- step 2: organizations by suffix ----------------------------------------------------
  void suffix_spans(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Span>& gazetteer, std::vector<Span>& spans) const {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      for (const std::size_t we : word_ends(text, tokens[i])) {
        const std::string_view word = text.substr(tokens[i].begin, we - tokens[i].begin);
        std::string head;
        std::string_view org = word;
        if (ends_with(word, "장") && word.size() > 3) {
          const std::string_view stem = word.substr(0, word.size() - 3);
          const std::string h = rules_.org_head_title(stem);
          if (!h.empty()) {
            org = stem;
            head = h;
          }
        }
        Span s;
        if (!suffix_org(org, s)) continue;
        s.begin = tokens[i].begin;
        s.end = s.begin + org.size();
        s.first_token = s.last_token = i;
        s.word_end = tokens[i].end;
        s.head_title = head;
        extend_left(text, tokens, gazetteer, s);
        spans.push_back(std::move(s));
        break;
      }
    }
  }

  bool suffix_org(std::string_view word, Span& s) const {
    std::size_t suffix_len = 0;
    const OrgSuffixRule* rule = rules_.org_suffix(word, &suffix_len);
    if (rule == nullptr || rule->require_known_stem) return false;
    const std::string_view stem = word.substr(0, word.size() - suffix_len);
    if (utf8::length(stem) < rule->min_stem || !has_letter(stem)) return false;
    const std::string_view w = word;  // RuleSet looks up string_views: no copy
    // A stopword stem is no name ("정부위원회"), except a direction before a local branch
    // ("남부경찰서", "중부소방서"), which names the branch.
    if (rules_.is_stopword(w) || rules_.is_common_word(w) ||
        (rules_.is_stopword(stem) && !places_.is_local_organization(w))) {
      return false;
    }
    if (org_cues_.is_not_name(w, stem)) return false;
    // A stem that starts with a digit is a count ("3개 협회"), not a name.
    if (utf8::is_ascii_digit(static_cast<unsigned char>(stem[0]))) return false;
    s.type = rule->type;
    const std::string_view suffix = word.substr(word.size() - suffix_len);
    if (s.type == EntityType::organization && rules_.is_government_prefix_suffix(suffix) &&
        rules_.has_government_prefix(stem)) {
      s.type = EntityType::government;
    }
    s.name = w;
    s.rule = rule->id;
    return true;
  }

  // "LG AI연구원": a company or Latin name right before a suffix organization is part of it.
  void extend_left(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<Span>& gazetteer, Span& s) const {
    const std::size_t i = s.first_token;
    if (i == 0 || !gap_is_space(gap(text, tokens, i))) return;
    const Token& prev = tokens[i - 1];
    const std::string_view prev_word = text.substr(prev.begin, prev.end - prev.begin);
    bool company = false;
    bool latin = all_latin_upper(prev_word);
    for (const Span& g : gazetteer) {
      if (g.last_token == i - 1 && g.end == prev.end && g.head_title.empty() &&
          (g.type == EntityType::company || g.type == EntityType::organization)) {
        company = g.type == EntityType::company;
        latin = true;
        s.first_token = g.first_token;
        s.begin = g.begin;
        break;
      }
    }
    if (!latin) return;
    if (s.first_token == i) s.begin = prev.begin, s.first_token = i - 1;
    s.name = std::string(text.substr(s.begin, s.end - s.begin));
    if (company) s.type = EntityType::company;
    s.rule += ".extended";
  }

  // ---- step 3: overlaps ---------------------------------------------------------------------
  static std::vector<Span> resolve_overlaps(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;
      return a.from_gazetteer > b.from_gazetteer;
    });
    std::vector<Span> kept;
    for (Span& s : spans) {
      bool overlaps = false;
      for (const Span& k : kept) {
        if (s.begin < k.word_end && k.begin < s.word_end) overlaps = true;
      }
      if (!overlaps) kept.push_back(std::move(s));
    }
    return kept;
  }

  // ---- step 4: people ---------------------------------------------------------------------
  bool valid_name(std::string_view word) const {
    if (!all_hangul(word)) return false;
    const std::size_t n = utf8::length(word);
    if (n < 2 || n > 4) return false;
    const std::string_view w = word;  // RuleSet looks up string_views: no copy
    if (rules_.is_stopword(w) || rules_.is_common_word(w) || rules_.is_modifier(w) ||
        rules_.title(w) != nullptr) {
      return false;
    }
    const bool one = rules_.is_surname(word.substr(0, 3));
    const bool two = n >= 3 && rules_.is_surname(word.substr(0, 6));
    if (!one && !two) return false;
    // Four syllables are a two-syllable surname and a given name (남궁민수); "공립학교" is not.
    if (n == 4 && !two) return false;
    if (gaz_.surface_id(word)) return false;  // a known organization, place, ...
    // "정확한", "지명된", "명이": an everyday word or a syllable with a verb or particle ending.
    const std::string_view last = word.substr(word.size() - 3);
    if (people_.is_verb_final(last)) return false;
    if (n == 2 ? people_.is_foreign_bad_final(last)
               : people_.is_adnominal_final(last) ||
                     (rules_.is_common_word(word.substr(0, 6)) &&
                      (people_.is_org_bad_final(last) || !people_.is_given_syllable(last)))) {
      return false;  // "정확한", "최대급" (최대 + 급); "정예린" keeps a given-name syllable
    }
    // "성과를", "인원이": an everyday noun and a particle, not a name.
    for (std::size_t cut = 6; cut < word.size(); cut += 3) {
      const std::string_view head = word.substr(0, cut);
      if ((rules_.is_common_word(head) || rules_.is_stopword(head)) &&
          rules_.is_particle_chain(word.substr(cut))) {
        return false;
      }
    }
    return true;
  }

  // A name-shaped word the lexicon lists (hunspell-ko includes famous people: 박근혜,
  // 전두환): surname + two given-name syllables, no noun-forming last syllable ("한국인").
  bool listed_name_shape(std::string_view word) const {
    if (!all_hangul(word) || word.size() != 9 || !rules_.is_common_word(word)) return false;
    if (!rules_.is_surname(word.substr(0, 3)) || gaz_.surface_id(word)) return false;
    const std::string_view last = word.substr(6, 3);
    return people_.is_given_syllable(word.substr(3, 3)) && people_.is_given_syllable(last) &&
           !people_.is_not_name_final(last) && !people_.is_person_noun_final(last);
  }

  // The title a token is (particles stripped), with the role text; nullptr if none.
  const TitleInfo* token_title(std::string_view text, const Token& t, std::string& role) const {
    for (const std::size_t we : word_ends(text, t)) {
      const std::string_view word = text.substr(t.begin, we - t.begin);
      if (const TitleInfo* info = rules_.title(word)) {
        role = std::string(word);
        return info;
      }
    }
    return nullptr;
  }

  void person_spans(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Span>& orgs, int sentence, const std::string& field) {
    std::vector<const Span*> org_at(tokens.size(), nullptr);
    std::vector<bool> covered(tokens.size(), false);
    for (const Span& s : orgs) {
      org_at[s.first_token] = &s;
      for (std::size_t k = s.first_token; k <= s.last_token; ++k) covered[k] = true;
    }
    std::string dateline_media;
    for (const Span& s : orgs) {
      if (s.type == EntityType::media) dateline_media = s.name;
    }
    std::size_t i = 0;
    while (i < tokens.size()) {
      // NAME[·NAME...]
      std::vector<std::size_t> names;
      std::size_t j = i;
      while (j < tokens.size() && !covered[j] &&
             valid_name(text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin))) {
        if (j > i && !gap_is_name_separator(gap(text, tokens, j))) break;
        names.push_back(j);
        ++j;
      }
      // "박근혜 대통령": a famous name the everyday-word lexicon lists; the title vouches for it.
      if (names.empty() && !covered[i] && i + 1 < tokens.size() && gap_is_space(gap(text, tokens, i + 1)) &&
          listed_name_shape(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin))) {
        std::string unused;
        if (token_title(text, tokens[i + 1], unused) != nullptr) {
          names.push_back(i);
          j = i + 1;
        }
      }
      if (names.empty()) {
        title_before_name(text, tokens, covered, i, sentence, field);
        ++i;
        continue;
      }
      // [ORG] [MODIFIER...] TITLE
      std::size_t k = j;
      const Span* org = nullptr;
      std::string role;
      const TitleInfo* info = nullptr;
      if (k < tokens.size() && org_at[k] != nullptr && gap_is_space(gap(text, tokens, k))) {
        org = org_at[k];
        if (!org->head_title.empty()) {
          role = org->head_title;
          k = org->last_token + 1;
          info = &head_title_info_;
        } else {
          k = org->last_token + 1;
          if (org->word_end != org->end) org = nullptr, k = tokens.size();  // "SKT는 대표" is no title
        }
      }
      // "류원기 영남제분 회장": an organization no list knows, between a name and its title.
      Span unknown_org;
      if (org == nullptr && k + 1 < tokens.size() && !covered[k] && !covered[k + 1] &&
          gap_is_space(gap(text, tokens, k)) && gap_is_space(gap(text, tokens, k + 1)) &&
          unknown_org_word(token_text(text, tokens[k]))) {
        std::string title_role;
        const TitleInfo* t = token_title(text, tokens[k + 1], title_role);
        // Only a corporate title: before a government title such a word is mostly a foreign
        // name ("오마르 술레이만 부통령").
        if (t != nullptr && t->group == "title.corporate") {
          unknown_org.begin = tokens[k].begin;
          unknown_org.end = unknown_org.word_end = tokens[k].end;
          unknown_org.first_token = unknown_org.last_token = k;
          unknown_org.name = std::string(token_text(text, tokens[k]));
          unknown_org.type = EntityType::company;
          unknown_org.rule = "org.between_name_and_title";
          org = &unknown_org;
          ++k;
        }
      }
      std::string modifiers;
      while (info == nullptr && k < tokens.size() && gap_is_space(gap(text, tokens, k)) &&
             rules_.is_modifier(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin)) &&
             k + 1 < tokens.size()) {
        modifiers += std::string(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin)) + " ";
        ++k;
      }
      if (info == nullptr && k < tokens.size() && gap_is_space(gap(text, tokens, k)) && !covered[k]) {
        info = token_title(text, tokens[k], role);
        if (info != nullptr) role = modifiers + role;
      }
      if (info == nullptr) {
        i = j;
        continue;
      }
      if (org == &unknown_org) {
        add_mention(unknown_org.begin, unknown_org.end, field, sentence, unknown_org.name, unknown_org.type,
                    unknown_org.rule);
      }
      for (const std::size_t n : names) {
        const std::string name(text.substr(tokens[n].begin, tokens[n].end - tokens[n].begin));
        add_mention(tokens[n].begin, tokens[n].end, field, sentence, name, EntityType::person,
                    names.size() > 1 ? "person.name_list_title" : "person.name_title");
        std::string object;
        if (org != nullptr) {
          object = org->name;
        } else if (info->press) {
          object = !dateline_media.empty() ? dateline_media : publisher_name_;
        }
        if (!object.empty()) {
          relations_.push_back({name, role, object, "relation.person_title", sentence});
        }
      }
      i = k + 1;
    }
  }

  // "배우 한혜진이": an occupation word, then a name.
  void title_before_name(std::string_view text, const std::vector<Token>& tokens,
                         const std::vector<bool>& covered, std::size_t i, int sentence,
                         const std::string& field) {
    if (i + 1 >= tokens.size() || covered[i + 1] || !gap_is_space(gap(text, tokens, i + 1))) return;
    const std::string_view word = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (!rules_.is_title_before_name(word)) return;
    const Token& t = tokens[i + 1];
    // Shortest reading first: "한혜진은" is 한혜진 and a particle.
    std::vector<std::size_t> ends = word_ends(text, t);
    std::reverse(ends.begin(), ends.end());
    for (const std::size_t we : ends) {
      const std::string_view name = text.substr(t.begin, we - t.begin);
      if (valid_name(name) && utf8::length(name) >= 3) {
        add_mention(t.begin, we, field, sentence, std::string(name), EntityType::person,
                    "person.title_before_name");
        return;
      }
    }
  }

  // ---- step 4b: people without a title ------------------------------------------------------
  // Hangul syllables of a word, each as its 3-byte view (the word must be all Hangul).
  static std::vector<std::string_view> syllables(std::string_view word) {
    std::vector<std::string_view> out;
    for (std::size_t pos = 0; pos + 3 <= word.size(); pos += 3) out.push_back(word.substr(pos, 3));
    return out;
  }

  std::string_view token_text(std::string_view text, const Token& t) const {
    return text.substr(t.begin, t.end - t.begin);
  }

  // The first character after token i inside the sentence ("(" of "최운정(24)"), or "".
  static std::string_view char_after(std::string_view text, const std::vector<Token>& tokens,
                                     std::size_t i, std::size_t sentence_end) {
    const std::size_t at = tokens[i].end;
    if (at >= sentence_end) return {};
    std::size_t next = at;
    utf8::decode(text, next);
    return text.substr(at, next - at);
  }

  // Surname + two given-name syllables ("장하나", "남궁민수"): the shape of a Korean name
  // that is safe to take without a title, when no lexicon word or known name says otherwise.
  bool bare_name_shape(std::string_view word, bool strong_cue = false) const {
    if (!all_hangul(word) || !valid_name(word)) return false;
    const std::vector<std::string_view> syl = syllables(word);
    std::size_t given = 1;
    if (syl.size() == 4 && rules_.is_surname(word.substr(0, 6))) {
      given = 2;
    } else if (syl.size() != 3 || !rules_.is_surname(syl[0])) {
      return false;
    }
    if (people_.is_anonymous_marker(syl[0])) return false;  // "모군은": 모 withholds a name
    for (std::size_t k = given; k < syl.size(); ++k) {
      if (!people_.is_given_syllable(syl[k])) return false;
    }
    return strong_cue || !people_.is_not_name_final(syl.back());
  }

  static bool is_digit_byte(char c) { return c >= '0' && c <= '9'; }

  // "최운정은", "장하나를", "김재범(한국마사회), 정다운": a bare name followed by a particle,
  // a parenthesis or a list separator.
  void bare_name_spans(std::string_view text, const std::vector<Token>& tokens, std::size_t end,
                       int sentence, const std::string& field) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view word = token_text(text, tokens[i]);
      for (const std::size_t name_bytes : {std::size_t{9}, std::size_t{12}}) {
        if (word.size() < name_bytes) continue;
        const std::string_view name = word.substr(0, name_bytes);
        const std::string_view rest = word.substr(name_bytes);
        // The cheap cue first (most words have none), then the name's shape.
        const std::string_view after = rest.empty() ? char_after(text, tokens, i, end) : std::string_view{};
        const bool cue = rest.empty() ? people_.is_bare_name_follower(after) ||
                                            (i + 1 < tokens.size() && gap_is_space(gap(text, tokens, i + 1)) &&
                                             closes_list(text, tokens[i + 1]))
                                      : people_.is_bare_name_particle(rest);
        if (!cue) continue;
        // "윤길자(69·여)": an age in parentheses vouches for any given name.
        const bool age = after == "(" && i + 1 < tokens.size() && tokens[i + 1].gap_begin == tokens[i].end &&
                         is_digit_byte(text[tokens[i + 1].begin]);
        if (!bare_name_shape(name, age)) continue;
        if (!rest.empty()) {
          // "반대하|는" is a verb; "정상회|의" is 정상 + 회의.
          if (people_.is_verb_stem_final(name.substr(name.size() - 3)) && people_.is_verb_ending(rest)) continue;
          if (rest.size() == 3 && rules_.is_common_word(word.substr(name.size() - 3)) &&
              rules_.is_common_word(word.substr(0, 6))) {
            continue;
          }
        }
        add_mention(tokens[i].begin, tokens[i].begin + name.size(), field, sentence, std::string(name),
                    EntityType::person, "person.bare_name");
        break;
      }
    }
  }

  // "소속사 IOK컴퍼니", "일간지 데일리메일는", "한빛제지 관계자": a cue word announces an
  // organization no list knows.
  void cued_org_spans(std::string_view text, const std::vector<Token>& tokens, int sentence,
                      const std::string& field) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (!gap_is_space(gap(text, tokens, i + 1))) continue;
      const std::string_view cue = token_text(text, tokens[i]);
      if (const auto type = org_cues_.before(cue)) {
        // The name may carry particles ("동포투데이는", "더선과의"): the reading with the longest
        // particle chain whose first particle agrees with the name's last sound.
        const Token& t = tokens[i + 1];
        std::vector<std::size_t> ends = word_ends(text, t);
        std::reverse(ends.begin(), ends.end());  // shortest name (longest particles) first
        for (const std::size_t we : ends) {
          const std::string_view name = text.substr(t.begin, we - t.begin);
          if (!particle_agrees(name, text.substr(we, t.end - we)) || !unknown_org_word(name, false)) continue;
          add_mention(t.begin, we, field, sentence, std::string(name), *type, "org.cue_before");
          break;
        }
        continue;
      }
      for (const std::size_t we : word_ends(text, tokens[i + 1])) {
        const auto type = org_cues_.after(text.substr(tokens[i + 1].begin, we - tokens[i + 1].begin));
        if (!type || !unknown_org_word(cue)) continue;
        add_mention(tokens[i].begin, tokens[i].end, field, sentence, std::string(cue), *type, "org.cue_after");
        break;
      }
    }
  }

  // "지소연(한빛FC)", "윤석영(전남)": a word in parentheses right after a person is the team
  // or body the person plays or works for. An unknown name there is an organization
  // (org.affiliation); a known region there acts as a team (role "agent"). Ages, Chinese
  // characters, everyday words ("(가명)") and legal states ("(구속기소)") are no affiliation.
  void affiliation_spans(std::string_view text, const std::vector<Token>& tokens, int sentence,
                         const std::string& field) {
    std::vector<std::size_t> person_ends;  // this sentence's mentions are the last ones added
    for (auto it = mentions_.rbegin(); it != mentions_.rend() && it->sentence == sentence && it->field == field; ++it) {
      if (it->type == EntityType::person) person_ends.push_back(it->end);
    }
    if (person_ends.empty()) return;
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
      if (gap(text, tokens, i) != "(" || tokens[i].gap_begin != tokens[i - 1].end ||
          std::find(person_ends.begin(), person_ends.end(), tokens[i - 1].end) == person_ends.end()) {
        continue;
      }
      const std::string_view after = gap(text, tokens, i + 1);
      if (after.empty() || (after[0] != ')' && !starts_with(after, "·"))) continue;
      const std::string_view word = token_text(text, tokens[i]);
      if (RawMention* place = mention_at(field, tokens[i].begin, tokens[i].end); place != nullptr) {
        if (place->type == EntityType::place) place->role = "agent";
        continue;
      }
      // "(연애전문가)": a word for a kind of person describes the person, not a team.
      if (!unknown_org_word(word, false) || valid_name(word) || org_cues_.is_not_name(word, {}) ||
          (all_hangul(word) && people_.is_person_noun_final(word.substr(word.size() - 3)))) {
        continue;
      }
      add_mention(tokens[i].begin, tokens[i].end, field, sentence, std::string(word), EntityType::organization,
                  "org.affiliation");
    }
  }

  // The mention of `field` covering exactly [begin, end), or nullptr.
  RawMention* mention_at(const std::string& field, std::size_t begin, std::size_t end) {
    if (taken_.find({field, begin}) == taken_.end()) return nullptr;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->field == field && it->begin == begin && it->end == end) return &*it;
    }
    return nullptr;
  }

  // 이/은/을/과 follow a final consonant, 가/는/를/와 a vowel: "동포투데|이는" is no reading
  // of "동포투데이는". Other particles, and names not ending in Hangul, always agree.
  static bool particle_agrees(std::string_view name, std::string_view rest) {
    if (name.empty() || rest.size() < 3) return true;
    std::size_t pos = name.size();
    const char32_t last = utf8::decode_before(name, pos);
    if (!utf8::is_hangul_syllable(last)) return true;
    const bool consonant = utf8::jongseong(last) != 0;
    const std::string_view first = rest.substr(0, 3);
    if (first == "이" || first == "은" || first == "을" || first == "과") return consonant;
    if (first == "가" || first == "는" || first == "를" || first == "와") return !consonant;
    return true;
  }

  // "등", "등이", "외에": the word that closes a list of names.
  bool closes_list(std::string_view text, const Token& t) const {
    for (const std::size_t we : word_ends(text, t)) {
      if (people_.is_list_closing_word(text.substr(t.begin, we - t.begin))) return true;
    }
    return false;
  }

  // The honorific 씨 after a name, glued or spaced: "박지영씨의", "김모 씨", "김모(33)씨",
  // "A씨". Returns the byte where the referring name ends inside token i, or npos.
  std::size_t honorific_name_end(std::string_view text, const std::vector<Token>& tokens,
                                 std::size_t i) const {
    const Token& t = tokens[i];
    const std::string_view word = token_text(text, t);
    // Glued: NAME씨[particles], unless the word is an everyday one ending like it ("날씨가",
    // "아저씨는").
    for (std::size_t cut = 1; cut + 3 <= word.size(); ++cut) {
      if (!people_.is_honorific(word.substr(cut, 3)) || !rules_.is_particle_chain(word.substr(cut + 3))) continue;
      for (std::size_t from = cut >= 6 ? cut - 6 : 0; from < cut; from += 3) {
        if (rules_.is_common_word(word.substr(from, cut + 3 - from))) return std::string_view::npos;
      }
      return t.begin + cut;
    }
    // Spaced, or with an age in between: NAME 씨, NAME(33)씨.
    const auto starts_honorific = [&](std::size_t k) {
      const std::string_view w = token_text(text, tokens[k]);
      return w.size() >= 3 && people_.is_honorific(w.substr(0, 3)) && rules_.is_particle_chain(w.substr(3));
    };
    if (i + 1 < tokens.size() && gap_is_space(gap(text, tokens, i + 1)) && starts_honorific(i + 1)) return t.end;
    if (i + 2 < tokens.size() && gap(text, tokens, i + 1) == "(" && gap(text, tokens, i + 2) == ")" &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(tokens[i + 1].begin),
                    text.begin() + static_cast<std::ptrdiff_t>(tokens[i + 1].end),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        starts_honorific(i + 2)) {
      return t.end;
    }
    return std::string_view::npos;
  }

  // "A군은", "B양", "A(10)군": a capital letter standing for a minor's withheld name, with the
  // honorific for boys or girls (data/rules/person.json, letter_honorifics). Returns the
  // honorific, or "" when token i is no such reference.
  std::string letter_honorific(std::string_view text, const std::vector<Token>& tokens, std::size_t i) const {
    const std::string_view word = token_text(text, tokens[i]);
    if (word.empty() || word[0] < 'A' || word[0] > 'Z') return {};
    std::string_view tail = word.substr(1);
    if (tail.empty() && i + 2 < tokens.size() && gap(text, tokens, i + 1) == "(" && gap(text, tokens, i + 2) == ")" &&
        is_digit_byte(text[tokens[i + 1].begin])) {
      tail = token_text(text, tokens[i + 2]);  // "A(10)군"
    }
    if (tail.size() < 3 || !people_.is_letter_honorific(tail.substr(0, 3)) || !rules_.is_particle_chain(tail.substr(3))) {
      return {};
    }
    return std::string(tail.substr(0, 3));
  }

  // "박모 상경", "이모(41) 감독관", "박모(54·여) 교수": surname + 모 (the name withheld) and a
  // title. Returns the title (particles stripped), or "" when token i is no such reference.
  std::string withheld_name_title(std::string_view text, const std::vector<Token>& tokens, std::size_t i) const {
    const std::string_view word = token_text(text, tokens[i]);
    if (word.size() != 6 || !rules_.is_surname(word.substr(0, 3)) || !people_.is_anonymous_marker(word.substr(3))) {
      return {};
    }
    std::size_t t = i + 1;
    if (t < tokens.size() && gap(text, tokens, t) == "(" && is_digit_byte(text[tokens[t].begin])) {
      while (t < tokens.size() && gap(text, tokens, t).find(')') == std::string_view::npos) ++t;
      if (t >= tokens.size() || gap(text, tokens, t) != ") ") return {};
    } else if (t >= tokens.size() || !gap_is_space(gap(text, tokens, t))) {
      return {};
    }
    std::string role;
    if (token_title(text, tokens[t], role) == nullptr) return {};
    return role;
  }

  // Records "김" of "김씨" as a person now (so no other rule takes the word) and names it
  // once the whole article is read (resolve_short_references).
  void refer_by_surname(std::size_t begin, int sentence, bool withheld) {
    const std::string surname(article_.text.substr(begin, 3));
    add_mention(begin, begin + 3, "", sentence, surname + (withheld ? "모 씨" : " 씨"), EntityType::person,
                "person.anonymous");
    surname_references_.push_back({begin, begin + 3, sentence, surname, withheld});
  }

  void honorific_spans(std::string_view text, const std::vector<Token>& tokens, int sentence,
                       const std::string& field) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (const std::string form = letter_honorific(text, tokens, i); !form.empty()) {
        add_mention(tokens[i].begin, tokens[i].begin + 1, field, sentence, std::string(text.substr(tokens[i].begin, 1)) + " " + form,
                    EntityType::person, "person.anonymous");
        continue;
      }
      if (const std::string role = withheld_name_title(text, tokens, i); !role.empty()) {
        // "박모 상경": the surname stands for a person whose name is withheld (as in "김모 씨").
        add_mention(tokens[i].begin, tokens[i].begin + 3, field, sentence,
                    std::string(token_text(text, tokens[i])) + " " + role, EntityType::person, "person.anonymous");
        continue;
      }
      const std::size_t name_end = honorific_name_end(text, tokens, i);
      if (name_end == std::string_view::npos) continue;
      const std::size_t begin = tokens[i].begin;
      const std::string_view name = text.substr(begin, name_end - begin);
      // "A씨": a letter standing for a withheld name.
      if (name.size() == 1 && name[0] >= 'A' && name[0] <= 'Z') {
        add_mention(begin, name_end, field, sentence, std::string(name) + " 씨", EntityType::person,
                    "person.anonymous");
        continue;
      }
      if (!all_hangul(name)) continue;
      const std::vector<std::string_view> syl = syllables(name);
      // "윤 모씨": the surname is the word before.
      if (field.empty() && syl.size() == 1 && people_.is_anonymous_marker(syl[0]) && i > 0 &&
          gap_is_space(gap(text, tokens, i)) && token_text(text, tokens[i - 1]).size() == 3 &&
          rules_.is_surname(token_text(text, tokens[i - 1]))) {
        refer_by_surname(tokens[i - 1].begin, sentence, true);
        continue;
      }
      // "김씨", "김모 씨": the surname is all the text gives; resolved over the article later.
      if (field.empty() && syl.size() <= 2 && rules_.is_surname(syl[0]) &&
          (syl.size() == 1 || people_.is_anonymous_marker(syl[1]))) {
        refer_by_surname(begin, sentence, syl.size() == 2);
        continue;
      }
      const std::string w(name);
      if (valid_name(name) || (syl.size() >= 2 && syl.size() <= 5 && !rules_.is_common_word(w) &&
                               !rules_.is_stopword(w) && !gaz_.surface_id(name) && rules_.title(w) == nullptr)) {
        add_mention(begin, name_end, field, sentence, w, EntityType::person, "person.name_honorific");
      }
    }
  }

  // "치프라스 총리", "키스 알렉산더 NSA 국장": one or two words that are no Korean word
  // before a title that foreign people are named with, optionally with a known organization or
  // place between them.
  void foreign_name_spans(std::string_view text, const std::vector<Token>& tokens,
                          const std::vector<Span>& spans, int sentence, const std::string& field) {
    std::vector<bool> known(tokens.size(), false);
    for (const Span& s : spans) {
      for (std::size_t k = s.first_token; k <= s.last_token; ++k) known[k] = true;
    }
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      std::string role;
      if (!gap_is_space(gap(text, tokens, i)) || token_title(text, tokens[i], role) == nullptr ||
          !people_.is_foreign_name_title(role)) {
        continue;
      }
      std::size_t j = i;  // the word after the name
      if (known[j - 1] && j >= 2 && gap_is_space(gap(text, tokens, j - 1))) --j;  // affiliation
      std::size_t first = j;
      while (first > 0 && j - first < people_.foreign_max_tokens() && !known[first - 1] &&
             foreign_name_word(token_text(text, tokens[first - 1]), is_given_name(tokens[first - 1].begin)) &&
             (first == j || gap_is_space(gap(text, tokens, first)))) {
        --first;
      }
      if (first == j) continue;
      if (j - first > 1 && !gap_is_space(gap(text, tokens, first + 1))) continue;
      const std::size_t begin = tokens[first].begin;
      const std::size_t name_end = tokens[j - 1].end;
      add_mention(begin, name_end, field, sentence, std::string(text.substr(begin, name_end - begin)),
                  EntityType::person, "person.foreign_name_title");
    }
  }

  bool is_given_name(std::size_t begin) const {
    return std::find(given_names_.begin(), given_names_.end(), begin) != given_names_.end();
  }

  // "블라디미르 푸틴 러시아 대통령", "키스 알렉산더 NSA 국장": a place-gazetteer word (not an
  // administrative region) that opens a foreign name before a title is a given name, not a
  // place. The span is dropped so that foreign_name_spans takes the whole name.
  void drop_places_in_foreign_names(std::string_view text, const std::vector<Token>& tokens,
                                    std::vector<Span>& spans) {
    static constexpr std::string_view kPlaces = "gazetteer:places#";
    std::vector<int> span_at(tokens.size(), -1);
    for (std::size_t k = 0; k < spans.size(); ++k) {
      for (std::size_t t = spans[k].first_token; t <= spans[k].last_token; ++t) span_at[t] = static_cast<int>(k);
    }
    std::vector<bool> drop(spans.size(), false);
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      std::string role;
      if (!gap_is_space(gap(text, tokens, i)) || token_title(text, tokens[i], role) == nullptr ||
          !people_.is_foreign_name_title(role)) {
        continue;
      }
      std::size_t j = i;  // the word after the name, as in foreign_name_spans
      if (span_at[j - 1] >= 0 && j >= 2 && gap_is_space(gap(text, tokens, j - 1))) --j;
      std::size_t first = j;
      while (first > 0 && j - first < people_.foreign_max_tokens() && span_at[first - 1] < 0 &&
             foreign_name_word(token_text(text, tokens[first - 1])) && gap_is_space(gap(text, tokens, first))) {
        --first;
      }
      if (first == j || first == 0 || !gap_is_space(gap(text, tokens, first))) continue;
      const int k = span_at[first - 1];
      if (k < 0) continue;
      const Span& p = spans[static_cast<std::size_t>(k)];
      if (p.type == EntityType::place && starts_with(p.rule, kPlaces) && p.first_token == p.last_token &&
          p.word_end == p.end && p.end == tokens[first - 1].end &&
          foreign_name_word(token_text(text, tokens[first - 1]), true)) {
        drop[static_cast<std::size_t>(k)] = true;
        given_names_.push_back(tokens[first - 1].begin);
      }
    }
    std::vector<Span> out;
    for (std::size_t k = 0; k < spans.size(); ++k) {
      if (!drop[k]) out.push_back(std::move(spans[k]));
    }
    spans = std::move(out);
  }

  // A word that can be an organization's name nobody listed: letters, no everyday word, no
  // person-name shape, no particle or verb ending ("영남제분", "IOK컴퍼니").
  bool unknown_org_word(std::string_view word, bool particles_inside = true) const {
    if (!has_letter(word) || utf8::length(word) < 2 || is_digit_byte(word[0])) return false;
    const std::string_view w = word;  // RuleSet looks up string_views: no copy
    if (rules_.is_common_word(w) || rules_.is_stopword(w) || rules_.is_modifier(w) ||
        rules_.is_title_before_name(w) || rules_.title(w) != nullptr || gaz_.surface_id(word)) {
      return false;
    }
    if (all_hangul(word)) {
      const std::vector<std::string_view> syl = syllables(word);
      // "않았지", "참석한": short verb forms; "한빛제지" is long enough to be a name, but no
      // name of any length ends with a particle or an adnominal ending ("제외한", "24개국의").
      if (bare_name_shape(word) || (syl.size() <= 2 && people_.is_foreign_bad_final(syl.back())) ||
          people_.is_org_bad_final(syl.back())) {
        return false;
      }
      for (std::size_t cut = 6; particles_inside && cut < word.size(); cut += 3) {
        if (rules_.is_particle_chain(word.substr(cut))) return false;  // "외교통상부장관|을"
      }
      for (std::size_t cut = 3; cut < word.size(); cut += 3) {
        const std::string_view head = word.substr(0, cut);
        if ((rules_.is_common_word(head) || rules_.is_stopword(head)) && rules_.is_particle_chain(word.substr(cut))) {
          return false;
        }
      }
    }
    return true;
  }

  // `given_name_place`: the word may be a gazetteer place ("블라디미르" before "푸틴").
  bool foreign_name_word(std::string_view word, bool given_name_place = false) const {
    if (!all_hangul(word)) return false;
    const std::vector<std::string_view> syl = syllables(word);
    if (syl.size() < people_.foreign_min_syllables() || syl.size() > 6) return false;
    const std::string_view w = word;  // RuleSet looks up string_views: no copy
    if (rules_.is_common_word(w) || rules_.is_stopword(w) || rules_.is_modifier(w) ||
        rules_.is_title_before_name(w) || rules_.title(w) != nullptr ||
        (!given_name_place && gaz_.surface_id(word))) {
      return false;
    }
    if (people_.is_foreign_bad_final(syl.back())) return false;
    // "참석배경훈": an everyday word glued to a Korean name (a crawl that lost a line break).
    for (std::size_t cut = 6; cut + 9 <= word.size(); cut += 3) {
      if (rules_.is_common_word(word.substr(0, cut)) && valid_name(word.substr(cut))) return false;
    }
    std::size_t suffix_len = 0;
    if (rules_.org_suffix(word, &suffix_len) != nullptr) return false;  // "국민민주당", "와세다대"
    // "고위간부들이": a noun with two or more syllables of particles; a name carries none here.
    for (std::size_t cut = 6; cut + 6 <= word.size(); cut += 3) {
      if (rules_.is_particle_chain(word.substr(cut))) return false;
    }
    // "정부에", "사진으로": an everyday word and a particle.
    for (std::size_t cut = 3; cut < word.size(); cut += 3) {
      const std::string_view head = word.substr(0, cut);
      if ((rules_.is_common_word(head) || rules_.is_stopword(head)) && rules_.is_particle_chain(word.substr(cut))) {
        return false;
      }
    }
    return true;
  }

  // ---- step 5: places, products, abbreviations ---------------------------------------------
  void extend_places(std::string_view text, const std::vector<Token>& tokens,
                     std::vector<Span>& spans) const {
    for (Span& s : spans) {
      if (s.type != EntityType::place || s.word_end != s.end) continue;
      const std::size_t n = s.last_token + 1;
      if (n >= tokens.size() || !gap_is_space(gap(text, tokens, n))) continue;
      std::size_t we = 0;
      for (const std::size_t end : word_ends(text, tokens[n])) {
        if (rules_.is_place_extension(text.substr(tokens[n].begin, end - tokens[n].begin))) {
          we = end;
          break;
        }
      }
      if (we == 0) continue;
      s.name = std::string(text.substr(s.begin, we - s.begin));
      s.end = we;
      s.word_end = tokens[n].end;
      s.last_token = n;
      s.rule = "place.venue_extension";
    }
  }

  // "부산시 사하구", "미국 뉴욕": administrative regions written one after the other name one
  // place, the last one inside the first; "부산 기장경찰서": a region before an organization
  // found by its suffix is part of its name. Venues stay apart ("서울 코엑스").
  void merge_region_chains(std::string_view text, const std::vector<Token>& tokens,
                           std::vector<Span>& spans) const {
    static constexpr std::string_view kRegion = "gazetteer:regions#";
    const auto is_region = [](const Span& s) {
      return s.type == EntityType::place && (starts_with(s.rule, kRegion) || s.rule == "place.region_chain");
    };
    std::vector<Span> out;
    for (Span& s : spans) {
      if (!out.empty()) {
        Span& prev = out.back();
        const bool adjacent = is_region(prev) && prev.word_end == prev.end &&
                              s.first_token == prev.last_token + 1 && gap(text, tokens, s.first_token) == " ";
        if (adjacent && (is_region(s) || continues_foreign_chain(prev, s))) {
          prev.end = s.end;
          prev.word_end = s.word_end;
          prev.last_token = s.last_token;
          prev.head_title = s.head_title;
          prev.name = std::string(text.substr(prev.begin, prev.end - prev.begin));
          prev.rule = "place.region_chain";
          continue;
        }
        if (adjacent && !s.from_gazetteer && starts_with(s.rule, "org.suffix") &&
            places_.is_local_organization(s.name)) {
          s.begin = prev.begin;
          s.first_token = prev.first_token;
          s.name = std::string(text.substr(s.begin, s.end - s.begin));
          s.rule = "org.region_prefix";
          prev = std::move(s);
          continue;
        }
      }
      out.push_back(std::move(s));
    }
    spans = std::move(out);
    for (Span& s : spans) {
      const bool local_org = s.rule == "org.region_prefix" ||
                             (!s.from_gazetteer && starts_with(s.rule, "org.suffix") && places_.is_local_organization(s.name));
      if (is_region(s) || local_org) extend_by_region_word(text, tokens, s);
      if (!is_region(s)) continue;
      extend_by_subunit(text, tokens, spans, s);
      while (extend_by_area_word(text, tokens, spans, s)) {
      }
    }
  }

  // "경기 용인시", "경기 남양주경찰서": a short province name that is also an everyday word
  // (places.json region_prefix_words) written right before a region or a local branch is part
  // of it. Spans never cover it (it is no gazetteer name), so only the token is checked.
  void extend_by_region_word(std::string_view text, const std::vector<Token>& tokens, Span& s) const {
    const std::size_t i = s.first_token;
    if (i == 0 || s.begin != tokens[i].begin || gap(text, tokens, i) != " ") return;
    if (!places_.is_region_prefix_word(token_text(text, tokens[i - 1]))) return;
    s.begin = tokens[i - 1].begin;
    s.first_token = i - 1;
    const std::string joined(text.substr(s.begin, s.end - s.begin));
    if (!s.from_gazetteer || s.type == EntityType::place) s.name = joined;
    if (s.type == EntityType::place) s.rule = "place.region_chain";
  }

  // "강원 영서", "경북 북동 산간", "충청 이남에는": the next word names a part of the region
  // (places.json area_words); true when `s` grew.
  bool extend_by_area_word(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<Span>& spans, Span& s) const {
    const std::size_t n = s.last_token + 1;
    if (s.word_end != s.end || n >= tokens.size() || gap(text, tokens, n) != " ") return false;
    if (std::any_of(spans.begin(), spans.end(), [&](const Span& o) { return o.first_token == n; })) return false;
    for (const std::size_t we : word_ends(text, tokens[n])) {
      if (!places_.is_area_word(text.substr(tokens[n].begin, we - tokens[n].begin))) continue;
      s.end = we;
      s.word_end = tokens[n].end;
      s.last_token = n;
      s.name = std::string(text.substr(s.begin, s.end - s.begin));
      s.rule = "place.region_chain";
      return true;
    }
    return false;
  }

  // "중국 광둥성", "미국 펜실베이니아주 피츠버그": a foreign province or state from the places
  // gazetteer continues a region chain, and a city (not a venue) continues a chain that ends
  // with such a unit. "서울 코엑스" stays two places: a venue never joins.
  bool continues_foreign_chain(const Span& prev, const Span& s) const {
    static constexpr std::string_view kPlaces = "gazetteer:places#";
    if (s.type != EntityType::place || !starts_with(s.rule, kPlaces) || places_.is_venue(s.name)) return false;
    return places_.is_foreign_unit(s.name) || places_.is_foreign_unit(prev.name);
  }

  // "부산시 사하구 하단동": the next word names a sub-unit (…동, …읍) of the region before it.
  void extend_by_subunit(std::string_view text, const std::vector<Token>& tokens,
                         const std::vector<Span>& spans, Span& s) const {
    const std::size_t n = s.last_token + 1;
    if (s.word_end != s.end || n >= tokens.size() || gap(text, tokens, n) != " ") return;
    if (std::any_of(spans.begin(), spans.end(), [&](const Span& o) { return o.first_token == n; })) return;
    for (const std::size_t we : word_ends(text, tokens[n])) {
      const std::string_view word = text.substr(tokens[n].begin, we - tokens[n].begin);
      const std::size_t syllables = utf8::length(word);
      if (!all_hangul(word) || syllables < 2 || syllables > places_.subunit_max_syllables() ||
          places_.subunit_suffix(word) == 0 || rules_.is_common_word(word)) {
        continue;
      }
      s.end = we;
      s.word_end = tokens[n].end;
      s.last_token = n;
      s.name = std::string(text.substr(s.begin, s.end - s.begin));
      s.rule = "place.region_chain";
      return;
    }
  }

  // ---- step 5b: places acting as states --------------------------------------------------
  // "북한이 미사일을 발사했다", "북한의 핵실험", "한국측과": a region from the regions
  // gazetteer that is the subject of an action, speech or decision, the possessor of an
  // action noun, or a party to talks acts as a state (or a team). The span stays a place; it
  // only gets the role "agent" (data/rules/places.json, state_agents).
  void mark_state_agents(std::string_view text, const std::vector<Token>& tokens,
                         std::vector<Span>& spans) const {
    static constexpr std::string_view kRegion = "gazetteer:regions#";
    const StateAgentRules& rules = places_.state_agents();
    for (Span& s : spans) {
      if (s.type != EntityType::place || !starts_with(s.rule, kRegion) || s.word_end == s.end) continue;
      const std::string_view rest = text.substr(s.end, s.word_end - s.end);
      const bool subject = rules.subject_particles.contains(rest);
      const bool possessive = !subject && rules.possessive_particles.contains(rest);
      if (subject || possessive) {
        // The subject's predicate may come a few words later; what a possessor owns is the
        // next word, which must be the action itself ("북한의 도발", not "독일의 공격수").
        const std::size_t window = subject ? rules.window : rules.possessive_window;
        for (std::size_t k = s.last_token + 1; k < tokens.size() && k <= s.last_token + window; ++k) {
          if (subject ? rules.has_predicate(token_text(text, tokens[k])) : ends_with_predicate_noun(text, tokens[k])) {
            s.role = "agent";
            break;
          }
        }
      } else if (starts_with_side_suffix(rest)) {
        s.role = "agent";
      }
    }
  }

  // "일본 정부", "프랑스 검찰", "미국 지질조사국", "중국 신화통신": a region right before a
  // generic state body (data/rules/places.json, state_bodies) or before an organization is the
  // body's qualifier: one organization mention. A known organization keeps its canonical name
  // (the mention only widens); a generic body is named with its region ("일본 정부").
  void merge_state_bodies(std::string_view text, const std::vector<Token>& tokens,
                          std::vector<Span>& spans) const {
    static constexpr std::string_view kRegion = "gazetteer:regions#";
    std::vector<Span> out;
    for (std::size_t k = 0; k < spans.size(); ++k) {
      Span& s = spans[k];
      const bool region = s.type == EntityType::place && s.word_end == s.end &&
                          (starts_with(s.rule, kRegion) || s.rule == "place.region_chain");
      const std::size_t n = s.last_token + 1;
      if (!region || n >= tokens.size() || gap(text, tokens, n) != " ") {
        out.push_back(std::move(s));
        continue;
      }
      if (k + 1 < spans.size() && spans[k + 1].first_token == n && is_qualifiable_org(spans[k + 1])) {
        Span& org = spans[k + 1];
        org.begin = s.begin;
        org.first_token = s.first_token;
        if (!org.from_gazetteer) org.name = std::string(text.substr(org.begin, org.end - org.begin));
        org.rule = "org.country_prefix";
        continue;  // the organization follows in the next iteration
      }
      if (std::any_of(spans.begin(), spans.end(), [&](const Span& o) { return o.first_token == n; })) {
        out.push_back(std::move(s));
        continue;
      }
      for (const std::size_t we : word_ends(text, tokens[n])) {
        const auto type = places_.state_body(text.substr(tokens[n].begin, we - tokens[n].begin));
        if (!type) continue;
        s.end = we;
        s.word_end = tokens[n].end;
        s.last_token = n;
        s.type = *type;
        s.name = std::string(text.substr(s.begin, s.end - s.begin));
        s.rule = "org.state_body";
        s.from_gazetteer = false;
        break;
      }
      out.push_back(std::move(s));
    }
    spans = std::move(out);
  }

  // "세인트루이스 카디널스", "맨체스터 유나이티드": a place followed by a club nickname is a
  // sports club, one organization mention (org.sports_team); the city is not mentioned as a
  // place there. The nickname must be Hangul, no everyday word, no other name and not
  // followed by a venue word.
  void merge_sports_teams(std::string_view text, const std::vector<Token>& tokens,
                          std::vector<Span>& spans) const {
    std::vector<bool> absorbed(spans.size(), false);
    for (std::size_t k = 0; k < spans.size(); ++k) {
      Span& s = spans[k];
      const std::size_t n = s.last_token + 1;
      if (absorbed[k] || s.type != EntityType::place || s.word_end != s.end || n >= tokens.size() ||
          gap(text, tokens, n) != " ") {
        continue;
      }
      std::size_t next = spans.size();  // a span starting at the nickname's token
      for (std::size_t j = 0; j < spans.size(); ++j) {
        if (spans[j].first_token == n) next = j;
      }
      std::size_t end = 0;
      if (next < spans.size()) {
        // A listed club word wins over a gazetteer entry of the same spelling ("유나이티드").
        const Span& o = spans[next];
        if (o.last_token == n && places_.is_team_word(text.substr(o.begin, o.end - o.begin))) end = o.end;
      } else {
        end = team_nickname_end(text, tokens, n);
      }
      if (end == 0) continue;
      if (next < spans.size()) absorbed[next] = true;
      s.end = end;
      s.word_end = tokens[n].end;
      s.last_token = n;
      s.type = EntityType::organization;
      s.name = std::string(text.substr(s.begin, s.end - s.begin));
      s.rule = "org.sports_team";
      s.from_gazetteer = false;
      s.role.clear();
    }
    std::vector<Span> out;
    for (std::size_t k = 0; k < spans.size(); ++k) {
      if (!absorbed[k]) out.push_back(std::move(spans[k]));
    }
    spans = std::move(out);
  }

  // The end of a club nickname that token `n` starts with ("카디널스와" -> after "카디널스"),
  // or 0. A name before a venue word is the venue's ("서울 종로구 포시즌스 호텔").
  std::size_t team_nickname_end(std::string_view text, const std::vector<Token>& tokens, std::size_t n) const {
    for (const std::size_t we : word_ends(text, tokens[n])) {
      const std::string_view word = text.substr(tokens[n].begin, we - tokens[n].begin);
      const bool listed = places_.is_team_word(word);
      if (!listed && (!all_hangul(word) || rules_.is_common_word(word) || rules_.is_stopword(word) ||
                      !places_.has_team_nickname_ending(word))) {
        continue;
      }
      if (we == tokens[n].end && n + 1 < tokens.size() && starts_with_venue_word(text, tokens[n + 1])) return 0;
      return we;
    }
    return 0;
  }

  // "호텔에서": the token is a venue word, particles aside.
  bool starts_with_venue_word(std::string_view text, const Token& t) const {
    for (const std::size_t we : word_ends(text, t)) {
      if (places_.is_venue(text.substr(t.begin, we - t.begin))) return true;
    }
    return false;
  }

  static bool is_qualifiable_org(const Span& o) {
    return o.head_title.empty() && (o.type == EntityType::government || o.type == EntityType::organization ||
                                    o.type == EntityType::media);
  }

  // "포격", "추가도발을": a word that ends with an action noun, particles aside ("공격수"
  // does not).
  bool ends_with_predicate_noun(std::string_view text, const Token& t) const {
    const StateAgentRules& rules = places_.state_agents();
    for (const std::size_t we : word_ends(text, t)) {
      const std::string_view word = text.substr(t.begin, we - t.begin);
      for (const std::string& p : rules.predicates) {
        if (ends_with(word, p)) return true;
      }
    }
    return false;
  }

  // "측은", "측과": a side suffix and particles.
  bool starts_with_side_suffix(std::string_view rest) const {
    const StateAgentRules& rules = places_.state_agents();
    for (std::size_t cut = 3; cut <= rest.size(); cut += 3) {
      if (rules.side_suffixes.contains(rest.substr(0, cut)) && rules_.is_particle_chain(rest.substr(cut))) return true;
    }
    return false;
  }

  // The state abbreviations a word starts with ("한미일정상회담" -> 한, 미, 일; "북-중" -> 북,
  // 중): byte offsets of each syllable, and where the run ends.
  std::size_t abbreviation_run(std::string_view word, std::vector<std::size_t>& offsets) const {
    const StringIndex& abbr = places_.state_agents().abbreviations;
    std::size_t pos = 0;
    while (pos + 3 <= word.size()) {
      if (abbr.contains(word.substr(pos, 3))) {
        offsets.push_back(pos);
        pos += 3;
        continue;
      }
      // "북-중": a joiner inside the word between two abbreviations.
      std::size_t after = pos;
      utf8::decode(word, after);
      if (!offsets.empty() && offsets.back() + 3 == pos && after + 3 <= word.size() &&
          places_.state_agents().abbreviation_joiners.contains(word.substr(pos, after - pos)) &&
          abbr.contains(word.substr(after, 3))) {
        pos = after;
        continue;
      }
      break;
    }
    return offsets.empty() ? 0 : offsets.back() + 3;
  }

  // What may follow the abbreviations inside their word: nothing, particles ("남북이"), the
  // side suffix ("북측은"), or an everyday noun and particles ("한일관계는", "남북정상회담").
  bool abbreviation_rest_ok(std::string_view rest) const {
    if (rest.empty() || rules_.is_particle_chain(rest) || starts_with_side_suffix(rest)) return true;
    for (std::size_t cut = rest.size(); cut >= 3; cut -= 3) {
      if (rules_.is_common_word(rest.substr(0, cut)) && (cut == rest.size() || rules_.is_particle_chain(rest.substr(cut)))) {
        return true;
      }
    }
    return false;
  }

  // "남북 정상회담", "한미일", "북-중 교역", "한·일 관계", "북측은": one-syllable abbreviations of
  // states, two or more of different states together (or one with the side suffix), each a
  // mention of its country acting as a state.
  void state_abbreviation_spans(std::string_view text, const std::vector<Token>& tokens, int sentence,
                                const std::string& field) {
    const StateAgentRules& rules = places_.state_agents();
    if (rules.abbreviations.size() == 0) return;
    std::size_t i = 0;
    while (i < tokens.size()) {
      // The chain of words joined by "·" (each fully abbreviations but the last).
      std::vector<std::size_t> starts;  // byte offsets into the text
      std::size_t j = i;
      std::string_view rest;
      bool single_word_surface = true;
      while (j < tokens.size()) {
        const std::string_view word = token_text(text, tokens[j]);
        std::vector<std::size_t> offsets;
        const std::size_t run = abbreviation_run(word, offsets);
        if (run == 0) break;
        // "북미", "남미", "중남미": a known place written with the same syllables.
        if (j == i && offsets.size() > 1 && gaz_.surface_id(word.substr(0, run))) break;
        // "영국 매체 미러": a name a cue word announces, not two states.
        if (j == i && i > 0 && org_cues_.before(token_text(text, tokens[i - 1]))) break;
        for (const std::size_t o : offsets) starts.push_back(tokens[j].begin + o);
        rest = word.substr(run);
        ++j;
        if (!rest.empty() || j >= tokens.size() || !rules.abbreviation_joiners.contains(gap(text, tokens, j))) break;
        single_word_surface = false;
      }
      const bool side = starts.size() == 1 && single_word_surface && starts_with_side_suffix(rest);
      if (j == i || (starts.size() < 2 && !side) || !abbreviation_rest_ok(rest) || !distinct_states(text, starts)) {
        i = std::max(j, i + 1);
        continue;
      }
      for (const std::size_t b : starts) {
        const std::string syllable(text.substr(b, 3));
        add_mention(b, b + 3, field, sentence, state_name(syllable), EntityType::place,
                    "place.state_abbreviation", "agent");
      }
      i = j;
    }
  }

  // The canonical place an abbreviation stands for ("북" -> "북한").
  std::string state_name(std::string_view syllable) const {
    const StateAgentRules& rules = places_.state_agents();
    const std::string& surface = rules.abbreviation_places[rules.abbreviations.find(syllable)];
    if (const auto id = gaz_.surface_id(surface)) {
      if (const GazetteerEntry* e = gaz_.resolve(*id, date_)) return e->name;
    }
    return surface;
  }

  // "한남", "남한": abbreviations of one state are no pair of states.
  bool distinct_states(std::string_view text, const std::vector<std::size_t>& starts) const {
    for (std::size_t a = 0; a < starts.size(); ++a) {
      for (std::size_t b = a + 1; b < starts.size(); ++b) {
        if (state_name(text.substr(starts[a], 3)) == state_name(text.substr(starts[b], 3))) return false;
      }
    }
    return true;
  }

  // "중국인", "한국인들": a word for a country's people, not the country; "고양이": an
  // everyday word that starts with a place name.
  void drop_nationality_words(std::string_view text, std::vector<Span>& spans) const {
    spans.erase(std::remove_if(spans.begin(), spans.end(),
                               [&](const Span& s) {
                                 if (s.type != EntityType::place || s.word_end == s.end) return false;
                                 const std::string_view rest = text.substr(s.end, s.word_end - s.end);
                                 const std::string_view suffix = places_.nationality_prefix(rest);
                                 if (!suffix.empty() && rules_.is_particle_chain(rest.substr(suffix.size()))) {
                                   return true;
                                 }
                                 return continues_into_common_word(text, s);
                               }),
                spans.end());
  }

  // "고양이와": the place name (고양) and what follows it form an everyday word, particles
  // aside; the place is not mentioned.
  bool continues_into_common_word(std::string_view text, const Span& s) const {
    for (std::size_t cut = s.end + 1; cut < s.word_end; ++cut) {
      if ((static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) continue;  // inside a character
      const std::string_view rest = text.substr(cut, s.word_end - cut);
      if (rules_.is_common_word(text.substr(s.begin, cut - s.begin)) && rules_.is_particle_chain(rest)) return true;
    }
    return rules_.is_common_word(text.substr(s.begin, s.word_end - s.begin));
  }

  void product_spans(std::string_view text, std::size_t begin, std::size_t end,
                     const std::vector<Token>& tokens, const std::vector<Span>& spans, int sentence,
                     const std::string& field) {
    std::size_t pos = begin;
    while (pos < end) {
      std::size_t open_end = pos;
      const char32_t c = utf8::decode(text, open_end);
      char32_t close = 0;
      if (c == '\'') close = '\'';
      if (c == U'\u2018') close = U'\u2019';
      if (close == 0) {
        pos = open_end;
        continue;
      }
      std::size_t q = open_end;
      std::size_t close_begin = std::string_view::npos;
      while (q < end) {
        const std::size_t at = q;
        if (utf8::decode(text, q) == close) {
          close_begin = at;
          break;
        }
      }
      if (close_begin == std::string_view::npos) return;
      product_candidate(text, open_end, close_begin, q, tokens, spans, sentence, field);
      pos = q;
    }
  }

  void product_candidate(std::string_view text, std::size_t inner_begin, std::size_t inner_end,
                         std::size_t after_close, const std::vector<Token>& tokens,
                         const std::vector<Span>& spans, int sentence, const std::string& field) {
    std::string_view inner = text.substr(inner_begin, inner_end - inner_begin);
    if (inner.empty() || utf8::length(inner) > rules_.max_quoted_product_chars()) return;
    // The nearest entity before the quote that is a topic or subject must be a company.
    const Span* topic = nullptr;
    for (const Span& s : spans) {
      if (s.end > inner_begin) break;
      const std::string_view rest = text.substr(s.end, s.word_end - s.end);
      if (rest == "는" || rest == "은" || rest == "가" || rest == "이" || rest == "도") topic = &s;
    }
    if (topic == nullptr || topic->type != EntityType::company) return;
    // A cue word right before the quote, or a product verb right after it.
    bool cue = false;
    std::size_t before = tokens.size();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].end <= inner_begin) before = i;
    }
    if (before < tokens.size()) {
      const std::string_view w = text.substr(tokens[before].begin, tokens[before].end - tokens[before].begin);
      cue = rules_.is_product_cue(w) && inner_begin - tokens[before].end <= 2;
    }
    if (!cue) {
      for (const Token& t : tokens) {
        if (t.begin < after_close) continue;
        // Skip the particle glued to the closing quote ("'솔라'를 바탕으로").
        const std::string_view w = text.substr(t.begin, t.end - t.begin);
        if (t.begin == after_close) {
          if (rules_.is_particle_chain(w)) continue;
          break;
        }
        cue = rules_.starts_with_product_verb(w);
        break;
      }
    }
    if (!cue) return;
    // "솔라(SOLAR)": the name and its parenthesized other spelling.
    std::string_view alias;
    std::size_t alias_begin = 0;
    if (const std::size_t p = inner.find('('); p != std::string_view::npos && inner.back() == ')') {
      alias = inner.substr(p + 1, inner.size() - p - 2);
      alias_begin = inner_begin + p + 1;
      inner = inner.substr(0, p);
    }
    while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
    if (inner.empty() || !has_letter(inner) || rules_.is_stopword(inner) ||
        std::count(inner.begin(), inner.end(), ' ') > 2) {
      return;
    }
    const std::string name(inner);
    // The quoted name as a whole beats a shorter known name inside it ('갤럭시 Z10').
    const std::size_t inner_end_byte = inner_begin + inner.size();
    mentions_.erase(std::remove_if(mentions_.begin(), mentions_.end(), [&](const RawMention& m) {
                      const bool inside = m.field == field && m.begin >= inner_begin &&
                                          m.end <= inner_end_byte && m.end - m.begin < inner.size();
                      if (inside) taken_.erase({m.field, m.begin});
                      return inside;
                    }),
                    mentions_.end());
    add_mention(inner_begin, inner_end_byte, field, sentence, name, EntityType::product,
                "product.quoted_after_company");
    if (!alias.empty() && has_letter(alias) && alias.find(' ') == std::string_view::npos) {
      add_mention(alias_begin, alias_begin + alias.size(), field, sentence, name,
                  EntityType::product, "alias.parenthesized");
    }
  }

  // "정보통신산업진흥원(NIPA)": the parenthesized short form is an alias from here on.
  void parenthesized_aliases(std::string_view text, const std::vector<Token>& tokens,
                             const std::vector<Span>& spans, int sentence, const std::string& field) {
    for (const Span& s : spans) {
      if (s.word_end != s.end || s.end >= text.size() || text[s.end] != '(') continue;
      const std::size_t close = text.find(')', s.end);
      if (close == std::string_view::npos || close - s.end > 40) continue;
      const std::string_view inner = text.substr(s.end + 1, close - s.end - 1);
      const bool single_token = std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
        return t.begin == s.end + 1 && t.end == close;
      });
      if (!single_token || inner == s.name || rules_.is_stopword(inner) ||
          rules_.is_common_word(inner)) {
        continue;
      }
      if (!all_latin_upper(inner) && !(all_hangul(inner) && utf8::length(inner) <= 6)) continue;
      add_mention(s.end + 1, close, field, sentence, s.name, s.type, "alias.parenthesized");
      article_aliases_[std::string(inner)] = {s.name, s.type};
    }
  }

  // ---- per sentence ---------------------------------------------------------------------
  void recognize_sentence(std::string_view text, const std::vector<Token>& tokens,
                          std::size_t begin, std::size_t end, int sentence, const std::string& field) {
    given_names_.clear();
    std::vector<Span> gazetteer;
    gazetteer_spans(text, tokens, begin, end, gazetteer);
    article_alias_spans(text, tokens, gazetteer);
    std::vector<Span> all = gazetteer;
    suffix_spans(text, tokens, gazetteer, all);
    std::vector<Span> spans = resolve_overlaps(std::move(all));
    drop_nationality_words(text, spans);
    extend_places(text, tokens, spans);
    merge_region_chains(text, tokens, spans);
    merge_state_bodies(text, tokens, spans);
    merge_sports_teams(text, tokens, spans);
    mark_state_agents(text, tokens, spans);
    drop_places_in_foreign_names(text, tokens, spans);
    for (const Span& s : spans) {
      add_mention(s.begin, s.end, field, sentence, s.name, s.type, s.rule, s.role);
    }
    state_abbreviation_spans(text, tokens, sentence, field);
    honorific_spans(text, tokens, sentence, field);
    person_spans(text, tokens, spans, sentence, field);
    foreign_name_spans(text, tokens, spans, sentence, field);
    bare_name_spans(text, tokens, end, sentence, field);
    cued_org_spans(text, tokens, sentence, field);
    affiliation_spans(text, tokens, sentence, field);
    if (field.empty()) {
      product_spans(text, begin, end, tokens, spans, sentence, field);
      parenthesized_aliases(text, tokens, spans, sentence, field);
    }
  }

  // Abbreviations defined earlier in the article match like gazetteer entries.
  void article_alias_spans(std::string_view text, const std::vector<Token>& tokens,
                           std::vector<Span>& spans) const {
    if (article_aliases_.empty()) return;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      for (const std::size_t we : word_ends(text, tokens[i])) {
        const auto it = article_aliases_.find(std::string(text.substr(tokens[i].begin, we - tokens[i].begin)));
        if (it == article_aliases_.end()) continue;
        Span s;
        s.begin = tokens[i].begin;
        s.end = we;
        s.first_token = s.last_token = i;
        s.word_end = tokens[i].end;
        s.name = it->second.first;
        s.type = it->second.second;
        s.rule = "alias.article";
        s.from_gazetteer = true;
        spans.push_back(std::move(s));
        break;
      }
    }
  }

  void recognize_metadata() {
    if (!article_.publisher.empty()) {
      std::string name = article_.publisher;
      EntityType type = EntityType::media;
      if (const auto id = gaz_.surface_id(article_.publisher)) {
        if (const GazetteerEntry* e = gaz_.resolve(*id, date_)) name = e->name;
      }
      publisher_name_ = name;
      add_mention(0, article_.publisher.size(), "publisher", -1, name, type, "metadata.publisher");
    }
    if (!article_.author.empty()) {
      const std::vector<Token> tokens = tokenize(article_.author, 0, article_.author.size());
      remember_word_ends(article_.author, tokens);
      recognize_sentence(article_.author, tokens, 0, article_.author.size(), -1, "author");
    }
  }

  // ---- whole article ----------------------------------------------------------------------
  // "배 부총리": a surname and a title refer to the one person of the article with that
  // surname; nothing is guessed when there are several, and with none the reference is an
  // anonymised person ("박 경사"). "조씨" likewise names the one 조 of the article.
  void resolve_short_references(const std::vector<std::vector<Token>>& words) {
    std::map<std::string, std::vector<std::string>> by_surname;
    for (const RawMention& m : mentions_) {
      if (m.type != EntityType::person || m.rule == "person.anonymous") continue;
      auto& names = by_surname[m.name.substr(0, 3)];
      if (std::find(names.begin(), names.end(), m.name) == names.end()) names.push_back(m.name);
    }
    // "조 씨" names the one 조 of the article; "김모 씨" withholds the name on purpose.
    for (const SurnameReference& r : surname_references_) {
      const auto it = by_surname.find(r.surname);
      if (r.withheld || it == by_surname.end() || it->second.size() != 1) continue;
      for (RawMention& m : mentions_) {
        if (m.field.empty() && m.begin == r.begin && m.rule == "person.anonymous") {
          m.name = it->second.front();
          m.rule = "person.surname_honorific";
        }
      }
    }
    const std::string_view text = article_.text;
    for (std::size_t si = 0; si < words.size(); ++si) {
      for (std::size_t i = 0; i + 1 < words[si].size(); ++i) {
        surname_title_reference(text, words[si], i, static_cast<int>(si), by_surname);
      }
    }
  }

  // Token i as a surname (or a capital letter) before [MODIFIER...] TITLE: "배 부총리" resolves
  // to the one 배 of the article; "박 경사" with no such full name is an anonymised person;
  // "A 경장" stands for a withheld name.
  void surname_title_reference(std::string_view text, const std::vector<Token>& tokens, std::size_t i, int sentence,
                               const std::map<std::string, std::vector<std::string>>& by_surname) {
    const std::string_view surname = token_text(text, tokens[i]);
    const bool letter = surname.size() == 1 && surname[0] >= 'A' && surname[0] <= 'Z';
    if (!letter && surname.size() != 3 && surname.size() != 6) return;  // "배", "남궁"
    if (!gap_is_space(gap(text, tokens, i + 1)) || !(letter || rules_.is_surname(surname))) return;
    // "박 전 차관": modifiers between the surname and the title.
    std::size_t t = i + 1;
    while (t + 1 < tokens.size() && rules_.is_modifier(token_text(text, tokens[t])) &&
           gap_is_space(gap(text, tokens, t + 1))) {
      ++t;
    }
    std::string role;
    if (token_title(text, tokens[t], role) == nullptr) return;
    const std::size_t title_end = tokens[t].begin + role.size();
    if (letter) {
      // A letter names nobody on its own, so the title stays in the mention.
      add_mention(tokens[i].begin, title_end, "", sentence, std::string(surname) + " " + role, EntityType::person,
                  "person.anonymous");
      return;
    }
    const auto it = by_surname.find(std::string(surname));
    if (it != by_surname.end()) {
      if (it->second.size() != 1 || surname.size() != 3) return;  // several: no guess
      // The referring expression is the surname with its title ("배 부총리"), as the seeds'
      // answer key names it.
      add_mention(tokens[i].begin, title_end, "", sentence, it->second.front(), EntityType::person,
                  "person.surname_title");
      return;
    }
    // No full name to resolve to: an anonymised person named by surname and title, like
    // "김 씨", whose mention is the surname. "전 대통령" is a former president: syllables that
    // are mostly prefixes are excluded, unless a modifier follows ("전 전 대통령").
    if (people_.is_not_title_surname(surname) && t == i + 1) return;
    add_mention(tokens[i].begin, tokens[i].end, "", sentence, std::string(surname) + " " + role, EntityType::person,
                "person.surname_title_anonymous");
  }

  // A person found once by a rule is the same person wherever the full name recurs.
  void find_repeated_names(const std::vector<std::vector<Token>>& words) {
    std::vector<std::string> names;
    for (const RawMention& m : mentions_) {
      if (m.type == EntityType::person &&
          std::find(names.begin(), names.end(), m.name) == names.end()) {
        names.push_back(m.name);
      }
    }
    if (names.empty()) return;
    const std::string_view text = article_.text;
    for (std::size_t si = 0; si < words.size(); ++si) {
      const std::vector<Token>& tokens = words[si];
      for (const Token& t : tokens) {
        for (const std::size_t we : word_ends(text, t)) {
          const std::string word(text.substr(t.begin, we - t.begin));
          if (std::find(names.begin(), names.end(), word) == names.end()) continue;
          add_mention(t.begin, we, "", static_cast<int>(si), word, EntityType::person,
                      "person.repeated_name");
          break;
        }
      }
    }
  }

  void add_mention(std::size_t begin, std::size_t end, const std::string& field, int sentence,
                   std::string name, EntityType type, std::string rule, std::string role = {}) {
    // First finder wins. Accepted mentions of one field never overlap, so only the one that
    // starts last before `end` can overlap [begin, end): a map lookup instead of a scan of
    // every mention so far (that scan made long articles quadratic).
    const auto next = taken_.lower_bound({field, end});
    if (next != taken_.begin()) {
      const auto prev = std::prev(next);
      if (prev->first.first == field && prev->second > begin) return;
    }
    taken_.emplace(std::make_pair(field, begin), end);
    mentions_.push_back({begin, end, field, sentence, std::move(name), type, std::move(rule), std::move(role)});
  }

  void build_output(Extraction& out) {
    const utf8::CodePointIndex text_index(article_.text);
    const utf8::CodePointIndex publisher_index(article_.publisher);
    const utf8::CodePointIndex author_index(article_.author);
    std::stable_sort(mentions_.begin(), mentions_.end(), [](const RawMention& a, const RawMention& b) {
      const int fa = a.field.empty() ? 1 : 0;
      const int fb = b.field.empty() ? 1 : 0;
      return fa != fb ? fa < fb : a.begin < b.begin;
    });
    std::map<std::pair<std::string, EntityType>, std::size_t> index;
    for (const RawMention& m : mentions_) {
      const auto key = std::make_pair(m.name, m.type);
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, out.entities.size()).first;
        out.entities.push_back(Entity{m.name, m.type, {}});
      }
      const std::string& field_text = m.field.empty()       ? article_.text
                                      : m.field == "author" ? article_.author
                                                            : article_.publisher;
      const utf8::CodePointIndex& cpi = m.field.empty()       ? text_index
                                        : m.field == "author" ? author_index
                                                              : publisher_index;
      Mention mention;
      mention.start = cpi.to_cp(m.begin);
      mention.end = cpi.to_cp(m.end);
      mention.text = field_text.substr(m.begin, m.end - m.begin);
      mention.rule = m.rule;
      mention.field = m.field;
      mention.sentence = m.sentence;
      mention.role = m.role;
      out.entities[it->second].mentions.push_back(std::move(mention));
    }
    for (RawRelation& r : relations_) {
      const bool dup = std::any_of(out.relations.begin(), out.relations.end(), [&](const Relation& x) {
        return x.subject == r.subject && x.role == r.role && x.object == r.object;
      });
      if (!dup) out.relations.push_back({r.subject, r.role, r.object, r.rule, r.sentence});
    }
  }

  const Gazetteer& gaz_;
  const RuleSet& rules_;
  const PersonRules& people_;
  const PlaceRules& places_;
  const OrgCues& org_cues_;
  const Article& article_;
  std::optional<CivilDate> date_;
  std::string publisher_name_;
  std::vector<RawMention> mentions_;
  // Byte offsets (in the current field) of place words taken as given names, this sentence.
  std::vector<std::size_t> given_names_;
  // (field, begin) -> end of every mention in mentions_, for add_mention's overlap test.
  std::map<std::pair<std::string, std::size_t>, std::size_t> taken_;
  std::vector<RawRelation> relations_;
  std::vector<SurnameReference> surname_references_;
  std::vector<WordEnds> word_ends_;  // the article text's words, then the author line's
  mutable std::deque<std::vector<std::size_t>> uncached_word_ends_;
  std::unordered_map<std::string, std::pair<std::string, EntityType>> article_aliases_;
  TitleInfo head_title_info_{"title.org_head", false, false};
};

}  // namespace

Recognizer::Recognizer(const Gazetteer& gazetteer, const RuleSet& rules, const PersonRules& people,
                       const PlaceRules& places, const OrgCues& org_cues)
    : gazetteer_(gazetteer), rules_(rules), people_(people), places_(places), org_cues_(org_cues) {}

void Recognizer::recognize(const Article& article, const std::vector<ByteSpan>& sentences,
                           Extraction& out) const {
  ArticleRecognizer(gazetteer_, rules_, people_, places_, org_cues_, article).run(sentences, out);
}

}  // namespace sillok
