// Tests for the person and place rules that need no title or gazetteer entry
// (data/rules/person.json, data/rules/places.json): bare names, the honorific 씨 and
// anonymised references, foreign names before a title, unknown organizations between a name
// and its title, region chains and nationality words. Every sentence was written for these
// tests; none comes from an evaluation set or the seeds.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/data_file.h"
#include "extract/person_rules.h"
#include "extract/pipeline.h"
#include "extract/place_rules.h"
#include "tests/extract/extractor_fixture.h"
#include "tests/test_util.h"

namespace {

using sillok::Entity;
using sillok::EntityType;
using sillok::Extraction;

Extraction run(const std::string& text) {
  sillok::Article a;
  a.id = "names";
  a.text = text;
  a.published_at = sillok::parse_timestamp("2024-05-02 10:00");
  return sillok::test::shared_extractor().extract(a);
}

using sillok::test::describe;

const Entity* find(const Extraction& x, const std::string& name, EntityType type) {
  for (const Entity& e : x.entities) {
    if (e.name == name && e.type == type) return &e;
  }
  return nullptr;
}

int count_type(const Extraction& x, EntityType type) {
  int n = 0;
  for (const Entity& e : x.entities) n += e.type == type;
  return n;
}

// The rule of the first mention whose surface is `surface`, or "".
std::string rule_of(const Extraction& x, const std::string& surface) {
  for (const Entity& e : x.entities) {
    for (const auto& m : e.mentions) {
      if (m.text == surface) return m.rule;
    }
  }
  return "";
}

}  // namespace

TEST_CASE("names: a bare Korean name before a particle, a parenthesis or a list separator",
          "[extract][names]") {
  const Extraction x = run("결승에서 최민준은 두 골을 넣었고 박서연이 도움을 기록했다. "
                           "시상식에는 윤태호(한빛고), 강지우, 한소윤 등이 나왔다.");
  INFO(describe(x));
  for (const char* name : {"최민준", "박서연", "윤태호", "강지우"}) {
    INFO(name);
    const Entity* e = find(x, name, EntityType::person);
    REQUIRE(e != nullptr);
    CHECK(e->mentions.front().text == name);  // the particle is not part of the mention
    CHECK(e->mentions.front().rule == "person.bare_name");
  }
  // "한소윤 등": the list goes on to its closing word.
  CHECK(find(x, "한소윤", EntityType::person) != nullptr);
}

TEST_CASE("names: an age in parentheses vouches for a name ending like a noun",
          "[extract][names]") {
  // 자 ends nouns (연구자) far more often than names, but not before an age.
  const Extraction x = run("피해자 윤순자(72)는 경찰에 신고했다.");
  INFO(describe(x));
  CHECK(find(x, "윤순자", EntityType::person) != nullptr);
  const Extraction y = run("이 분야 신진연구자는 많지 않다.");
  INFO(describe(y));
  CHECK(count_type(y, EntityType::person) == 0);
}

TEST_CASE("names: everyday words shaped like names are not people", "[extract][names]") {
  for (const char* text : {"전문가들은 반대하는 의견을 냈다.", "정상회의에서 합의문을 채택했다.",
                           "날씨가 좋아 아저씨는 산책을 했다.", "이번에 선보인 제품은 인기가 높다.",
                           "지난해 100여만원을 기부했다.", "이들은 주장하는 바를 굽히지 않았다."}) {
    const Extraction x = run(text);
    INFO(text << " -> " << describe(x));
    CHECK(count_type(x, EntityType::person) == 0);
  }
}

TEST_CASE("names: verb forms and compounds before a title are not names", "[extract][names]") {
  for (const char* text : {"새로 지명된 장관은 취임했다.", "심각한 대표는 없었다.", "공립학교 교사는 말했다.", "국내 최대급 대표 행사다.",
                           "홍보하는 위원장이 나섰다."}) {
    const Extraction x = run(text);
    INFO(text << " -> " << describe(x));
    CHECK(count_type(x, EntityType::person) == 0);
  }
  // A name that starts with an everyday word ("정예") is still a name.
  const Extraction y = run("정예린 기자는 현장에 있었다.");
  INFO(describe(y));
  CHECK(find(y, "정예린", EntityType::person) != nullptr);
}

TEST_CASE("names: the honorific 씨 and anonymised references", "[extract][names]") {
  const Extraction x = run("경찰은 김모(41)씨를 입건했다. 함께 있던 A씨는 풀려났다. "
                           "박지훈씨의 진술도 들었다.");
  INFO(describe(x));
  // "김모 씨" withholds the name: the mention is the surname, the entity says so.
  const Entity* kim = find(x, "김모 씨", EntityType::person);
  REQUIRE(kim != nullptr);
  CHECK(kim->mentions.front().text == "김");
  CHECK(kim->mentions.front().rule == "person.anonymous");
  const Entity* a = find(x, "A 씨", EntityType::person);
  REQUIRE(a != nullptr);
  CHECK(a->mentions.front().text == "A");
  const Entity* park = find(x, "박지훈", EntityType::person);
  REQUIRE(park != nullptr);
  CHECK(park->mentions.front().text == "박지훈");  // 씨 is not part of the name
}

TEST_CASE("names: 'X 씨' names the one person of the article with that surname",
          "[extract][names]") {
  const Extraction one = run("제빵사 조현우(35)씨가 가게를 열었다. 조씨는 오전 6시에 문을 연다.");
  INFO(describe(one));
  const Entity* cho = find(one, "조현우", EntityType::person);
  REQUIRE(cho != nullptr);
  CHECK(rule_of(one, "조") == "person.surname_honorific");
  // Two people named 조: the reference stays anonymous rather than guessed.
  const Extraction two = run("조현우(35)씨와 조민아(31)씨가 가게를 열었다. 조씨는 오전 6시에 문을 연다.");
  INFO(describe(two));
  CHECK(find(two, "조 씨", EntityType::person) != nullptr);
}

TEST_CASE("names: foreign names right before a title", "[extract][names]") {
  const Extraction x = run("세르게이 쇼이구 러시아 국방장관은 이날 회견을 열었다. "
                           "올라프 숄츠 총리는 다음 날 답했다.");
  INFO(describe(x));
  CHECK(find(x, "세르게이 쇼이구", EntityType::person) != nullptr);
  CHECK(find(x, "올라프 숄츠", EntityType::person) != nullptr);
  CHECK(rule_of(x, "올라프 숄츠") == "person.foreign_name_title");
  // Verb forms and organizations before a title are not names.
  for (const char* text : {"회의에 참석한 장관은 말을 아꼈다.", "국민민주당 대표는 사퇴했다.",
                           "고위간부들이 감독을 만났다.", "행사에 1000여명 참석김민재 장관이 축사를 했다."}) {
    const Extraction y = run(text);
    INFO(text << " -> " << describe(y));
    CHECK(count_type(y, EntityType::person) == 0);
  }
}

TEST_CASE("names: an unknown organization between a name and a corporate title",
          "[extract][names]") {
  const Extraction x = run("김도현 한빛제지 회장은 투자 계획을 밝혔다.");
  INFO(describe(x));
  CHECK(find(x, "김도현", EntityType::person) != nullptr);
  const Entity* org = find(x, "한빛제지", EntityType::company);
  REQUIRE(org != nullptr);
  CHECK(org->mentions.front().rule == "org.between_name_and_title");
  bool relation = false;
  for (const auto& r : x.relations) relation |= r.subject == "김도현" && r.object == "한빛제지" && r.role == "회장";
  CHECK(relation);
}

TEST_CASE("places: administrative regions in a row are one place", "[extract][places]") {
  const Extraction x = run("사고는 부산시 해운대구 좌동에서 났고 미국 뉴욕에서도 보도됐다.");
  INFO(describe(x));
  CHECK(find(x, "부산시 해운대구 좌동", EntityType::place) != nullptr);
  CHECK(rule_of(x, "부산시 해운대구 좌동") == "place.region_chain");
  CHECK(find(x, "미국 뉴욕", EntityType::place) != nullptr);
  // A venue stays its own place ("서울 코엑스" is two).
  const Extraction y = run("행사는 서울 코엑스 오디토리움에서 열렸다.");
  INFO(describe(y));
  CHECK(find(y, "서울", EntityType::place) != nullptr);
}

TEST_CASE("places: a sub-unit word joins only a region before it", "[extract][places]") {
  // 좌동 alone is not a place (no region before it).
  const Extraction x = run("좌동에서 만났다.");
  INFO(describe(x));
  CHECK(count_type(x, EntityType::place) == 0);
}

TEST_CASE("places: a word for a country's people is not the country", "[extract][places]") {
  const Extraction x = run("중국인 관광객과 일본인들이 늘었다.");
  INFO(describe(x));
  CHECK(count_type(x, EntityType::place) == 0);
}

TEST_CASE("organizations: a region before a local branch is part of its name", "[extract][places]") {
  const Extraction x = run("서울 마포경찰서는 수사에 착수했다.");
  INFO(describe(x));
  const Entity* station = nullptr;
  for (const Entity& e : x.entities) {
    if (e.name == "서울 마포경찰서") station = &e;
  }
  REQUIRE(station != nullptr);
  CHECK(station->type != EntityType::place);
  CHECK(find(x, "서울", EntityType::place) == nullptr);
}

TEST_CASE("names: rule tables with a bad entry are refused with the file named", "[extract][names]") {
  const auto dir = std::filesystem::temp_directory_path() / "sillok_test_names_data";
  std::filesystem::create_directories(dir / "rules");
  {
    std::ofstream out(dir / "rules" / "person.json");
    out << R"({"format": "sillok-rules/person", "version": 1, "given_name_syllables": ["민", "ab"]})";
  }
  {
    std::ofstream out(dir / "rules" / "places.json");
    out << R"({"format": "sillok-rules/places", "version": 1, "subunit_max_syllables": 1})";
  }
  try {
    sillok::PersonRules::load(dir.string());
    FAIL("a two-letter given-name syllable was accepted");
  } catch (const sillok::DataError& e) {
    const std::string what = e.what();
    CHECK(what.find("person.json") != std::string::npos);
    CHECK(what.find("ab") != std::string::npos);
  }
  CHECK_THROWS_AS(sillok::PlaceRules::load(dir.string()), sillok::DataError);
  std::filesystem::remove_all(dir);
}

TEST_CASE("organizations: a cue word announces an organization no list knows", "[extract][names]") {
  const Extraction x = run("가수 이하윤의 소속사 별빛컴퍼니는 입장을 냈다. 영국 일간지 모닝포스트는 "
                           "이를 보도했다. 영국 매체 데일리모닝과의 인터뷰도 있었다. 한빛제지 관계자는 "
                           "말을 아꼈다.");
  INFO(describe(x));
  CHECK(find(x, "별빛컴퍼니", EntityType::company) != nullptr);
  CHECK(find(x, "모닝포스트", EntityType::media) != nullptr);
  // "데일리모닝|과의": the particle agrees with the name's last sound.
  CHECK(find(x, "데일리모닝", EntityType::media) != nullptr);
  CHECK(find(x, "한빛제지", EntityType::organization) != nullptr);
  CHECK(rule_of(x, "한빛제지") == "org.cue_after");
  // Everyday words and numbers after a cue are no names.
  const Extraction y = run("협력 업체 12곳을 선정했다. 업계 관계자는 말했다. 소속사 측은 부인했다.");
  INFO(describe(y));
  for (const Entity& e : y.entities) CHECK(e.type == EntityType::place);  // nothing else
}
