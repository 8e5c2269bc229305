// Generates data/calendar/lunar.json: the solar (Gregorian) dates of the Korean lunar holidays
// 설날 (1st day of the 1st lunar month), 정월대보름 (15th of the 1st month) and 추석 (15th of
// the 8th month) for 1950..2100, computed with ICU's Korean (dangi) calendar in Asia/Seoul.
//
// Build and run from the project root (the output is committed; do not edit it by hand):
//   g++ -std=c++17 -O2 tools/calendar/make_lunar.cc -o /tmp/make_lunar
//       $(pkg-config --cflags --libs icu-i18n icu-uc)   (one line)
//   /tmp/make_lunar > data/calendar/lunar.json
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace {

constexpr int kFirstYear = 1950;
constexpr int kLastYear = 2100;

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

struct Holidays {
  std::string seollal, daeboreum, chuseok;
};

std::string iso(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

int main() {
  try {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZone> seoul(icu::TimeZone::createTimeZone("Asia/Seoul"));
    icu::GregorianCalendar greg(*seoul, status);
    check(status, "gregorian calendar");
    std::unique_ptr<icu::Calendar> dangi(
        icu::Calendar::createInstance(*seoul, icu::Locale("ko_KR@calendar=dangi"), status));
    check(status, "dangi calendar");
    std::map<int, Holidays> by_year;
    greg.clear();
    greg.set(kFirstYear, UCAL_JANUARY, 1, 12, 0, 0);  // noon: far from any day boundary
    for (;;) {
      const int y = greg.get(UCAL_YEAR, status);
      const int m = greg.get(UCAL_MONTH, status) + 1;
      const int d = greg.get(UCAL_DATE, status);
      check(status, "gregorian fields");
      if (y > kLastYear) break;
      dangi->setTime(greg.getTime(status), status);
      const int lmonth = dangi->get(UCAL_MONTH, status) + 1;
      const bool leap = dangi->get(UCAL_IS_LEAP_MONTH, status) != 0;
      const int lday = dangi->get(UCAL_DATE, status);
      check(status, "dangi fields");
      if (!leap && lmonth == 1 && lday == 1) by_year[y].seollal = iso(y, m, d);
      if (!leap && lmonth == 1 && lday == 15) by_year[y].daeboreum = iso(y, m, d);
      if (!leap && lmonth == 8 && lday == 15) by_year[y].chuseok = iso(y, m, d);
      greg.add(UCAL_DATE, 1, status);
      check(status, "advance");
    }
    std::printf("{\n  \"format\": \"sillok-calendar/lunar\",\n  \"version\": 1,\n");
    std::printf(
        "  \"description\": \"GENERATED, DO NOT EDIT. Solar dates of the Korean lunar "
        "holidays by Gregorian year (ICU dangi calendar, Asia/Seoul). Generator: "
        "tools/calendar/make_lunar.cc.\",\n");
    std::printf("  \"first_year\": %d,\n  \"last_year\": %d,\n  \"years\": {\n", kFirstYear,
                kLastYear);
    bool first = true;
    for (const auto& [year, h] : by_year) {
      std::printf("%s    \"%d\": {\"seollal\": \"%s\", \"daeboreum\": \"%s\", \"chuseok\": \"%s\"}",
                  first ? "" : ",\n", year, h.seollal.c_str(), h.daeboreum.c_str(),
                  h.chuseok.c_str());
      first = false;
    }
    std::printf("\n  }\n}\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_lunar: %s\n", e.what());
    return 1;
  }
}
