// Extraction throughput with a large gazetteer (issue 3): MB/s on one core for entity
// recognition alone, time tagging alone and the whole Extractor::extract, plus gazetteer load
// times and peak RSS. Run on demand from the source root; results go to docs/performance.md.
//
//   build-rel/bench/ner_throughput [--mb 50] [--aliases 100000] [--threads 1]
//                                  [--data DIR] [--corpus PATH]...
//
// Corpus: the articles under the --corpus paths (default examples/ and
// ../shared/corpus/wikinews-ko, deduplicated by id), copied over and over (fresh ids) until
// the article texts total at least --mb megabytes, so every byte scanned is a distinct copy.
//
// Gazetteer: the shipped data/gazetteers plus, when they hold fewer than --aliases surfaces, a
// synthetic gazetteer written to a temporary directory at run time (never shipped). Its names
// are realistic company and organization names: every shipped name of a company,
// organization, place or region entry (themselves built from the KRX, mecab-ko-dic and
// administrative-code lists) used as a stem, combined with common Korean company or
// institution endings ("홀딩스", "바이오", "재단", ...). Stems are taken round-robin, one
// ending after another, skipping names already known, until the total reaches --aliases.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "extract/data_path.h"
#include "extract/gazetteer.h"
#include "extract/json_output.h"
#include "extract/person_rules.h"
#include "extract/pipeline.h"
#include "extract/place_rules.h"
#include "extract/reader.h"
#include "extract/recognizer.h"
#include "extract/rules.h"
#include "extract/segment.h"
#include "extract/timex.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  double mb = 50;
  std::size_t aliases = 100000;
  unsigned threads = 1;
  std::string data_dir;
  std::vector<std::string> corpus;
  std::string only;  // run just this stage: split, scan, ner, time, extract, digest
};

const char* const kUsage =
    "usage: ner_throughput [--mb N] [--aliases N] [--threads N] [--data DIR] [--corpus PATH]...\n"
    "  --mb N        corpus size in megabytes of article text (default 50)\n"
    "  --aliases N   total gazetteer surfaces; a synthetic gazetteer tops the shipped one up\n"
    "                (default 100000; 0 = shipped only)\n"
    "  --threads N   threads for the whole-extraction run (default 1)\n"
    "  --data DIR    data directory (default: the shipped data, see extract/data_path.h)\n"
    "  --corpus PATH article file or directory, repeatable\n"
    "                (default: examples ../shared/corpus/wikinews-ko)\n"
    "  --only STAGE  one stage only: split scan ner time extract digest (JSON hash, for\n"
    "                comparing two builds on the same corpus)\n";

// Throws std::invalid_argument for a bad command line; exits 0 for --help.
Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value (see --help)");
    const std::string value = argv[++i];
    if (arg == "--mb") {
      o.mb = std::stod(value);
    } else if (arg == "--aliases") {
      o.aliases = std::stoul(value);
    } else if (arg == "--threads") {
      o.threads = static_cast<unsigned>(std::max(1ul, std::stoul(value)));
    } else if (arg == "--data") {
      o.data_dir = value;
    } else if (arg == "--only") {
      o.only = value;
    } else if (arg == "--corpus") {
      o.corpus.push_back(value);
    } else {
      throw std::invalid_argument("unknown option " + arg + " (see --help)");
    }
  }
  if (o.corpus.empty()) o.corpus = {"examples", "../shared/corpus/wikinews-ko"};
  if (o.data_dir.empty()) o.data_dir = sillok::data_dir();
  return o;
}

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Wall time and the process's CPU time since construction. The machine this runs on is
// shared, so "per core" figures divide by CPU seconds: waiting for a core is not our cost.
struct Stopwatch {
  Clock::time_point wall = Clock::now();
  double cpu = process_cpu_seconds();
  double wall_seconds() const { return std::chrono::duration<double>(Clock::now() - wall).count(); }
  double cpu_seconds() const { return process_cpu_seconds() - cpu; }
  std::string text() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f s CPU (%.3f s wall)", cpu_seconds(), wall_seconds());
    return buf;
  }
};

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;  // Linux reports kilobytes
}

std::vector<std::string> shipped_gazetteer_files(const std::string& data_dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(fs::path(data_dir) / "gazetteers")) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Loads and builds a gazetteer from `files` (the last ones with priority -1, like user files).
void load_gazetteer(sillok::Gazetteer& g, const std::vector<std::string>& shipped,
                    const std::vector<std::string>& user) {
  for (const std::string& f : shipped) g.load_file(f, 0);
  for (const std::string& f : user) g.load_file(f, -1);
  g.build();
}

// Writes the synthetic gazetteer (see the file comment) so that `shipped` plus it hold at least
// `target` surfaces. Returns the number of entries written.
std::size_t write_synthetic_gazetteer(const sillok::Gazetteer& shipped, std::size_t target,
                                      const std::string& path) {
  static const char* const kEndings[] = {
      "홀딩스", "바이오",   "전자",   "건설",     "제약",       "테크",     "에너지", "파트너스",
      "캐피탈", "증권",     "산업",   "물산",     "화학",       "중공업",   "로보틱스", "네트웍스",
      "솔루션", "인베스트", "푸드",   "모빌리티", "헬스케어",   "소프트",   "랩스",   "재단",
      "협회",   "연구소",   "센터",   "병원",     "엔터테인먼트", "리츠"};
  std::vector<const sillok::GazetteerEntry*> stems;
  for (const auto& e : shipped.entries()) {
    if (e.type != sillok::EntityType::person && e.type != sillok::EntityType::product) {
      stems.push_back(&e);
    }
  }
  if (stems.empty()) throw std::runtime_error("no shipped gazetteer entries to build names from");
  nlohmann::json entries = nlohmann::json::array();
  std::unordered_set<std::string> seen;
  std::size_t have = shipped.surface_count();
  std::size_t i = 0;
  const std::size_t limit = stems.size() * std::size(kEndings);
  for (; have < target && i < limit; ++i) {
    const sillok::GazetteerEntry& stem = *stems[i % stems.size()];
    const std::string name = stem.name + kEndings[i / stems.size()];
    if (shipped.surface_id(name) || !seen.insert(name).second) continue;
    entries.push_back({{"id", "syn" + std::to_string(i)}, {"name", name}, {"type", "company"}});
    ++have;
  }
  const nlohmann::json doc = {{"format", "sillok-gazetteer"},
                              {"version", 1},
                              {"id", "synthetic"},
                              {"entries", entries}};
  std::ofstream out(path);
  out << doc.dump();
  if (!out) throw std::runtime_error(path + ": cannot write the synthetic gazetteer");
  return entries.size();
}

// The articles of the corpus paths, deduplicated by id, then copied with fresh ids until their
// texts total at least `bytes`.
std::vector<sillok::Article> load_corpus(const std::vector<std::string>& paths, double bytes) {
  std::vector<sillok::ReadError> errors;
  const std::vector<std::string> inputs = sillok::expand_inputs(paths, errors);
  std::vector<sillok::Article> base;
  std::unordered_set<std::string> ids;
  sillok::read_inputs(
      inputs, sillok::ReadOptions{},
      [&](sillok::Article&& a) {
        if (ids.insert(a.id).second) base.push_back(std::move(a));
      },
      [&](sillok::ReadError&& e) { errors.push_back(std::move(e)); });
  for (const auto& e : errors) std::cerr << "skipped " << e.source << ": " << e.message << "\n";
  if (base.empty()) throw std::runtime_error("no articles in the corpus paths (see --help)");
  std::vector<sillok::Article> corpus;
  double total = 0;
  for (std::size_t round = 0; total < bytes; ++round) {
    for (const sillok::Article& a : base) {
      corpus.push_back(a);
      corpus.back().id += "-" + std::to_string(round);
      total += static_cast<double>(a.text.size());
    }
  }
  std::printf("corpus: %zu distinct articles (%zu inputs) repeated to %zu articles, %.1f MB\n",
              base.size(), inputs.size(), corpus.size(), total / 1048576.0);
  return corpus;
}

double text_mb(const std::vector<sillok::Article>& corpus) {
  double total = 0;
  for (const auto& a : corpus) total += static_cast<double>(a.text.size());
  return total / 1048576.0;
}

// Runs `work` over every article (after `prepare`, untimed) and prints MB/s. `checksum` keeps
// the optimizer honest and lets two runs be compared.
void report(const char* label, const std::vector<sillok::Article>& corpus,
            const std::function<std::size_t(const sillok::Article&)>& work) {
  const Stopwatch watch;
  std::size_t checksum = 0;
  for (const sillok::Article& a : corpus) checksum += work(a);
  const double cpu = watch.cpu_seconds();
  const double wall = watch.wall_seconds();
  std::printf("%-44s %7.2f s CPU %7.2f MB/s per core  (wall %.2f s; %zu results)\n", label, cpu,
              text_mb(corpus) / cpu, wall, checksum);
}

// Whole extraction on `threads` threads, articles dealt round-robin.
void report_parallel(const sillok::Extractor& ex, const std::vector<sillok::Article>& corpus,
                     unsigned threads) {
  std::vector<std::size_t> counts(threads, 0);
  const Stopwatch watch;
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t i = t; i < corpus.size(); i += threads) {
        counts[t] += ex.extract(corpus[i]).entities.size();
      }
    });
  }
  for (auto& th : pool) th.join();
  const double wall = watch.wall_seconds();
  const double cpu = watch.cpu_seconds();
  std::size_t total = 0;
  for (const std::size_t c : counts) total += c;
  std::printf("%-44s %7.2f s wall %7.2f MB/s, %.2f MB/s per CPU second  (%zu entities)\n",
              ("(c) Extractor::extract, " + std::to_string(threads) + " threads").c_str(), wall,
              text_mb(corpus) / wall, text_mb(corpus) / cpu, total);
}

int run(const Options& o) {
  const std::vector<std::string> shipped = shipped_gazetteer_files(o.data_dir);
  Stopwatch watch;
  sillok::Gazetteer small;
  load_gazetteer(small, shipped, {});
  std::printf("gazetteer load, shipped only: %s (%zu files, %zu entries, %zu surfaces)\n",
              watch.text().c_str(), shipped.size(), small.entry_count(), small.surface_count());

  const fs::path tmp = fs::temp_directory_path() /
                       ("sillok-ner-bench-" + std::to_string(static_cast<long>(getpid())));
  fs::create_directories(tmp);
  std::vector<std::string> user;
  if (o.aliases > small.surface_count()) {
    user.push_back((tmp / "synthetic.json").string());
    const std::size_t n = write_synthetic_gazetteer(small, o.aliases, user.back());
    std::printf("synthetic gazetteer: %zu entries in %s (deleted at exit)\n", n, user[0].c_str());
  }
  watch = Stopwatch();
  sillok::Gazetteer gazetteer;
  load_gazetteer(gazetteer, shipped, user);
  std::printf("gazetteer load, with synthetic: %s (%zu entries, %zu surfaces, %zu states)\n",
              watch.text().c_str(), gazetteer.entry_count(), gazetteer.surface_count(),
              gazetteer.state_count());
  watch = Stopwatch();
  sillok::ExtractorOptions eo;
  eo.data_dir = o.data_dir;
  eo.user_gazetteers = user;
  const sillok::Extractor ex = sillok::Extractor::load(eo);
  std::printf("Extractor::load (rules, time, events, all gazetteers): %s (%zu surfaces)\n",
              watch.text().c_str(), ex.gazetteer_surfaces());
  fs::remove_all(tmp);

  const sillok::RuleSet rules = sillok::RuleSet::load(o.data_dir);
  const sillok::PersonRules people = sillok::PersonRules::load(o.data_dir);
  const sillok::PlaceRules places = sillok::PlaceRules::load(o.data_dir);
  const sillok::OrgCues org_cues = sillok::OrgCues::load(o.data_dir);
  const sillok::TimeTagger tagger = sillok::TimeTagger::load(o.data_dir + "/rules/time.json",
                                                             o.data_dir + "/calendar/lunar.json");
  const sillok::Recognizer recognizer(gazetteer, rules, people, places, org_cues);
  const std::vector<sillok::Article> corpus = load_corpus(o.corpus, o.mb * 1048576.0);

  // Stages run in this order unless --only picks one.
  const auto stage = [&](const char* key, const char* label,
                         const std::function<std::size_t(const sillok::Article&)>& work) {
    if (o.only.empty() || o.only == key) report(label, corpus, work);
  };
  stage("split", "sentence split", [&](const sillok::Article& a) {
    return sillok::split_sentences(a.text).size();
  });
  stage("scan", "(a0) gazetteer scan alone (per sentence)", [&](const sillok::Article& a) {
    std::size_t hits = 0;
    for (const auto& s : sillok::split_sentences(a.text)) {
      gazetteer.scan(std::string_view(a.text).substr(s.begin, s.end - s.begin),
                     [&](const sillok::GazetteerHit&) { ++hits; });
    }
    return hits;
  });
  stage("ner", "(a) entity recognition (Recognizer)", [&](const sillok::Article& a) {
    sillok::Extraction x;
    recognizer.recognize(a, sillok::split_sentences(a.text), x);
    return x.entities.size();
  });
  stage("time", "(b) time tagging (clause tense + tag)", [&](const sillok::Article& a) {
    if (!a.published_at) return std::size_t{0};
    std::size_t n = 0;
    for (const auto& s : sillok::split_sentences(a.text)) {
      const std::string_view sentence = std::string_view(a.text).substr(s.begin, s.end - s.begin);
      n += tagger.tag(sentence, *a.published_at, tagger.clause_direction(sentence)).size();
    }
    return n;
  });
  stage("extract", "(c) Extractor::extract, 1 thread", [&](const sillok::Article& a) {
    return ex.extract(a).entities.size();
  });
  // Only on request (--only digest): serializing every extraction is slow.
  if (o.only == "digest") {
    stage("digest", "(d) digest of the extract JSON", [&](const sillok::Article& a) {
      // FNV-1a of the JSON output: two builds that extract the same thing print the same sum.
      std::size_t h = 14695981039346656037ull;
      for (const char c : sillok::to_json(ex.extract(a)).dump()) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      }
      return h;
    });
  }
  if (o.threads > 1 && (o.only.empty() || o.only == "extract")) {
    report_parallel(ex, corpus, o.threads);
  }
  std::printf("peak RSS: %ld MB (includes the corpus copies)\n", peak_rss_mb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::invalid_argument& e) {
    std::cerr << "ner_throughput: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "ner_throughput: " << e.what() << "\n";
    return 1;
  }
}
