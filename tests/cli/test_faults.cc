// Reliability of `sillok ingest` end to end: deterministic parallel extraction, kill -9 at
// random (seeded) moments, two ingesters on one database, a full disk and a read-only file.
// The database is checked behind the command's back through a raw SQLite connection.
//
// The corpus is the shipped wikinews examples in several "editions" (id and first body line
// changed, so neither id nor content hash repeats): enough articles that an ingest takes long
// enough to be killed in the middle of its batches.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_util.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

using sillok::test::TempDir;

// ---------------------------------------------------------------------------------------------
// The corpus

// Writes `editions` copies of every examples/wikinews article into `dir`: edition k gets the id
// "<id>_v<k>" and "제<k>판. " before its first body line. Returns the number of articles.
std::size_t write_corpus(const fs::path& dir, int editions) {
  fs::create_directories(dir);
  std::vector<fs::path> sources;
  for (const auto& entry : fs::directory_iterator(sillok::test::source_path("examples/wikinews"))) {
    if (entry.path().filename().string().rfind("wikinews_", 0) == 0)
      sources.push_back(entry.path());
  }
  std::sort(sources.begin(), sources.end());
  for (const fs::path& source : sources) {
    const std::string text = sillok::test::read_file(source.string());
    for (int k = 1; k <= editions; ++k) {
      std::istringstream in(text);
      std::ofstream out(dir / (source.stem().string() + "_v" + std::to_string(k) + ".md"));
      std::string line;
      bool after_title = false;
      while (std::getline(in, line)) {
        if (line.rfind("id:", 0) == 0) line += "_v" + std::to_string(k);
        if (after_title) line = "제" + std::to_string(k) + "판. " + line;
        after_title = line.rfind("# ", 0) == 0;
        out << line << "\n";
      }
    }
  }
  return sources.size() * static_cast<std::size_t>(editions);
}

// ---------------------------------------------------------------------------------------------
// Running the command

struct Run {
  int status = -1;  // exit code, or 128 + signal
  std::string err;
};

// Starts `sillok args...` with stdout/stderr to `log`; returns the child's pid. When `uid` is
// set, the child drops to that user first (to test file permissions while running as root).
pid_t start(const std::vector<std::string>& args, const std::string& log, int uid = -1) {
  std::vector<std::string> argv_strings{SILLOK_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    if (uid >= 0 &&
        (setgid(static_cast<gid_t>(uid)) != 0 || setuid(static_cast<uid_t>(uid)) != 0)) {
      _exit(126);
    }
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int wait_status(pid_t pid) {
  int raw = 0;
  if (waitpid(pid, &raw, 0) != pid) throw std::runtime_error("waitpid failed");
  if (WIFEXITED(raw)) return WEXITSTATUS(raw);
  if (WIFSIGNALED(raw)) return 128 + WTERMSIG(raw);
  return -1;
}

Run run(const std::vector<std::string>& args, const std::string& log, int uid = -1) {
  Run r;
  r.status = wait_status(start(args, log, uid));
  r.err = sillok::test::read_file(log);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Looking at the database behind the command's back

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error(path + ": " + message);
    }
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Every row of `sql` as "col|col|...", in the order the query gives.
  std::vector<std::string> rows(const std::string& sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::vector<std::string> out;
    int rc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* text = sqlite3_column_text(st, c);
        row += (c ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    return out;
  }
  std::string scalar(const std::string& sql) const {
    const std::vector<std::string> r = rows(sql);
    return r.empty() ? std::string() : r.front();
  }
  long count(const std::string& sql) const { return std::stol(scalar(sql)); }

 private:
  sqlite3* db_ = nullptr;
};

// Every row of every table in a canonical order, ingested_at left out: two stores with the
// same dump hold the same data under the same ids.
std::vector<std::string> dump(const std::string& path) {
  Db db(path);
  std::vector<std::string> out;
  const char* tables[][2] = {
      {"articles",
       "pk, id, title, publisher, author, url, category, published_at, pub_date, "
       "text, content_hash, source"},
      {"entities", "*"},
      {"aliases", "*"},
      {"article_entities", "*"},
      {"sentences", "*"},
      {"mentions", "*"},
      {"relations", "*"},
      {"times", "*"},
      {"events", "*"},
      {"event_participants", "*"}};
  for (const auto& t : tables) {
    for (std::string& row : db.rows(std::string("SELECT ") + t[1] + " FROM " + t[0])) {
      out.push_back(std::string(t[0]) + ": " + row);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Article id -> its row counts in every child table: what "the whole article" is.
std::map<std::string, std::string> article_shapes(const std::string& path) {
  Db db(path);
  std::map<std::string, std::string> shapes;
  for (const std::string& row : db.rows(
           "SELECT a.id || '=' || (SELECT count(*) FROM sentences WHERE article = a.pk)"
           " || ',' || (SELECT count(*) FROM mentions WHERE article = a.pk)"
           " || ',' || (SELECT count(*) FROM article_entities WHERE article = a.pk)"
           " || ',' || (SELECT count(*) FROM relations WHERE article = a.pk)"
           " || ',' || (SELECT count(*) FROM times WHERE article = a.pk)"
           " || ',' || (SELECT count(*) FROM events WHERE article = a.pk)"
           " || ',' || (SELECT count(*) FROM event_participants p JOIN events e ON e.id = p.event"
           "            WHERE e.article = a.pk) FROM articles a")) {
    const std::size_t eq = row.find('=');
    shapes.emplace(row.substr(0, eq), row.substr(eq + 1));
  }
  return shapes;
}

// The file is sound and holds only whole articles: integrity_check and the full-text index's
// own check pass, no row points at a missing parent, no entity is left without an article, and
// every stored article has exactly the rows it has in `reference` (a complete ingest).
void check_consistent(const std::string& path,
                      const std::map<std::string, std::string>& reference) {
  Db db(path);
  CHECK(db.scalar("PRAGMA integrity_check") == "ok");
  CHECK(db.rows("PRAGMA foreign_key_check").empty());
  CHECK_NOTHROW(db.rows("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"));
  CHECK(db.count("SELECT count(*) FROM entities WHERE id NOT IN"
                 " (SELECT entity_id FROM article_entities)") == 0);
  CHECK(db.count("SELECT count(*) FROM articles") ==
        db.count("SELECT count(DISTINCT id) FROM articles"));
  for (const auto& [id, shape] : article_shapes(path)) {
    INFO("article " << id);
    auto it = reference.find(id);
    REQUIRE(it != reference.end());
    CHECK(shape == it->second);
  }
}

// Seconds until the ingest `pid` has committed its first article to `db` (polled through a
// separate connection), or -1 when the process ended first or nothing came within a minute.
double wait_for_first_article(const std::string& db, pid_t pid) {
  const auto started = Clock::now();
  while (std::chrono::duration<double>(Clock::now() - started).count() < 60) {
    if (fs::exists(db)) {
      try {
        if (Db(db).count("SELECT count(*) FROM articles") > 0) {
          return std::chrono::duration<double>(Clock::now() - started).count();
        }
      } catch (const std::exception&) {
        // not created yet (no table) or locked for a moment: poll again
      }
    }
    siginfo_t info{};
    // WNOWAIT: only look; the caller still collects the exit status.
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
        info.si_pid != 0) {
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

// "--no-gazetteer places": the places gazetteer is most of a run's start-up time, and tests
// that are about storage, not extraction, need not pay for it on every run.
const char* const kLean = "--no-gazetteer";
const char* const kPlaces = "places";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("faults: --jobs 1 and --jobs 4 store identical data under identical ids",
          "[cli][faults]") {
  TempDir tmp;
  const std::size_t n = write_corpus(tmp.path() / "corpus", 3);
  const std::string corpus = (tmp.path() / "corpus").string();
  const Run one =
      run({"ingest", "-q", "--jobs", "1", "--batch", "5", "--db", tmp.file("one.db"), corpus},
          tmp.file("one.log"));
  const Run four =
      run({"ingest", "-q", "--jobs", "4", "--batch", "7", "--db", tmp.file("four.db"), corpus},
          tmp.file("four.log"));
  INFO(one.err << four.err);
  REQUIRE(one.status == 0);
  REQUIRE(four.status == 0);
  CHECK(contains(one.err, std::to_string(n) + " added"));
  CHECK(contains(one.err, "peak RSS"));
  const std::vector<std::string> a = dump(tmp.file("one.db"));
  const std::vector<std::string> b = dump(tmp.file("four.db"));
  CHECK(a.size() > n * 5);  // articles, sentences, mentions, ...: not a trivially empty store
  CHECK(a == b);
}

TEST_CASE("faults: --jobs rejects 0", "[cli][faults]") {
  TempDir tmp;
  const Run r = run({"ingest", "--jobs", "0", "--db", tmp.file("x.db"),
                     sillok::test::source_path("examples/wikinews")},
                    tmp.file("log"));
  CHECK(r.status == 2);
  CHECK_FALSE(fs::exists(tmp.file("x.db")));
}

TEST_CASE("faults: kill -9 at random moments never leaves a broken or partial store",
          "[cli][faults][crash]") {
  TempDir tmp;
  // Enough articles that the writing phase outlasts the timing jitter of a loaded machine:
  // with faster extraction 13 editions left a 0.25 s window, and too many kills landed after it.
  const std::size_t n = write_corpus(tmp.path() / "corpus", 30);
  REQUIRE(n >= 400);
  const std::string corpus = (tmp.path() / "corpus").string();
  const std::string reference_db = tmp.file("reference.db");
  // Small batches: many commits, so kills land inside and between transactions alike. The
  // places gazetteer (most of the start-up time) is left out: what is extracted is irrelevant
  // here, the time spent writing is what matters.
  auto ingest = [&](const std::string& db) {
    return std::vector<std::string>{"ingest",         "-q",     "--jobs", "2", "--batch", "8",
                                    "--no-gazetteer", "places", "--db",   db,  corpus};
  };
  const pid_t reference_pid = start(ingest(reference_db), tmp.file("reference.log"));
  const double first_commit = wait_for_first_article(reference_db, reference_pid);
  const auto writing = Clock::now();
  const int reference_status = wait_status(reference_pid);
  const double writing_seconds = seconds_since(writing);
  INFO(sillok::test::read_file(tmp.file("reference.log")));
  REQUIRE(reference_status == 0);
  REQUIRE(first_commit >= 0);
  const std::map<std::string, std::string> reference = article_shapes(reference_db);
  REQUIRE(reference.size() == n);
  const std::vector<std::string> reference_dump = dump(reference_db);

  // Each run is killed a random time after its first commit, up to the length of the writing
  // phase of the reference run: the delays scale with the build's speed (sanitizers) and most
  // kills hit an ingest at work rather than one loading its data.
  const unsigned seed = 20261123;
  std::mt19937 rng(seed);
  // Up to 0.6 of it: the load of the machine varies (ctest runs suites in parallel), and a
  // kill after the end tests nothing.
  std::uniform_real_distribution<double> fraction(0.0, 0.6);
  WARN("kill loop: seed " << seed << "; reference run: first article after " << first_commit
                          << " s, then " << writing_seconds << " s of writing");
  const int kRuns = 20;
  int killed_mid_ingest = 0;
  for (int i = 0; i < kRuns; ++i) {
    const std::string db = tmp.file("crash" + std::to_string(i) + ".db");
    const double delay = fraction(rng) * writing_seconds;
    INFO("run " << i << ": SIGKILL " << delay << " s after the first article (seed " << seed
                << ")");
    const pid_t pid = start(ingest(db), tmp.file("crash.log"));
    REQUIRE(wait_for_first_article(db, pid) >= 0);
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    kill(pid, SIGKILL);
    const int status = wait_status(pid);
    const long stored = Db(db).count("SELECT count(*) FROM articles");
    if (status == 128 + SIGKILL && stored < static_cast<long>(n)) ++killed_mid_ingest;
    check_consistent(db, reference);
    const Run again = run(ingest(db), tmp.file("again.log"));
    INFO(again.err);
    REQUIRE(again.status == 0);
    check_consistent(db, reference);
    CHECK(article_shapes(db).size() == n);
    CHECK(dump(db) == reference_dump);  // same rows under the same ids as an uninterrupted run
    fs::remove(db);
  }
  // The loop is only a test if most kills hit an ingest at work.
  CHECK(killed_mid_ingest >= kRuns / 2);
}

TEST_CASE("faults: two ingesters into one new database both finish, nothing lost or doubled",
          "[cli][faults][concurrency]") {
  TempDir tmp;
  write_corpus(tmp.path() / "corpus", 4);  // 4 editions of every article
  // First: editions 1-3; second: editions 2-4 (overlap 2-3); third, disjoint: edition 4 alone
  // into another database shared with edition 1.
  auto pick = [&](const std::string& name, const std::vector<int>& editions) {
    const fs::path dir = tmp.path() / name;
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(tmp.path() / "corpus")) {
      const std::string file = entry.path().filename().string();
      for (int k : editions) {
        if (contains(file, "_v" + std::to_string(k) + ".md")) fs::copy(entry.path(), dir / file);
      }
    }
    return dir.string();
  };
  const std::string first = pick("first", {1, 2, 3});
  const std::string second = pick("second", {2, 3, 4});
  const std::string only4 = pick("only4", {4});
  const std::string only1 = pick("only1", {1});
  const std::size_t per_edition = 16;

  SECTION("overlapping inputs") {
    const std::string db = tmp.file("shared.db");
    const pid_t a = start({"ingest", "-q", kLean, kPlaces, "--batch", "3", "--db", db, first},
                          tmp.file("a.log"));
    const pid_t b = start({"ingest", "-q", kLean, kPlaces, "--batch", "3", "--db", db, second},
                          tmp.file("b.log"));
    const int status_a = wait_status(a);
    const int status_b = wait_status(b);
    INFO(sillok::test::read_file(tmp.file("a.log")) << sillok::test::read_file(tmp.file("b.log")));
    CHECK(status_a == 0);
    CHECK(status_b == 0);
    Db check(db);
    CHECK(check.scalar("PRAGMA integrity_check") == "ok");
    CHECK(check.count("SELECT count(*) FROM articles") == static_cast<long>(4 * per_edition));
    CHECK(check.count("SELECT count(DISTINCT content_hash) FROM articles") ==
          static_cast<long>(4 * per_edition));
  }
  SECTION("disjoint inputs") {
    const std::string db = tmp.file("disjoint.db");
    const pid_t a = start({"ingest", "-q", kLean, kPlaces, "--batch", "2", "--db", db, only1},
                          tmp.file("a.log"));
    const pid_t b = start({"ingest", "-q", kLean, kPlaces, "--batch", "2", "--db", db, only4},
                          tmp.file("b.log"));
    const int status_a = wait_status(a);
    const int status_b = wait_status(b);
    INFO(sillok::test::read_file(tmp.file("a.log")) << sillok::test::read_file(tmp.file("b.log")));
    CHECK(status_a == 0);
    CHECK(status_b == 0);
    Db check(db);
    CHECK(check.scalar("PRAGMA integrity_check") == "ok");
    CHECK(check.count("SELECT count(*) FROM articles WHERE id LIKE '%\\_v1' ESCAPE '\\'") ==
          static_cast<long>(per_edition));
    CHECK(check.count("SELECT count(*) FROM articles WHERE id LIKE '%\\_v4' ESCAPE '\\'") ==
          static_cast<long>(per_edition));
    CHECK(check.count("SELECT count(*) FROM articles") == static_cast<long>(2 * per_edition));
  }
}

TEST_CASE("faults: a full disk fails the batch cleanly and a re-run completes",
          "[cli][faults][disk-full]") {
  TempDir tmp;
  const std::size_t n = write_corpus(tmp.path() / "corpus", 2);
  const std::string corpus = (tmp.path() / "corpus").string();
  const std::string db = tmp.file("full.db");
  const std::string reference_db = tmp.file("reference.db");
  REQUIRE(run({"ingest", "-q", kLean, kPlaces, "--db", reference_db, corpus}, tmp.file("ref.log"))
              .status == 0);
  const std::map<std::string, std::string> reference = article_shapes(reference_db);
  const long full_pages = Db(reference_db).count("PRAGMA page_count");
  // An empty store (schema only): ingest an empty directory.
  fs::create_directories(tmp.path() / "empty");
  REQUIRE(run({"ingest", "-q", kLean, kPlaces, "--db", db, (tmp.path() / "empty").string()},
              tmp.file("e.log"))
              .status == 0);
  const long empty_pages = Db(db).count("PRAGMA page_count");
  REQUIRE(full_pages > empty_pages);

  // Room for roughly a third of the corpus: some batches commit, then one cannot.
  const int batch = 4;
  const long cap = empty_pages + (full_pages - empty_pages) / 3;
  const Run full = run({"ingest", "-q", kLean, kPlaces, "--batch", std::to_string(batch),
                        "--max-db-pages", std::to_string(cap), "--db", db, corpus},
                       tmp.file("full.log"));
  INFO(full.err);
  CHECK(full.status == 1);
  CHECK(contains(full.err, db));
  CHECK(contains(full.err, "full"));
  CHECK(contains(full.err, "rolled back"));
  check_consistent(db, reference);
  const long stored = Db(db).count("SELECT count(*) FROM articles");
  CHECK(stored > 0);
  CHECK(stored < static_cast<long>(n));
  CHECK(stored % batch == 0);  // whole batches only: the failing one left nothing behind

  const Run again =
      run({"ingest", "-q", kLean, kPlaces, "--db", db, corpus}, tmp.file("again.log"));
  INFO(again.err);
  CHECK(again.status == 0);
  check_consistent(db, reference);
  CHECK(Db(db).count("SELECT count(*) FROM articles") == static_cast<long>(n));
}

TEST_CASE("faults: a read-only database gives a clear error and stays unchanged",
          "[cli][faults][read-only]") {
  TempDir tmp;
  write_corpus(tmp.path() / "corpus", 1);
  const std::string db = tmp.file("ro.db");
  const std::string first = sillok::test::source_path("examples/seeds");
  REQUIRE(run({"ingest", "-q", kLean, kPlaces, "--db", db, first}, tmp.file("first.log")).status ==
          0);
  const long before = Db(db).count("SELECT count(*) FROM articles");
  REQUIRE(before > 0);
  const std::string more = (tmp.path() / "corpus").string();

  SECTION("opened read-only through an SQLite URI") {
    const Run r = run({"ingest", "-q", kLean, kPlaces, "--db", "file:" + db + "?mode=ro", more},
                      tmp.file("log"));
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(contains(r.err, "read-only"));
    CHECK(contains(r.err, db));
  }
  SECTION("write permission removed from the file") {
    fs::permissions(db, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    // root writes through permission bits; run the command as "nobody" then.
    const int uid = geteuid() == 0 ? 65534 : -1;
    if (uid >= 0) chmod(tmp.path().c_str(), 0755);
    const Run r = run({"ingest", "-q", kLean, kPlaces, "--db", db, more}, tmp.file("log"), uid);
    INFO(r.err);
    if (r.status == 126 || r.status == 127) {
      WARN("skipped: could not run sillok as uid " << uid << " to test file permissions as root");
      return;
    }
    CHECK(r.status == 1);
    CHECK(contains(r.err, db));
    CHECK(contains(r.err, "read-only"));
  }
  CHECK(Db(db).count("SELECT count(*) FROM articles") == before);
  CHECK(Db(db).scalar("PRAGMA integrity_check") == "ok");
}
