// sillok ingest: read, extract and store articles; a summary at the end.
//
// Data flow (extracting mode):
//
//   main thread          N worker threads            1 writer thread
//   read_inputs --seq--> Extractor::extract --seq--> reorder by seq --> Store::ingest(batch)
//
// Articles are numbered as they are read; the writer takes them back in that order, so ids,
// duplicate decisions and every stored row are the same whatever --jobs is. At most `window`
// articles are between reading and the writer's batch at any time, so memory stays bounded
// however large the corpus is (the reader blocks when the window is full).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/common.h"
#include "extract/json_output.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "store/store.h"

namespace sillok::cli {
namespace {

struct Tally {
  std::size_t added = 0, duplicates = 0, failed = 0, read = 0;
  std::vector<std::string> problems;  // "source: reason", in input order
};

// One article on its way to the writer: its extraction, or why extraction failed.
struct Extracted {
  Extraction x;
  std::string error;    // non-empty: extraction threw; x.article still names the source
  bool stored = false;  // already in the database when read: not extracted, a duplicate
};

// An article waiting for a worker.
struct Work {
  std::size_t seq;
  Article article;
  bool stored;  // see Extracted::stored
};

// The ordered hand-off between reader, workers and writer. Every member is safe to call from
// any thread. After abort() every blocking call returns at once with "nothing more".
class Handoff {
 public:
  explicit Handoff(std::size_t window) : window_(std::max<std::size_t>(window, 1)) {}

  // Reader: queues the next article, waiting while `window` articles are in flight. False when
  // the pipeline was aborted (the writer failed): stop reading.
  bool push(Article&& article, bool stored) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] { return aborted_ || next_read_ - next_write_ < window_; });
    if (aborted_) return false;
    todo_.push_back(Work{next_read_++, std::move(article), stored});
    work_.notify_one();
    return true;
  }

  // Reader: no more articles will come.
  void close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    work_.notify_all();
    done_.notify_all();
  }

  // Worker: the next article to extract with its sequence number; nullopt when there is none
  // left (closed and drained, or aborted).
  std::optional<Work> take_work() {
    std::unique_lock<std::mutex> lock(mu_);
    work_.wait(lock, [&] { return aborted_ || closed_ || !todo_.empty(); });
    if (aborted_ || todo_.empty()) return std::nullopt;
    auto item = std::move(todo_.front());
    todo_.pop_front();
    return item;
  }

  // Worker: hands over the result for sequence number `seq`.
  void deliver(std::size_t seq, Extracted&& result) {
    std::lock_guard<std::mutex> lock(mu_);
    finished_.emplace(seq, std::move(result));
    if (seq == next_write_) done_.notify_all();
  }

  // Writer: the result for the next sequence number, waiting for it; nullopt when every article
  // read has been written (after close()), or on abort.
  std::optional<Extracted> take_next() {
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [&] {
      return aborted_ || finished_.count(next_write_) > 0 || (closed_ && next_write_ == next_read_);
    });
    if (aborted_) return std::nullopt;
    auto it = finished_.find(next_write_);
    if (it == finished_.end()) return std::nullopt;
    Extracted result = std::move(it->second);
    finished_.erase(it);
    ++next_write_;
    room_.notify_one();
    return result;
  }

  // Any thread: stop everything; blocked calls return "nothing more".
  void abort() {
    std::lock_guard<std::mutex> lock(mu_);
    aborted_ = true;
    room_.notify_all();
    work_.notify_all();
    done_.notify_all();
  }

 private:
  const std::size_t window_;
  std::mutex mu_;
  std::condition_variable room_, work_, done_;
  std::deque<Work> todo_;
  std::map<std::size_t, Extracted> finished_;  // extracted, waiting for their turn
  std::size_t next_read_ = 0, next_write_ = 0;
  bool closed_ = false, aborted_ = false;
};

// Collects articles into batches of `batch_size` and stores each batch in one transaction.
// Used by one thread only.
class BatchWriter {
 public:
  BatchWriter(Store& store, std::size_t batch_size, bool quiet, Tally& tally)
      : store_(store), batch_size_(batch_size), quiet_(quiet), tally_(tally) {}

  void add(Extraction&& x) {
    ++tally_.read;
    batch_.push_back(std::move(x));
    if (batch_.size() >= batch_size_) flush();
  }

  // Stores what is left. Throws StoreError when a batch cannot be committed (nothing of that
  // batch is kept; earlier batches stay).
  void flush() {
    if (batch_.empty()) return;
    const std::vector<IngestResult> results = store_.ingest(batch_);
    for (const IngestResult& r : results) count(r);
    batch_.clear();
    report_progress();
  }

 private:
  void count(const IngestResult& r) {
    switch (r.outcome) {
      case IngestOutcome::added:
        ++tally_.added;
        break;
      case IngestOutcome::duplicate:
        ++tally_.duplicates;
        break;
      case IngestOutcome::failed:
        ++tally_.failed;
        tally_.problems.push_back(r.source + ": " + r.message);
        break;
    }
  }

  void report_progress() {
    const auto now = std::chrono::steady_clock::now();
    if (quiet_ || now - last_report_ <= std::chrono::seconds(2)) return;
    last_report_ = now;
    const double secs = std::chrono::duration<double>(now - started_).count();
    std::cerr << "sillok ingest: " << tally_.read << " articles read, " << tally_.added
              << " added (" << static_cast<long>(static_cast<double>(tally_.read) / secs)
              << "/s)\n";
  }

  Store& store_;
  const std::size_t batch_size_;
  const bool quiet_;
  Tally& tally_;
  std::vector<Extraction> batch_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_report_ = started_;
};

// Reads `sillok extract` output (JSON Lines) back into extractions.
void read_extractions(const std::vector<std::string>& inputs,
                      const std::function<void(Extraction&&)>& on_item, Tally& tally) {
  for (const std::string& path : inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        ++tally.failed;
        tally.problems.push_back(path + ": cannot open");
        continue;
      }
      in = &file;
    }
    std::string line;
    std::size_t n = 0;
    while (std::getline(*in, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = path + ":" + std::to_string(n);
      try {
        on_item(extraction_from_json(nlohmann::json::parse(line)));
      } catch (const std::exception& e) {
        ++tally.failed;
        tally.problems.push_back(where + ": " + e.what());
      }
    }
  }
}

// Extracts one article; an exception becomes a failure of that article alone.
Extracted extract_one(const Extractor& extractor, Article&& article, bool stored) {
  Extracted out;
  out.stored = stored;
  if (stored) {
    out.x.article = std::move(article);
    return out;
  }
  try {
    out.x = extractor.extract(article);
  } catch (const std::exception& e) {
    out.error = std::string("extraction failed: ") + e.what();
  }
  if (!out.error.empty()) out.x.article = std::move(article);
  return out;
}

// Workers share one Extractor: extract() is const and the Extractor holds no mutable state
// (extract/pipeline.h), so no locking is needed.
void run_worker(Handoff& handoff, const Extractor& extractor) {
  while (auto item = handoff.take_work()) {
    handoff.deliver(item->seq, extract_one(extractor, std::move(item->article), item->stored));
  }
}

// The writer thread: takes results in input order and stores them. Warnings are printed here
// so their order does not depend on thread timing.
void run_writer(Handoff& handoff, BatchWriter& writer, Tally& tally) {
  while (auto item = handoff.take_next()) {
    const Article& a = item->x.article;
    for (const std::string& w : a.warnings) {
      std::cerr << "sillok ingest: warning: " << a.source << ": " << w << "\n";
    }
    if (item->stored) {
      ++tally.read;
      ++tally.duplicates;
      continue;
    }
    if (!item->error.empty()) {
      ++tally.read;
      ++tally.failed;
      tally.problems.push_back(a.source + ": " + item->error);
      continue;
    }
    writer.add(std::move(item->x));
  }
  writer.flush();
}

// Whether `probe` already holds the article, so extracting it can be skipped. Only a hint: an
// article stored meanwhile (by another process) is still caught by the writer's own duplicate
// check, and a failing probe (locked, unreadable) just means "extract it".
bool already_stored(const Store* probe, const Article& article) noexcept {
  if (probe == nullptr || article.content_hash.empty()) return false;
  try {
    return probe->contains_article(article.id, article.content_hash);
  } catch (const std::exception&) {
    return false;
  }
}

// Thrown from the reader's callback to stop read_inputs once the writer has failed.
struct ReadingStopped {};

struct IngestOptions {
  std::vector<std::string> paths;
  std::string date;
  std::size_t jobs = 0;  // 0: one per hardware thread
  DataOptions data;
};

// Reads, extracts on `jobs` threads and writes through `writer` on one more thread. Articles
// `probe` (a second connection, or null) already holds are not extracted again: a re-run after
// a crash resumes quickly. Rethrows the writer's error (e.g. disk full) after every thread has
// stopped.
void ingest_extracting(const IngestOptions& o, const Store* probe, BatchWriter& writer,
                       Tally& tally) {
  ReadOptions options;
  options.default_date = parse_date_option(o.date);
  const Extractor extractor = make_extractor(o.data);
  std::vector<ReadError> errors;
  const std::vector<std::string> inputs = expand_inputs(o.paths, errors);
  for (ReadError& e : errors) {
    ++tally.failed;
    tally.problems.push_back(e.source + ": " + e.message);
  }
  // Problems found while reading are kept apart until the writer thread has finished, since
  // that thread adds its own to `tally` meanwhile.
  Tally read_problems;

  const std::size_t jobs = o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  Handoff handoff(4 * jobs + 16);
  std::exception_ptr writer_error;
  std::thread writer_thread([&] {
    try {
      run_writer(handoff, writer, tally);
    } catch (...) {
      writer_error = std::current_exception();
      handoff.abort();
    }
  });
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < jobs; ++i) {
    workers.emplace_back([&] { run_worker(handoff, extractor); });
  }
  try {
    read_inputs(
        inputs, options,
        [&](Article&& article) {
          const bool stored = already_stored(probe, article);
          if (!handoff.push(std::move(article), stored)) throw ReadingStopped{};
        },
        [&](ReadError&& e) { read_problems.problems.push_back(e.source + ": " + e.message); });
  } catch (const ReadingStopped&) {
  } catch (...) {
    handoff.abort();
    for (std::thread& t : workers) t.join();
    writer_thread.join();
    throw;
  }
  handoff.close();
  for (std::thread& t : workers) t.join();
  writer_thread.join();
  if (writer_error) std::rethrow_exception(writer_error);
  // Read problems are listed after the articles' own failures.
  tally.failed += read_problems.problems.size();
  for (std::string& p : read_problems.problems) tally.problems.push_back(std::move(p));
}

long peak_rss_mb() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return -1;
  return usage.ru_maxrss / 1024;  // Linux reports kilobytes
}

}  // namespace

Command register_ingest(CLI::App& app) {
  struct State {
    IngestOptions ingest;
    std::string db;
    bool from_json = false;
    std::size_t batch = 256;
    bool quiet = false;
    std::int64_t max_db_pages = 0;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd =
      app.add_subcommand("ingest", "Read articles, extract, and store them in the database");
  cmd->add_option("paths", st->ingest.paths,
                  "Files, directories (recursive) or - for standard input")
      ->required();
  add_db_option(*cmd, st->db);
  cmd->add_option("--date", st->ingest.date, "Anchor for articles without published_at (ISO 8601)");
  cmd->add_flag("--from-json", st->from_json,
                "Inputs are `sillok extract` output (JSON Lines): store without extracting");
  cmd->add_option("--batch", st->batch, "Articles per transaction")->check(CLI::Range(1, 100000));
  cmd->add_option(
         "-j,--jobs", st->ingest.jobs,
         "Extraction threads (default: one per hardware thread); results do not depend on it")
      ->check(CLI::Range(1, 256));
  cmd->add_option(
         "--max-db-pages", st->max_db_pages,
         "Cap the database at this many pages (PRAGMA max_page_count), as if the disk were "
         "full there; for testing")
      ->check(CLI::Range(1, 2147483647));
  cmd->add_flag("-q,--quiet", st->quiet, "No progress lines");
  add_data_options(*cmd, st->ingest.data);
  return {cmd, [st]() {
            Store store = Store::open(st->db);
            if (st->max_db_pages > 0) store.set_max_pages(st->max_db_pages);
            Tally tally;
            BatchWriter writer(store, st->batch, st->quiet, tally);
            if (st->from_json) {
              read_extractions(
                  st->ingest.paths, [&](Extraction&& x) { writer.add(std::move(x)); }, tally);
              writer.flush();
            } else {
              // ":memory:" would open a second, empty database.
              std::optional<Store> probe;
              if (st->db != ":memory:") probe.emplace(Store::open(st->db));
              ingest_extracting(st->ingest, probe ? &*probe : nullptr, writer, tally);
            }
            for (const std::string& p : tally.problems)
              std::cerr << "sillok ingest: failed: " << p << "\n";
            std::cerr << "sillok ingest: " << tally.added << " added, " << tally.duplicates
                      << " skipped as duplicates, " << tally.failed << " failed (database "
                      << st->db << "; peak RSS " << peak_rss_mb() << " MB)\n";
            return tally.failed > 0 ? kExitFailed : kExitOk;
          }};
}

}  // namespace sillok::cli
