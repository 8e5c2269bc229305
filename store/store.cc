#include "store/store.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "extract/normalize.h"
#include "extract/utf8.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace sillok {
namespace {

using sql::Statement;

// Articles list in pub_date order with undated ones last; id breaks ties deterministically.
constexpr const char* kArticleOrder = " ORDER BY a.pub_date IS NULL, a.pub_date, a.id";

// An article that breaks the store's rules (not an SQLite error): it fails alone.
class ArticleRejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

bool article_order(const ArticleRow& x, const ArticleRow& y) {
  if (x.pub_date.empty() != y.pub_date.empty()) return y.pub_date.empty();
  if (x.pub_date != y.pub_date) return x.pub_date < y.pub_date;
  return x.id < y.id;
}

// User input compared with stored text, which extraction normalized to NFC: a name typed on a
// system that sends NFD (decomposed jamo) must still match. Invalid UTF-8 is left alone.
std::string as_stored(std::string_view text) {
  if (utf8::find_invalid(text)) return std::string(text);
  return nfc(text);
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t\r\n\f\v", i);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find_first_of(" \t\r\n\f\v", start);
    if (end == std::string_view::npos) end = text.size();
    words.emplace_back(text.substr(start, end - start));
    i = end;
  }
  return words;
}

// An FTS5 string literal: the word as one phrase, so operators inside it are plain text.
std::string fts_phrase(const std::string& word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The distinct runs of 3 code points of `word`, in order of first appearance (none when it is
// shorter): the tokens FTS5's trigram tokenizer makes of it.
std::vector<std::string> trigrams(const std::string& word) {
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < word.size();) {
    starts.push_back(pos);
    utf8::decode(word, pos);
  }
  starts.push_back(word.size());
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 3 < starts.size(); ++i) {
    std::string t = word.substr(starts[i], starts[i + 3] - starts[i]);
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  return out;
}

// A LIKE pattern matching `word` anywhere, with \ as the escape character.
std::string like_pattern(const std::string& word) {
  std::string out = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::int64_t to_int(std::size_t v) { return static_cast<std::int64_t>(v); }

// Code points [start, end) of valid UTF-8 `text`, clamped to its length.
std::string code_point_slice(const std::string& text, std::int64_t start, std::int64_t end) {
  std::size_t pos = 0;
  std::size_t first = text.size();
  for (std::int64_t cp = 0; pos < text.size() && cp < end; ++cp) {
    if (cp == start) first = pos;
    utf8::decode(text, pos);
  }
  return first >= pos ? std::string() : text.substr(first, pos - first);
}

// Slices of one text by code point offsets in O(1) each, after one pass over the text: what
// the store compares a mention surface or an event sentence with, to store NULL for "same as
// the text there" (readers rebuild it with SQLite's substr, which also counts code points).
// Invalid UTF-8 slices nothing, since SQLite might count its characters differently.
class CodePointText {
 public:
  explicit CodePointText(std::string_view text) : text_(text) {
    if (utf8::find_invalid(text)) return;
    std::size_t pos = 0;
    while (pos < text.size()) {
      offsets_.push_back(pos);
      utf8::decode(text, pos);
    }
    offsets_.push_back(text.size());
  }

  // True when [start, end) is a non-empty range inside the text and `s` is its text.
  bool same_as(std::size_t start, std::size_t end, std::string_view s) const {
    if (offsets_.empty() || start >= end || end >= offsets_.size()) return false;
    return text_.substr(offsets_[start], offsets_[end] - offsets_[start]) == s;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> offsets_;  // byte offset of each code point, then the text size
};

// The text a mention's offsets index: the body, or the metadata field it names (see Mention);
// null for a field the store does not know, whose surface is then always stored.
const std::string* field_text(const Article& a, const std::string& field) {
  if (field.empty()) return &a.text;
  if (field == "publisher") return &a.publisher;
  if (field == "author") return &a.author;
  return nullptr;
}

// Whether a mention's surface can be left NULL: readers rebuild it from the same field with
// substr (kMentionSurface), so this must mirror that expression.
bool surface_derivable(const Article& a, const CodePointText& body, const Mention& m) {
  if (m.field.empty()) return body.same_as(m.start, m.end, m.text);
  const std::string* text = field_text(a, m.field);
  return text != nullptr && CodePointText(*text).same_as(m.start, m.end, m.text);
}

}  // namespace

std::string_view to_string(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::added:
      return "added";
    case IngestOutcome::duplicate:
      return "duplicate";
    case IngestOutcome::failed:
      return "failed";
  }
  return "failed";
}

// ---------------------------------------------------------------------------------------------
// Impl: the connection, its statement cache, and the work behind each public call.

struct Store::Impl {
  sql::Database db;  // declared first: destroyed last, after the cached statements
  sql::StatementCache cache;

  Impl(const std::string& path, sql::Database::Mode mode) : db(path, mode), cache(db) {}

  sql::StatementCache::Lease query(const std::string& text) { return cache.get(text); }

  void configure();
  void configure_and_migrate();
  IngestResult ingest_one(const Extraction& x);
  std::int64_t label_id(const std::string& text);
  std::optional<std::string> find_duplicate(const std::string& id, const std::string& hash);
  void insert_extraction(const Extraction& x, const std::string& hash);
  std::int64_t insert_article(const Article& a, const std::string& hash);
  std::int64_t entity_id_for(const Entity& e);
  void insert_entities(std::int64_t article, const Extraction& x, const CodePointText& body,
                       std::map<std::string, std::int64_t>& by_name);
  void insert_relations(std::int64_t article, const Extraction& x,
                        const std::map<std::string, std::int64_t>& by_name);
  void insert_times(std::int64_t article, const Extraction& x, const CodePointText& body);
  void insert_events(std::int64_t article, const Extraction& x, const CodePointText& body,
                     const std::map<std::string, std::int64_t>& by_name);

  std::vector<EntityRow> entity_rows(const std::string& where_order,
                                     const std::function<void(Statement&)>& bind);
  EventMention read_event(Statement& st);
  ArticleRow read_article(Statement& st) const;
  EntityType parse_type(const std::string& name) const;

  // labels rows by text, so interning a mention's rule and field costs no query once seen.
  // Cleared whenever a savepoint or transaction rolls back, which may remove rows it lists.
  std::unordered_map<std::string, std::int64_t> label_ids;
};

void Store::Impl::configure() {
  db.exec("PRAGMA foreign_keys = ON", "enable foreign keys");
  db.exec("PRAGMA busy_timeout = 5000", "set busy timeout");
  // A read-only connection cannot switch the journal mode (that writes the header); the mode
  // is stored in the file, so a database sillok created is in WAL already.
  if (db.read_only()) return;
  // WAL: readers never block the writer. synchronous=NORMAL is safe with WAL (a power cut can
  // lose the last batches, never corrupt the file) and much faster than FULL.
  db.exec("PRAGMA journal_mode = WAL", "enable WAL journal");
  db.exec("PRAGMA synchronous = NORMAL", "set synchronous mode");
  // A larger page cache (64 MB instead of SQLite's 2 MB) keeps the hot pages of the indexes an
  // ingest inserts into at random places (entities, aliases, mentions_by_entity, the trigram
  // index) in memory: at 10^5 articles the default cache made every batch re-read them.
  // secure_delete (on in Debian's build) zero-fills every freed page; FTS5 frees pages at every
  // segment merge, so it doubled the writes of an ingest for no benefit to a local news store.
  db.exec("PRAGMA cache_size = -65536", "set cache size");
  db.exec("PRAGMA secure_delete = OFF", "turn secure_delete off");
}

void Store::Impl::configure_and_migrate() {
  try {
    configure();
    schema::migrate(db);
  } catch (const sql::SqliteError& e) {
    // A WAL database whose file (or directory) is write-protected cannot even be read when
    // its shared-memory file is missing; SQLite's "attempt to write a readonly database" for a
    // plain read is confusing, so say what is wrong.
    if (!db.read_only()) throw;
    throw StoreError(db.path() +
                     ": database is read-only (no write permission on the file or its directory,"
                     " read-only media, or opened with mode=ro) and cannot be opened: " +
                     e.what());
  }
}

EntityType Store::Impl::parse_type(const std::string& name) const {
  if (auto type = entity_type_from_string(name)) return *type;
  throw StoreError(db.path() + ": unknown entity type '" + name + "' in the database");
}

// ---------------------------------------------------------------------------------------------
// Opening

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path) {
  // SQLite would quietly make a private temporary database of "", losing everything on close.
  if (path.empty()) throw StoreError("(empty path): no database path given");
  auto impl = std::make_unique<Impl>(path, sql::Database::Mode::create);
  impl->configure_and_migrate();
  return Store(std::move(impl));
}

Store Store::open_existing(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw StoreError(path + ": no such database (run `sillok ingest` first)");
  }
  auto impl = std::make_unique<Impl>(path, sql::Database::Mode::existing);
  impl->configure_and_migrate();
  return Store(std::move(impl));
}

int Store::current_schema_version() { return schema::current_version(); }

int Store::schema_version() const { return schema::version_of(impl_->db); }

const std::string& Store::path() const { return impl_->db.path(); }

// ---------------------------------------------------------------------------------------------
// Ingest

std::vector<IngestResult> Store::ingest(const std::vector<Extraction>& batch) {
  // SQLite silently opens a write-protected file read-only; without this check every article
  // would "fail" one by one with the same message.
  if (impl_->db.read_only()) {
    throw StoreError(path() +
                     ": database is read-only (no write permission on the file or its directory,"
                     " read-only media, or opened with mode=ro); cannot ingest");
  }
  std::vector<IngestResult> results;
  results.reserve(batch.size());
  try {
    sql::Transaction tx(impl_->db);
    for (const Extraction& x : batch) results.push_back(impl_->ingest_one(x));
    tx.commit();
  } catch (const sql::SqliteError& e) {
    impl_->label_ids.clear();
    // The Transaction has rolled back by now: say so, since "disk is full" alone leaves the
    // user wondering what was kept.
    throw StoreError(std::string(e.what()) + " (batch of " + std::to_string(batch.size()) +
                     " articles rolled back; nothing of it was stored)");
  } catch (...) {
    impl_->label_ids.clear();
    throw;
  }
  return results;
}

bool Store::contains_article(const std::string& id, const std::string& content_hash) const {
  return impl_->find_duplicate(id, content_hash).has_value();
}

void Store::set_max_pages(std::int64_t pages) {
  impl_->db.exec("PRAGMA max_page_count = " + std::to_string(pages), "set max_page_count");
}

IngestResult Store::Impl::ingest_one(const Extraction& x) {
  IngestResult result{x.article.id, x.article.source, IngestOutcome::added, ""};
  // The reader fills content_hash; values built by hand may not, and an empty hash would make
  // every such article a duplicate of the first.
  const std::string hash =
      x.article.content_hash.empty() ? content_fingerprint(x.article.text) : x.article.content_hash;
  sql::Savepoint savepoint(db, "article");
  try {
    if (auto duplicate_of = find_duplicate(x.article.id, hash)) {
      result.outcome = IngestOutcome::duplicate;
      result.message = *duplicate_of;
    } else {
      insert_extraction(x, hash);
    }
    savepoint.release();
  } catch (const sql::SqliteError& e) {
    // Disk full, I/O error, ...: the next article would fail the same way, and SQLite may
    // have rolled back part of the transaction already; the whole batch fails.
    if (e.environmental()) throw;
    savepoint.rollback();
    label_ids.clear();
    result.outcome = IngestOutcome::failed;
    result.message = e.what();
  } catch (const std::exception& e) {
    savepoint.rollback();
    label_ids.clear();
    result.outcome = IngestOutcome::failed;
    result.message = e.what();
  }
  // After some errors (disk full, I/O) SQLite aborts the whole transaction by itself; going on
  // would commit the rest of the batch piecemeal, so the batch fails as a whole instead.
  if (!db.in_transaction()) {
    throw StoreError(db.path() + ": batch aborted by SQLite while storing article '" +
                     x.article.id + "': " + result.message);
  }
  return result;
}

std::optional<std::string> Store::Impl::find_duplicate(const std::string& id,
                                                       const std::string& hash) {
  auto st = query("SELECT id, id = ?1 FROM articles WHERE id = ?1 OR content_hash = ?2 LIMIT 1");
  st->bind_text(1, id).bind_text(2, hash);
  if (!st->step()) return std::nullopt;
  const std::string stored = st->column_text(0);
  if (st->column_int(1) != 0) return "article id '" + id + "' is already stored";
  return "same content (hash " + hash + ") as stored article '" + stored + "'";
}

void Store::Impl::insert_extraction(const Extraction& x, const std::string& hash) {
  if (x.article.id.empty()) throw ArticleRejected("article has no id");
  const std::int64_t article = insert_article(x.article, hash);
  {
    auto st = query("INSERT INTO sentences(article, idx, start_cp, end_cp) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < x.sentences.size(); ++i) {
      st->bind_int(1, article).bind_int(2, to_int(i));
      st->bind_int(3, to_int(x.sentences[i].start)).bind_int(4, to_int(x.sentences[i].end));
      st->run();
      st->reset();
    }
  }
  // One pass over the text serves every "same as the text there" check of the article.
  const CodePointText body(x.article.text);
  std::map<std::string, std::int64_t> by_name;
  insert_entities(article, x, body, by_name);
  insert_relations(article, x, by_name);
  insert_times(article, x, body);
  insert_events(article, x, body, by_name);
}

std::int64_t Store::Impl::insert_article(const Article& a, const std::string& hash) {
  auto st = query(
      "INSERT INTO articles(id, title, publisher, author, url, category, published_at, pub_date,"
      " text, content_hash, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st->bind_text(1, a.id).bind_text(2, a.title).bind_text(3, a.publisher).bind_text(4, a.author);
  st->bind_text(5, a.url).bind_text(6, a.category);
  if (a.published_at) {
    st->bind_text(7, a.published_at->iso()).bind_text(8, a.published_at->date.iso());
  } else {
    st->bind_null(7).bind_null(8);
  }
  st->bind_text(9, a.text).bind_text(10, hash).bind_text(11, a.source);
  st->run();
  return db.last_insert_rowid();
}

std::int64_t Store::Impl::label_id(const std::string& text) {
  if (auto it = label_ids.find(text); it != label_ids.end()) return it->second;
  std::int64_t id = 0;
  {
    auto st = query("SELECT id FROM labels WHERE text = ?");
    st->bind_text(1, text);
    if (st->step()) id = st->column_int(0);
  }
  if (id == 0) {
    auto st = query("INSERT INTO labels(text) VALUES (?)");
    st->bind_text(1, text);
    st->run();
    id = db.last_insert_rowid();
  }
  label_ids.emplace(text, id);
  return id;
}

std::int64_t Store::Impl::entity_id_for(const Entity& e) {
  const std::string_view type = to_string(e.type);
  {
    auto st = query("SELECT id FROM entities WHERE name = ? AND type = ?");
    st->bind_text(1, e.name).bind_text(2, type);
    if (st->step()) return st->column_int(0);
  }
  auto st = query("INSERT INTO entities(name, type) VALUES (?, ?)");
  st->bind_text(1, e.name).bind_text(2, type);
  st->run();
  return db.last_insert_rowid();
}

void Store::Impl::insert_entities(std::int64_t article, const Extraction& x,
                                  const CodePointText& body,
                                  std::map<std::string, std::int64_t>& by_name) {
  auto link = query("INSERT OR IGNORE INTO article_entities(article, entity_id) VALUES (?, ?)");
  auto mention = query(
      "INSERT INTO mentions(article, entity_id, start_cp, end_cp, surface, rule, field, sentence,"
      " ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto alias = query("INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?, ?)");
  std::int64_t ord = 0;
  for (const Entity& e : x.entities) {
    if (e.name.empty()) throw ArticleRejected("an entity has an empty name");
    const std::int64_t id = entity_id_for(e);
    by_name.emplace(e.name, id);  // the first entity of a name wins for relations and events
    link->bind_int(1, article).bind_int(2, id);
    link->run();
    link->reset();
    for (const Mention& m : e.mentions) {
      mention->bind_int(1, article).bind_int(2, id);
      mention->bind_int(3, to_int(m.start)).bind_int(4, to_int(m.end));
      if (surface_derivable(x.article, body, m)) {
        mention->bind_null(5);
      } else {
        mention->bind_text(5, m.text);
      }
      mention->bind_int(6, label_id(m.rule)).bind_int(7, label_id(m.field));
      mention->bind_int(8, m.sentence).bind_int(9, ord++);
      mention->run();
      mention->reset();
      if (m.text.empty() || m.text == e.name) continue;
      alias->bind_int(1, id).bind_text(2, m.text);
      alias->run();
      alias->reset();
    }
  }
}

namespace {

std::int64_t resolve(const std::map<std::string, std::int64_t>& by_name, const std::string& name,
                     const char* what) {
  auto it = by_name.find(name);
  if (it == by_name.end()) {
    throw ArticleRejected(std::string(what) + " '" + name +
                          "' is not one of the article's entities");
  }
  return it->second;
}

}  // namespace

void Store::Impl::insert_relations(std::int64_t article, const Extraction& x,
                                   const std::map<std::string, std::int64_t>& by_name) {
  auto st = query(
      "INSERT INTO relations(article, subject, role, object, rule, sentence)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  for (const Relation& r : x.relations) {
    st->bind_int(1, article).bind_int(2, resolve(by_name, r.subject, "relation subject"));
    st->bind_text(3, r.role).bind_int(4, resolve(by_name, r.object, "relation object"));
    st->bind_text(5, r.rule).bind_int(6, r.sentence);
    st->run();
    st->reset();
  }
}

void Store::Impl::insert_times(std::int64_t article, const Extraction& x,
                               const CodePointText& body) {
  auto st = query(
      "INSERT INTO times(article, start_cp, end_cp, text, value, type, precision, mod, value_end,"
      " sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const TimeExpression& t : x.times) {
    st->bind_int(1, article).bind_int(2, to_int(t.start)).bind_int(3, to_int(t.end));
    if (body.same_as(t.start, t.end, t.text)) {
      st->bind_null(4);  // NULL: the article text at [start, end)
    } else {
      st->bind_text(4, t.text);
    }
    st->bind_text(5, t.value).bind_text(6, to_string(t.type));
    st->bind_text(7, t.precision).bind_text(8, t.mod).bind_text(9, t.value_end);
    st->bind_int(10, t.sentence);
    st->run();
    st->reset();
  }
}

void Store::Impl::insert_events(std::int64_t article, const Extraction& x,
                                const CodePointText& body,
                                const std::map<std::string, std::int64_t>& by_name) {
  auto st = query(
      "INSERT INTO events(article, label, trigger_word, trigger_class, date_value, precision, mod,"
      " time_of_day, status, place, sentence, sentence_text, rule)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto participant =
      query("INSERT INTO event_participants(event, ord, entity_id) VALUES (?, ?, ?)");
  for (const EventMention& e : x.events) {
    st->bind_int(1, article).bind_text(2, e.label).bind_text(3, e.trigger);
    st->bind_text(4, e.trigger_class).bind_text(5, e.date).bind_text(6, e.precision);
    st->bind_text(7, e.mod).bind_text(8, e.time).bind_text(9, to_string(e.status));
    st->bind_text(10, e.place).bind_int(11, e.sentence);
    // NULL: the text of its sentence, which read_event takes back from the article.
    const bool derivable = e.sentence >= 0 &&
                           static_cast<std::size_t>(e.sentence) < x.sentences.size() &&
                           body.same_as(x.sentences[static_cast<std::size_t>(e.sentence)].start,
                                        x.sentences[static_cast<std::size_t>(e.sentence)].end,
                                        e.sentence_text);
    if (derivable) {
      st->bind_null(12);
    } else {
      st->bind_text(12, e.sentence_text);
    }
    st->bind_text(13, e.rule);
    st->run();
    st->reset();
    const std::int64_t event = db.last_insert_rowid();
    for (std::size_t i = 0; i < e.participants.size(); ++i) {
      participant->bind_int(1, event).bind_int(2, to_int(i));
      participant->bind_int(3, resolve(by_name, e.participants[i], "event participant"));
      participant->run();
      participant->reset();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Articles

ArticleRow Store::Impl::read_article(Statement& st) const {
  return ArticleRow{st.column_int(0),  st.column_text(1), st.column_text(2), st.column_text(3),
                    st.column_text(4), st.column_text(5), st.column_text(6)};
}

std::vector<ArticleRow> Store::articles() const {
  auto st = impl_->query(
      std::string("SELECT a.pk, a.id, a.title, a.publisher, a.published_at, a.pub_date, a.source"
                  " FROM articles a") +
      kArticleOrder);
  std::vector<ArticleRow> rows;
  while (st->step()) rows.push_back(impl_->read_article(*st));
  return rows;
}

std::vector<ArticleRow> Store::articles_by_id(const std::vector<std::string>& ids) const {
  auto st = impl_->query(
      "SELECT a.pk, a.id, a.title, a.publisher, a.published_at, a.pub_date, a.source"
      " FROM articles a WHERE a.id = ?");
  std::vector<ArticleRow> rows;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    if (!seen.insert(id).second) continue;
    st->bind_text(1, id);
    if (st->step()) rows.push_back(impl_->read_article(*st));
    st->reset();
  }
  std::sort(rows.begin(), rows.end(), article_order);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Entities

std::vector<EntityRow> Store::Impl::entity_rows(const std::string& where_order,
                                                const std::function<void(Statement&)>& bind) {
  auto st = query(
      "SELECT e.id, e.name, e.type,"
      " (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS n_articles,"
      " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)"
      " FROM entities e " +
      where_order);
  bind(*st);
  std::vector<EntityRow> rows;
  while (st->step()) {
    rows.push_back(EntityRow{st->column_int(0),
                             st->column_text(1),
                             parse_type(st->column_text(2)),
                             {},
                             static_cast<int>(st->column_int(3)),
                             static_cast<int>(st->column_int(4))});
  }
  auto aliases = query("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias");
  for (EntityRow& row : rows) {
    aliases->bind_int(1, row.id);
    while (aliases->step()) row.aliases.push_back(aliases->column_text(0));
    aliases->reset();
  }
  return rows;
}

std::vector<EntityRow> Store::entities(std::optional<EntityType> type) const {
  return impl_->entity_rows(
      "WHERE ?1 IS NULL OR e.type = ?1 ORDER BY n_articles DESC, e.name, e.type",
      [&](Statement& st) {
        if (type) st.bind_text(1, to_string(*type));
      });
}

std::vector<GraphEntity> Store::entity_nodes() const {
  auto st = impl_->query("SELECT id, name, type FROM entities ORDER BY id");
  std::vector<GraphEntity> rows;
  while (st->step()) {
    rows.push_back(
        GraphEntity{st->column_int(0), st->column_text(1), impl_->parse_type(st->column_text(2))});
  }
  return rows;
}

std::vector<EntityRow> Store::find_entities(const std::string& name_or_alias) const {
  const std::string name = as_stored(name_or_alias);
  auto bind = [&](Statement& st) { st.bind_text(1, name); };
  std::vector<EntityRow> rows =
      impl_->entity_rows("WHERE e.name = ?1 ORDER BY n_articles DESC, e.type", bind);
  std::vector<EntityRow> by_alias = impl_->entity_rows(
      "WHERE e.name <> ?1 AND e.id IN (SELECT entity_id FROM aliases WHERE alias = ?1)"
      " ORDER BY n_articles DESC, e.name, e.type",
      bind);
  rows.insert(rows.end(), std::make_move_iterator(by_alias.begin()),
              std::make_move_iterator(by_alias.end()));
  return rows;
}

std::optional<EntityRow> Store::entity(std::int64_t entity_id) const {
  std::vector<EntityRow> rows =
      impl_->entity_rows("WHERE e.id = ?1", [&](Statement& st) { st.bind_int(1, entity_id); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// ---------------------------------------------------------------------------------------------
// Article queries

std::vector<std::string> Store::search_articles(const std::string& topic) const {
  const std::vector<std::string> words = split_words(as_stored(topic));
  if (words.empty()) return {};
  // Every word is a substring pattern; words of 3+ code points also put each of their
  // trigrams in one FTS5 query (all required), which narrows the articles the patterns are
  // checked on. The index keeps no positions (schema version 2), so it cannot match the
  // trigrams as a phrase itself: the pattern does that.
  std::string fts;
  std::vector<std::string> likes;
  for (const std::string& word : words) {
    likes.push_back(like_pattern(word));
    for (const std::string& trigram : trigrams(word)) {
      fts += (fts.empty() ? "" : " AND ") + fts_phrase(trigram);
    }
  }
  std::string text = "SELECT a.id FROM articles a WHERE 1";
  if (!fts.empty()) {
    text += " AND a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
  }
  for (std::size_t i = 0; i < likes.size(); ++i) {
    text += " AND (a.title LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\')";
  }
  text += kArticleOrder;
  // The SQL varies only with the number of words, so the cache stays small.
  auto st = impl_->query(text);
  int index = 1;
  if (!fts.empty()) st->bind_text(index++, fts);
  for (const std::string& pattern : likes) {
    st->bind_text(index++, pattern);
    st->bind_text(index++, pattern);
  }
  std::vector<std::string> ids;
  while (st->step()) ids.push_back(st->column_text(0));
  return ids;
}

std::vector<std::string> Store::articles_with_entity(std::int64_t entity_id) const {
  auto st = impl_->query(
      std::string("SELECT a.id FROM article_entities ae JOIN articles a ON a.pk = ae.article"
                  " WHERE ae.entity_id = ?") +
      kArticleOrder);
  st->bind_int(1, entity_id);
  std::vector<std::string> ids;
  while (st->step()) ids.push_back(st->column_text(0));
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Events

EventMention Store::Impl::read_event(Statement& st) {
  EventMention e;
  e.label = st.column_text(1);
  e.trigger = st.column_text(2);
  e.trigger_class = st.column_text(3);
  e.date = st.column_text(4);
  e.precision = st.column_text(5);
  e.mod = st.column_text(6);
  e.time = st.column_text(7);
  const std::string status = st.column_text(8);
  if (auto parsed = event_status_from_string(status)) {
    e.status = *parsed;
  } else {
    throw StoreError(db.path() + ": unknown event status '" + status + "' in the database");
  }
  e.place = st.column_text(9);
  e.sentence = static_cast<int>(st.column_int(10));
  e.sentence_text = st.column_text(11);
  e.rule = st.column_text(12);
  auto names = query(
      "SELECT e.name FROM event_participants p JOIN entities e ON e.id = p.entity_id"
      " WHERE p.event = ? ORDER BY p.ord");
  names->bind_int(1, st.column_int(0));
  while (names->step()) e.participants.push_back(names->column_text(0));
  return e;
}

std::vector<StoredEvent> Store::events_for_articles(
    const std::vector<std::string>& article_ids) const {
  auto st = impl_->query(
      "SELECT e.id, e.label, e.trigger_word, e.trigger_class, e.date_value, e.precision, e.mod,"
      " e.time_of_day, e.status, e.place, e.sentence,"
      " coalesce(e.sentence_text, (SELECT substr(a.text, s.start_cp + 1, s.end_cp - s.start_cp)"
      "   FROM sentences s JOIN articles a ON a.pk = s.article"
      "   WHERE s.article = e.article AND s.idx = e.sentence)),"
      " e.rule FROM events e WHERE e.article = ? ORDER BY e.id");
  std::vector<StoredEvent> events;
  for (const ArticleRow& article : articles_by_id(article_ids)) {
    st->bind_int(1, article.rowid);
    while (st->step()) {
      events.push_back(StoredEvent{article.id, article.pub_date, impl_->read_event(*st)});
    }
    st->reset();
  }
  return events;
}

// ---------------------------------------------------------------------------------------------
// Co-appearance, mentions, relations, stats

std::vector<CoAppearance> Store::co_appearances(std::int64_t entity_id) const {
  return co_appearances(entity_id, DateRange{});
}

namespace {

// The SQL condition restricting articles `a` to a DateRange bound as ?2 (from) and ?3 (to);
// NULL bounds are open, and `NULL >= x` is NULL, so undated articles fall out of a bounded range.
constexpr const char* kInRange =
    " AND (?2 IS NULL OR a.pub_date >= ?2) AND (?3 IS NULL OR a.pub_date <= ?3)";

void bind_range(Statement& st, const DateRange& range) {
  st.bind_text_or_null(2, range.from);
  st.bind_text_or_null(3, range.to);
}

}  // namespace

std::vector<CoAppearance> Store::co_appearances(std::int64_t entity_id,
                                                const DateRange& range) const {
  std::map<std::int64_t, CoAppearance> by_entity;
  {
    auto st = impl_->query(
        std::string(
            "SELECT o.entity_id, a.id, a.pub_date, e.name, e.type FROM article_entities me"
            " JOIN article_entities o ON o.article = me.article AND o.entity_id <> me.entity_id"
            " JOIN entities e ON e.id = o.entity_id"
            " JOIN articles a ON a.pk = me.article WHERE me.entity_id = ?1") +
        kInRange + kArticleOrder);
    st->bind_int(1, entity_id);
    bind_range(*st, range);
    while (st->step()) {
      const std::int64_t id = st->column_int(0);
      CoAppearance& co = by_entity[id];
      if (co.articles == 0) {
        co.entity = GraphEntity{id, st->column_text(3), impl_->parse_type(st->column_text(4))};
      }
      co.articles += 1;
      co.article_ids.push_back(st->column_text(1));
      const std::string date = st->column_text(2);
      if (date.empty()) continue;  // undated articles come last and set no dates
      if (co.first_date.empty()) co.first_date = date;
      co.last_date = date;
    }
  }
  {
    // Distinct (entity, article, sentence) triples first, so two mentions of one entity in a
    // sentence count that sentence once.
    auto st = impl_->query(
        std::string(
            "SELECT entity_id, count(*) FROM ("
            "  SELECT DISTINCT o.entity_id, s.article, s.sentence FROM"
            "   (SELECT DISTINCT m.article, m.sentence FROM mentions m"
            "     JOIN articles a ON a.pk = m.article"
            "     WHERE m.entity_id = ?1 AND m.sentence >= 0") +
        kInRange +
        ") s"
        "   JOIN mentions o ON o.article = s.article AND o.sentence = s.sentence"
        "   WHERE o.entity_id <> ?1)"
        " GROUP BY entity_id");
    st->bind_int(1, entity_id);
    bind_range(*st, range);
    while (st->step()) {
      auto it = by_entity.find(st->column_int(0));
      if (it != by_entity.end()) it->second.sentences = static_cast<int>(st->column_int(1));
    }
  }
  std::vector<CoAppearance> result;
  result.reserve(by_entity.size());
  for (auto& entry : by_entity) result.push_back(std::move(entry.second));
  std::sort(result.begin(), result.end(), [](const CoAppearance& x, const CoAppearance& y) {
    if (x.articles != y.articles) return x.articles > y.articles;
    if (x.sentences != y.sentences) return x.sentences > y.sentences;
    if (x.entity.name != y.entity.name) return x.entity.name < y.entity.name;
    return x.entity.id < y.entity.id;
  });
  return result;
}

std::vector<EvidenceSentence> Store::shared_sentences(std::int64_t a, std::int64_t b,
                                                      const DateRange& range,
                                                      std::size_t limit) const {
  // ?4 is the LIMIT; -1 means none in SQLite.
  auto st = impl_->query(
      std::string(
          "SELECT a.id, a.pub_date, s.idx, s.start_cp, s.end_cp, a.pk FROM"
          " (SELECT article, sentence FROM mentions WHERE entity_id = ?1 AND sentence >= 0"
          "  INTERSECT"
          "  SELECT article, sentence FROM mentions WHERE entity_id = ?5 AND sentence >= 0) x"
          " JOIN articles a ON a.pk = x.article"
          " JOIN sentences s ON s.article = x.article AND s.idx = x.sentence WHERE 1") +
      kInRange + kArticleOrder + ", s.idx LIMIT ?4");
  st->bind_int(1, a);
  bind_range(*st, range);
  st->bind_int(4, limit == 0 ? -1 : static_cast<std::int64_t>(limit));
  st->bind_int(5, b);
  std::vector<EvidenceSentence> out;
  std::vector<std::pair<std::int64_t, std::pair<std::int64_t, std::int64_t>>> spans;
  while (st->step()) {
    out.push_back(EvidenceSentence{st->column_text(0), st->column_text(1),
                                   static_cast<int>(st->column_int(2)), {}});
    spans.push_back({st->column_int(5), {st->column_int(3), st->column_int(4)}});
  }
  // Texts are read after the scan, one article at a time, only for the sentences returned.
  auto text_st = impl_->query("SELECT text FROM articles WHERE pk = ?");
  std::int64_t loaded = -1;
  std::string text;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (spans[i].first != loaded) {
      text_st->bind_int(1, spans[i].first);
      text = text_st->step() ? text_st->column_text(0) : std::string();
      text_st->reset();
      loaded = spans[i].first;
    }
    out[i].text = code_point_slice(text, spans[i].second.first, spans[i].second.second);
  }
  return out;
}

std::size_t MentionTable::pair_bound(std::size_t cap) const {
  std::size_t pairs = 0;
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i + 1 < begin.size() && pairs < cap; ++i) {
    ids.assign(entity_ids.begin() + static_cast<std::ptrdiff_t>(begin[i]),
               entity_ids.begin() + static_cast<std::ptrdiff_t>(begin[i + 1]));
    std::sort(ids.begin(), ids.end());
    const auto k = static_cast<std::size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
    pairs += k * (k - 1) / 2;
  }
  return std::min(pairs, cap);
}

MentionTable Store::mention_table() const {
  MentionTable table;
  std::unordered_map<std::int64_t, std::size_t> index_of_pk;
  {
    auto st =
        impl_->query(std::string("SELECT a.pk, a.id, a.pub_date FROM articles a") + kArticleOrder);
    while (st->step()) {
      index_of_pk.emplace(st->column_int(0), table.article_ids.size());
      table.article_ids.push_back(st->column_text(1));
      table.dates.push_back(st->column_text(2));
    }
  }
  // One pass over the mentions table in its own order (primary key article pk, sentence,
  // entity_id, ...), then a counting sort into articles() order: no per-article query, no temp
  // b-tree.
  std::vector<std::size_t> row_article;
  std::vector<int> sentences;
  std::vector<std::int64_t> entities;
  {
    auto st = impl_->query(
        "SELECT article, sentence, entity_id FROM mentions ORDER BY article, sentence, entity_id");
    std::int64_t last_pk = -1;
    std::size_t last_index = 0;
    while (st->step()) {
      const std::int64_t pk = st->column_int(0);
      const int sentence = static_cast<int>(st->column_int(1));
      const std::int64_t entity = st->column_int(2);
      if (pk != last_pk) {
        last_index = index_of_pk.at(pk);
        last_pk = pk;
      } else if (sentences.back() == sentence && entities.back() == entity) {
        continue;  // several mentions of one entity in one sentence
      }
      row_article.push_back(last_index);
      sentences.push_back(sentence);
      entities.push_back(entity);
    }
  }
  const std::size_t n = table.article_ids.size();
  table.begin.assign(n + 1, 0);
  for (std::size_t i : row_article) ++table.begin[i + 1];
  for (std::size_t i = 0; i < n; ++i) table.begin[i + 1] += table.begin[i];
  std::vector<std::size_t> next(table.begin.begin(), table.begin.end() - 1);
  table.sentences.resize(row_article.size());
  table.entity_ids.resize(row_article.size());
  for (std::size_t r = 0; r < row_article.size(); ++r) {
    const std::size_t at = next[row_article[r]]++;
    table.sentences[at] = sentences[r];
    table.entity_ids[at] = entities[r];
  }
  return table;
}

void Store::for_each_article_mentions(const std::function<void(const ArticleMentions&)>& fn) const {
  auto articles_st =
      impl_->query(std::string("SELECT a.pk, a.id, a.pub_date FROM articles a") + kArticleOrder);
  while (articles_st->step()) {
    ArticleMentions item{articles_st->column_text(1), articles_st->column_text(2), {}};
    {
      auto st = impl_->query(
          "SELECT sentence, entity_id FROM mentions WHERE article = ? ORDER BY sentence, start_cp,"
          " ord");
      st->bind_int(1, articles_st->column_int(0));
      while (st->step()) {
        item.mentions.emplace_back(static_cast<int>(st->column_int(0)), st->column_int(1));
      }
    }  // released before fn runs, so fn may use the same query
    fn(item);
  }
}

std::vector<RelationRow> Store::relations() const {
  auto st = impl_->query(std::string("SELECT r.subject, r.object, r.role, a.id FROM relations r"
                                     " JOIN articles a ON a.pk = r.article") +
                         kArticleOrder + ", r.id");
  std::vector<RelationRow> rows;
  while (st->step()) {
    rows.push_back(
        RelationRow{st->column_int(0), st->column_int(1), st->column_text(2), st->column_text(3)});
  }
  return rows;
}

StoreStats Store::stats() const {
  auto st = impl_->query(
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities),"
      " (SELECT count(*) FROM mentions), (SELECT count(*) FROM relations),"
      " (SELECT count(*) FROM times), (SELECT count(*) FROM events)");
  st->step();
  return StoreStats{st->column_int(0), st->column_int(1), st->column_int(2),
                    st->column_int(3), st->column_int(4), st->column_int(5)};
}

}  // namespace sillok
