// Tests for the person and place rules that need no title or gazetteer entry
// (data/rules/person.json, data/rules/places.json): bare names, the honorific 씨 and
// anonymised references, foreign names before a title, unknown organizations between a name
// and its title, region chains and nationality words. Every sentence was written for these
// tests; none comes from an evaluation set or the seeds.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/data_file.h"
#include "extract/json_output.h"
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

// The mentions of `entity` whose surface is `surface`.
std::vector<sillok::Mention> mentions_of(const Entity* entity, const std::string& surface) {
  std::vector<sillok::Mention> out;
  if (entity == nullptr) return out;
  for (const auto& m : entity->mentions) {
    if (m.text == surface) out.push_back(m);
  }
  return out;
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

TEST_CASE("states: a country acting as a state keeps its place entity, with the role agent",
          "[extract][names][states]") {
  const Extraction x = run("북한이 어제 동해상으로 단거리 탄도미사일을 발사했다. 대표단은 오후에 일본에 "
                           "도착했다. 미국에서 열린 회의에도 참석했다. 캐나다는 추가 제재를 발표했다.");
  INFO(describe(x));
  const Entity* nk = find(x, "북한", EntityType::place);
  REQUIRE(nk != nullptr);
  REQUIRE(nk->mentions.size() == 1);
  CHECK(nk->mentions.front().role == "agent");
  // One entity: the acting state is no second (organization) entity.
  for (const Entity& e : x.entities) CHECK((e.name != "북한" || e.type == EntityType::place));
  const Entity* ca = find(x, "캐나다", EntityType::place);
  REQUIRE(ca != nullptr);
  CHECK(ca->mentions.front().role == "agent");
  // Places where something happens stay plain locations.
  for (const char* name : {"일본", "미국"}) {
    INFO(name);
    const Entity* e = find(x, name, EntityType::place);
    REQUIRE(e != nullptr);
    CHECK(e->mentions.front().role.empty());
  }
}

TEST_CASE("states: a possessor of an action noun and a party to talks act as states",
          "[extract][names][states]") {
  const Extraction x = run("정부는 러시아의 포격을 규탄했다. 회담에서 한국측과 협의를 이어가기로 했다. "
                           "독일의 공격수가 골을 넣었다.");
  INFO(describe(x));
  const Entity* ru = find(x, "러시아", EntityType::place);
  REQUIRE(ru != nullptr);
  CHECK(ru->mentions.front().role == "agent");
  const Entity* kr = find(x, "대한민국", EntityType::place);
  REQUIRE(kr != nullptr);
  CHECK(kr->mentions.front().role == "agent");
  // "공격수" is a player, not an attack: 독일 stays a place.
  const Entity* de = find(x, "독일", EntityType::place);
  REQUIRE(de != nullptr);
  CHECK(de->mentions.front().role.empty());
}

TEST_CASE("states: one-syllable abbreviations of states together are each a state mention",
          "[extract][names][states]") {
  const Extraction x = run("남북 정상회담이 끝난 뒤 한미일 외교장관이 만났다. 북-중 교역은 줄었고 "
                           "한·일 관계도 얼어붙었다. 북측은 답하지 않았다.");
  INFO(describe(x));
  const Entity* kr = find(x, "대한민국", EntityType::place);
  const Entity* nk = find(x, "북한", EntityType::place);
  const Entity* us = find(x, "미국", EntityType::place);
  const Entity* jp = find(x, "일본", EntityType::place);
  const Entity* cn = find(x, "중국", EntityType::place);
  REQUIRE(kr != nullptr);
  REQUIRE(nk != nullptr);
  REQUIRE(us != nullptr);
  REQUIRE(jp != nullptr);
  REQUIRE(cn != nullptr);
  CHECK(mentions_of(kr, "남").size() == 1);
  CHECK(mentions_of(kr, "한").size() == 2);  // 한미일, 한·일
  CHECK(mentions_of(nk, "북").size() == 3);  // 남북, 북-중, 북측
  CHECK(mentions_of(jp, "일").size() == 2);
  CHECK(mentions_of(cn, "중").size() == 1);
  for (const Entity* e : {kr, nk, us, jp, cn}) {
    for (const auto& m : e->mentions) {
      CHECK(m.role == "agent");
      CHECK(m.rule == "place.state_abbreviation");
    }
  }
}

TEST_CASE("states: other words with the same syllables are no states", "[extract][names][states]") {
  const Extraction x = run("북미 대륙과 중남미 시장을 겨냥했다. 영국 매체 미러에 따르면 그는 중요한 "
                           "경기에 나선다. 한남동 주민과 남한산성 방문객이 모였다.");
  INFO(describe(x));
  for (const Entity& e : x.entities) {
    for (const auto& m : e.mentions) CHECK(m.rule != "place.state_abbreviation");
  }
}

TEST_CASE("states: a region before a generic state body names that body", "[extract][names][states]") {
  const Extraction x = run("일본 정부는 유감을 표명했다. 프랑스 검찰은 수사에 착수했다. 브라질 대표팀이 "
                           "입국했다.");
  INFO(describe(x));
  const Entity* jp = find(x, "일본 정부", EntityType::government);
  REQUIRE(jp != nullptr);
  CHECK(jp->mentions.front().rule == "org.state_body");
  CHECK(find(x, "프랑스 검찰", EntityType::government) != nullptr);
  CHECK(find(x, "브라질 대표팀", EntityType::organization) != nullptr);
  // The region is the body's qualifier here, not a separate place mention.
  CHECK(find(x, "일본", EntityType::place) == nullptr);
  // A bare generic word is still no entity.
  const Extraction y = run("정부는 대책을 내놨다. 검찰은 수사에 착수했다.");
  INFO(describe(y));
  CHECK(y.entities.empty());
}

TEST_CASE("names: a surname and a title with no full name make an anonymised person",
          "[extract][names]") {
  const Extraction x = run("현장에 출동한 박 경사는 주민을 대피시켰다. 간담회에서 윤 위원장이 인사말을 했다.");
  INFO(describe(x));
  const Entity* park = find(x, "박 경사", EntityType::person);
  REQUIRE(park != nullptr);
  REQUIRE(park->mentions.size() == 1);
  CHECK(park->mentions.front().text == "박");  // the surname, as for "김씨"
  CHECK(park->mentions.front().rule == "person.surname_title_anonymous");
  CHECK(find(x, "윤 위원장", EntityType::person) != nullptr);
  // "전 대통령" is a former president, "한 기자" a reporter: no surnames there.
  const Extraction y = run("전 대통령은 말을 아꼈다. 한 기자가 질문했다. 그는 소식을 전했다.");
  INFO(describe(y));
  CHECK(count_type(y, EntityType::person) == 0);
}

TEST_CASE("json: a mention's role is written only when set and read back", "[extract][names][json]") {
  const Extraction x = run("북한이 미사일을 발사했다. 대표단은 일본에 도착했다.");
  const nlohmann::json j = sillok::to_json(x);
  int with_role = 0;
  int without = 0;
  for (const auto& e : j.at("entities")) {
    for (const auto& m : e.at("mentions")) {
      if (m.contains("role")) {
        ++with_role;
        CHECK(m.at("role") == "agent");
      } else {
        ++without;
      }
    }
  }
  CHECK(with_role == 1);
  CHECK(without >= 1);
  const Extraction back = sillok::extraction_from_json(j);
  const Entity* nk = find(back, "북한", EntityType::place);
  REQUIRE(nk != nullptr);
  CHECK(nk->mentions.front().role == "agent");
}

TEST_CASE("states: a bad state_agents table is refused with the file named", "[extract][names][states]") {
  const auto dir = std::filesystem::temp_directory_path() / "sillok_test_states_data";
  std::filesystem::create_directories(dir / "rules");
  {
    std::ofstream out(dir / "rules" / "places.json");
    out << R"({"format": "sillok-rules/places", "version": 1,
               "state_agents": {"abbreviations": [{"syllable": "북한", "place": "북한"}]}})";
  }
  try {
    sillok::PlaceRules::load(dir.string());
    FAIL("a two-syllable abbreviation was accepted");
  } catch (const sillok::DataError& e) {
    const std::string what = e.what();
    CHECK(what.find("places.json") != std::string::npos);
    CHECK(what.find("북한") != std::string::npos);
  }
  {
    std::ofstream out(dir / "rules" / "places.json");
    out << R"({"format": "sillok-rules/places", "version": 1,
               "state_bodies": [{"word": "정부", "type": "place"}]})";
  }
  CHECK_THROWS_AS(sillok::PlaceRules::load(dir.string()), sillok::DataError);
  std::filesystem::remove_all(dir);
}

TEST_CASE("organizations: a party name no list knows ends like a party", "[extract][names]") {
  const Extraction x = run("한빛미래당 대표는 기자회견을 열었다. 새물결민주연합 소속 의원들도 참석했다. "
                           "회의는 식당에서 열렸다.");
  INFO(describe(x));
  const Entity* a = find(x, "한빛미래당", EntityType::organization);
  REQUIRE(a != nullptr);
  CHECK(a->mentions.front().rule == "org.suffix.party");
  CHECK(find(x, "새물결민주연합", EntityType::organization) != nullptr);
  for (const Entity& e : x.entities) CHECK(e.name != "식당");
}

TEST_CASE("names: withheld and lettered names before a title or with 군/양", "[extract][names]") {
  const Extraction x = run("당시 최모 상병이 부상을 입었다. 한빛대 윤모(52·여) 교수는 조사를 받았다. "
                           "A군은 학교에 갔고 B(9)양도 함께 있었다. C 원사는 격리됐다. 노 전 장관은 귀국했다.");
  INFO(describe(x));
  struct Want {
    const char* name;
    const char* surface;
  };
  for (const Want w : {Want{"최모 상병", "최"}, Want{"윤모 교수", "윤"}, Want{"A 군", "A"}, Want{"B 양", "B"},
                       Want{"C 원사", "C 원사"}, Want{"노 장관", "노"}}) {
    INFO(w.name);
    const Entity* e = find(x, w.name, EntityType::person);
    REQUIRE(e != nullptr);
    CHECK(e->mentions.front().text == w.surface);
  }
  // A county is no boy: "군" counts only after a capital letter.
  const Extraction y = run("화천군은 축제를 열었다.");
  INFO(describe(y));
  CHECK(count_type(y, EntityType::person) == 0);
}

TEST_CASE("places: a country naming a time zone is still mentioned", "[extract][names]") {
  const Extraction x = run("결승전은 26일 오후 8시(한국시각) 열린다. 선수단은 현지시간 오전에 도착했다.");
  INFO(describe(x));
  const Entity* kr = find(x, "대한민국", EntityType::place);
  REQUIRE(kr != nullptr);
  CHECK(kr->mentions.front().text == "한국");
  CHECK(kr->mentions.front().role.empty());
  CHECK(count_type(x, EntityType::place) == 1);  // "현지" is no place
}

TEST_CASE("organizations: a word in parentheses after a person is the person's team",
          "[extract][names]") {
  const Extraction x = run("결승골은 김하준(한빛FC)이 넣었고 도움은 최서준(부산)이 기록했다. "
                           "제보자 이도윤(가명)씨와 박지호(연애전문가)도 나왔다.");
  INFO(describe(x));
  const Entity* club = find(x, "한빛FC", EntityType::organization);
  REQUIRE(club != nullptr);
  CHECK(club->mentions.front().rule == "org.affiliation");
  // A known region there is a team named after it: the place acts (role agent).
  const Entity* busan = find(x, "부산", EntityType::place);
  REQUIRE(busan != nullptr);
  CHECK(busan->mentions.front().role == "agent");
  // Everyday words and words for kinds of people describe the person.
  for (const Entity& e : x.entities) {
    CHECK(e.name != "가명");
    CHECK(e.name != "연애전문가");
  }
}

TEST_CASE("organizations: generic compounds, law names and everyday nouns are no suffix organizations",
          "[extract][names]") {
  const Extraction x = run("지역 시민단체들은 성명을 냈다. 검찰은 청소년보호법 위반 혐의를 검토했다. "
                           "부대 내 폭언행위가 드러났다. 시중은행 금리는 내렸다. 종합순위는 4위다. "
                           "용의자 최민재(불구속기소)씨는 출석했다. 한빛환경단체연합회는 회견을 열었다.");
  INFO(describe(x));
  for (const Entity& e : x.entities) {
    CHECK(e.name != "시민단체");
    CHECK(e.name != "청소년보호법");
    CHECK(e.name != "폭언행위");
    CHECK(e.name != "시중은행");
    CHECK(e.name != "종합순위");
    CHECK(e.name != "불구속기소");
  }
  // A named body whose name merely contains a generic word is still found.
  CHECK(find(x, "한빛환경단체연합회", EntityType::organization) != nullptr);
  // The committee suffix still works for a real committee abbreviation.
  const Extraction y = run("국회 정무위는 전체회의를 열었다.");
  INFO(describe(y));
  CHECK(rule_of(y, "정무위") == "org.suffix.committee");
}

TEST_CASE("places: a foreign province or state continues a country's chain", "[extract][names]") {
  const Extraction x = run("중국 쓰촨성 청두에서 지진이 났다. 미국 오하이오주 클리블랜드 시민들이 모였다. "
                           "일본 오키나와현 나하공항은 닫혔다.");
  INFO(describe(x));
  CHECK(rule_of(x, "중국 쓰촨성 청두") == "place.region_chain");
  CHECK(rule_of(x, "미국 오하이오주 클리블랜드") == "place.region_chain");
  // A venue stays a separate place.
  CHECK(rule_of(x, "일본 오키나와현") == "place.region_chain");
  CHECK(rule_of(x, "일본 오키나와현 나하공항").empty());
}

TEST_CASE("organizations: a city before a club nickname is a sports club", "[extract][names]") {
  const Extraction x = run("보스턴 레드삭스는 뉴욕 양키스를 꺾었다. 뉴캐슬 유나이티드가 이겼다. "
                           "회의는 서울 종로구 포시즌스 호텔에서 열렸다.");
  INFO(describe(x));
  for (const char* club : {"보스턴 레드삭스", "뉴욕 양키스", "뉴캐슬 유나이티드"}) {
    INFO(club);
    CHECK(rule_of(x, club) == "org.sports_team");
  }
  CHECK(find(x, "보스턴", EntityType::place) == nullptr);
  // A name before a venue word is the venue's, not a club's.
  CHECK(rule_of(x, "서울 종로구 포시즌스").empty());
}

TEST_CASE("places: a part of a region written after it is one place", "[extract][names]") {
  const Extraction x = run("내일은 강원 영동과 경북 북동 산간에 눈이 오겠다. 충청 이남에는 비가 온다.");
  INFO(describe(x));
  for (const char* place : {"강원 영동", "경북 북동 산간", "충청 이남"}) {
    INFO(place);
    CHECK(rule_of(x, place) == "place.region_chain");
  }
}

TEST_CASE("places: an everyday word that starts with a place name is no place", "[extract][names]") {
  const Extraction x = run("고양이가 창가에서 잤다. 고양시는 축제를 열었다.");
  INFO(describe(x));
  const Entity* goyang = find(x, "고양시", EntityType::place);
  REQUIRE(goyang != nullptr);
  CHECK(goyang->mentions.size() == 1);  // 고양시 only, not 고양이
}

TEST_CASE("names: a place word that opens a foreign name before a title is a given name",
          "[extract][names]") {
  const Extraction x = run("블라디미르 라흐마노프 러시아 부총리는 회담에 참석했다.");
  INFO(describe(x));
  CHECK(rule_of(x, "블라디미르 라흐마노프") == "person.foreign_name_title");
  CHECK(find(x, "블라디미르", EntityType::place) == nullptr);
}

TEST_CASE("places: a short province name that is an everyday word joins a region or branch",
          "[extract][names]") {
  const Extraction x = run("경기 화성동탄경찰서는 수사에 나섰다. 사고는 경기 안산시 단원구에서 났다. "
                           "경기 결과는 무승부였다.");
  INFO(describe(x));
  CHECK(find(x, "경기 화성동탄경찰서", EntityType::government) != nullptr);
  CHECK(rule_of(x, "경기 안산시 단원구") == "place.region_chain");
  // "경기" alone (a game) is nothing.
  CHECK(rule_of(x, "경기").empty());
}

TEST_CASE("states: a country with points in a standings table is a team", "[extract][names][states]") {
  const Extraction x = run("조별리그에서는 브라질이 승점 7로 1위에 올랐다.");
  INFO(describe(x));
  const Entity* brazil = find(x, "브라질", EntityType::place);
  REQUIRE(brazil != nullptr);
  CHECK(brazil->mentions.front().role == "agent");
}
