// The tables of the person rules that need no title (data/rules/person.json): bare Korean
// names ("장하나를"), names with the honorific 씨 ("박지영씨"), anonymised references
// ("김모(33)씨", "A씨") and foreign names right before a title ("치프라스 총리").
// The recognizer applies them; this class only answers questions about words.
#pragma once

#include <string>
#include <string_view>

#include "extract/data_file.h"

namespace sillok {

class PersonRules {
 public:
  // Reads `data_dir`/rules/person.json. Throws DataError naming the file and the problem.
  static PersonRules load(const std::string& data_dir);

  // A syllable Korean given names commonly use ("민", "준"); one syllable, NFC.
  bool is_given_syllable(std::string_view s) const { return given_.contains(s); }
  // A syllable that ends nouns far more often than names ("…자", "…율": 연행자, 마진율).
  bool is_not_name_final(std::string_view s) const { return not_final_.contains(s); }
  // Last syllables of nouns for kinds of people ("한국인", "전문가"): such a word is no name
  // even before a title.
  bool is_person_noun_final(std::string_view s) const { return person_noun_final_.contains(s); }
  // "반대하|는": a verb stem's last syllable and the ending that follows it.
  bool is_verb_stem_final(std::string_view s) const { return verb_stem_final_.contains(s); }
  bool is_verb_ending(std::string_view s) const { return verb_endings_.contains(s); }
  // What may follow a bare name inside its word ("장하나|를").
  bool is_bare_name_particle(std::string_view s) const { return bare_particles_.contains(s); }
  // A character right after a bare name that marks it ("최운정(24)", "김재범, 정다운").
  bool is_bare_name_follower(std::string_view s) const { return followers_.contains(s); }
  // A word closing a list of names ("…, 한소윤 등"), particles excluded.
  bool is_list_closing_word(std::string_view s) const { return list_closers_.contains(s); }
  bool is_honorific(std::string_view s) const { return honorifics_.contains(s); }
  // "모" of "김모 씨": the given name withheld.
  bool is_anonymous_marker(std::string_view s) const { return anonymous_.contains(s); }
  // Surnames that before a title are mostly a prefix ("전 대통령": former president, "현
  // 회장"): no anonymised person is made of them.
  bool is_not_title_surname(std::string_view s) const { return not_title_surnames_.contains(s); }
  // Titles after which a name that is not Korean-shaped is still a person ("아베 총리").
  // A title counts with any prefix ("국방장관" ends with "장관").
  bool is_foreign_name_title(std::string_view role) const;
  // Last syllables that make a word a verb or particle form, never a foreign name ("참석한").
  bool is_foreign_bad_final(std::string_view s) const { return foreign_bad_final_.contains(s); }
  // Last syllables no organization name ends with: particles and adnominal endings ("제외한").
  bool is_org_bad_final(std::string_view s) const { return org_bad_final_.contains(s); }
  // "심각한", "지명된": adnominal endings, which end names too rarely to keep.
  bool is_adnominal_final(std::string_view s) const { return adnominal_final_.contains(s); }
  // "전했다", "인용해", "한다고": final verb endings, which no name of any length ends with.
  bool is_verb_final(std::string_view s) const { return verb_final_.contains(s); }
  // "군", "양" of "A군", "B양": honorifics after a capital letter standing for a minor's name.
  bool is_letter_honorific(std::string_view s) const { return letter_honorifics_.contains(s); }
  std::size_t foreign_min_syllables() const { return foreign_min_syllables_; }
  std::size_t foreign_max_tokens() const { return foreign_max_tokens_; }

 private:
  // Tables looked up for every word: StringIndex finds a string_view without a copy.
  StringIndex given_, not_final_, person_noun_final_, verb_stem_final_, verb_endings_, bare_particles_,
      followers_, list_closers_, honorifics_, anonymous_, foreign_titles_, foreign_bad_final_,
      org_bad_final_, adnominal_final_, not_title_surnames_, verb_final_, letter_honorifics_;
  std::size_t foreign_min_syllables_ = 2;
  std::size_t foreign_max_tokens_ = 2;
};

}  // namespace sillok
