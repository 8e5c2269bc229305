// Named-entity recognition for Korean news: gazetteer matching plus explainable rules.
//
// Per sentence, in this order (each step sees what the earlier ones found):
//  1. gazetteer surfaces (one Aho–Corasick pass), kept only at word boundaries and when what
//     follows inside the word is a particle chain ("네이버클라우드|를"), or an organization's
//     head title ("LG AI연구원|장");
//  2. organizations by suffix ("국가AI전략위원회", "한국개발연구원"), extended to the left by
//     a company or Latin name ("LG" + "AI연구원");
//  3. overlaps resolved leftmost-longest;
//  4. people: NAME[·NAME…] [ORG] [MODIFIER…] TITLE, TITLE-BEFORE-NAME ("배우 한혜진"),
//     yielding relations person —title→ organization, and reporter —기자→ media;
//  5. places extended by a venue word ("코엑스 오디토리움"), region chains, a region before a
//     generic state body as one organization ("일본 정부"), places acting as states marked with
//     the mention role "agent" ("북한이 … 발사했다", "남북 정상회담": the entity stays the
//     place), products in quotes after a company ("'하이퍼클로바X'를 공개"), abbreviations
//     defined in parentheses;
// then, over the whole article: short references ("배 부총리" -> 배경훈; with no full name an
// anonymised person "박 경사" whose mention is the surname) and repeated names.
// Every mention records the rule or gazetteer entry that produced it.
#pragma once

#include <string>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/org_cues.h"
#include "extract/person_rules.h"
#include "extract/place_rules.h"
#include "extract/rules.h"
#include "extract/segment.h"
#include "extract/types.h"

namespace sillok {

class Recognizer {
 public:
  // All must outlive the recognizer. The gazetteer must be built.
  Recognizer(const Gazetteer& gazetteer, const RuleSet& rules, const PersonRules& people,
             const PlaceRules& places, const OrgCues& org_cues);

  // Fills out.entities and out.relations for `article`, whose sentences (byte spans of
  // article.text) are given. Also recognizes the publisher and the author byline.
  // Thread-safe: keeps no state between calls.
  void recognize(const Article& article, const std::vector<ByteSpan>& sentences,
                 Extraction& out) const;

 private:
  const Gazetteer& gazetteer_;
  const RuleSet& rules_;
  const PersonRules& people_;
  const PlaceRules& places_;
  const OrgCues& org_cues_;
};

}  // namespace sillok
