// The SQLite store: extraction results of many articles in one database file, and the queries
// graph/, timeline/ and cli/ ask of them. The schema and its rules are described in
// docs/architecture-store.md.
//
// Errors are StoreError, whose message starts with the database path. "Nothing found" is an
// empty result, never an error. A Store is one connection: it is not thread-safe (use one Store
// per thread; several processes may share a file, writers wait up to 5 s for each other).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/types.h"
#include "store/error.h"

namespace sillok {

enum class IngestOutcome { added, duplicate, failed };
std::string_view to_string(IngestOutcome outcome);  // "added", "duplicate", "failed"

// What happened to one article of an ingest batch.
struct IngestResult {
  std::string article_id, source;
  IngestOutcome outcome;
  std::string message;  // why it failed or which stored article it duplicates; empty if added
};

// An article's metadata (the text stays in the database).
struct ArticleRow {
  std::int64_t rowid;
  std::string id, title, publisher;
  std::string published_at;  // ISO 8601 ("2025-12-29T00:00:00+09:00") or ""
  std::string pub_date;      // "2025-12-29" or ""
  std::string source;
};

// An entity with its aliases (sorted) and how often it occurs across the store.
struct EntityRow {
  std::int64_t id;
  std::string name;
  EntityType type;
  std::vector<std::string> aliases;
  int articles = 0;  // articles that list the entity
  int mentions = 0;  // mentions in all articles, metadata included
};

// An entity by id, name and type only, as graph building and co-appearance lists need it
// (counts and aliases cost a query each; Store::entity() has them).
struct GraphEntity {
  std::int64_t id;
  std::string name;
  EntityType type;
};

// Another entity seen in the same articles as the one asked about.
struct CoAppearance {
  GraphEntity entity;
  int articles = 0;                      // articles both appear in
  int sentences = 0;                     // sentences both are mentioned in
  std::vector<std::string> article_ids;  // those articles, by pub_date then id
  std::string first_date, last_date;     // earliest/latest pub_date of them; "" if none dated
};

// An inclusive range of article dates ("YYYY-MM-DD", compared with pub_date). An empty bound is
// open; when either bound is set, undated articles fall outside the range.
struct DateRange {
  std::string from, to;
  bool empty() const { return from.empty() && to.empty(); }
};

// One sentence in which two entities are both mentioned: the evidence for their tie.
struct EvidenceSentence {
  std::string article_id;
  std::string date;   // the article's pub_date or ""
  int sentence = 0;   // index within the article
  std::string text;   // the sentence as stored in the article text
};

// The entity mentions of all articles in one read, for building a graph fast: columnar, one
// entry per distinct (article, sentence, entity), grouped by article.
struct MentionTable {
  std::vector<std::string> article_ids;   // article i's id, in articles() order
  std::vector<std::string> dates;         // article i's pub_date or ""
  std::vector<std::size_t> begin;         // article i's rows are [begin[i], begin[i + 1])
  std::vector<int> sentences;             // sentence index, -1 for metadata
  std::vector<std::int64_t> entity_ids;

  // The sum over articles of k(k-1)/2 (k: distinct entities of the article), an upper bound
  // on the distinct entity pairs a graph of the table has; stops counting at `cap`.
  std::size_t pair_bound(std::size_t cap) const;
};

struct StoredEvent {
  std::string article_id;
  std::string article_date;  // the article's pub_date or ""
  EventMention event;        // event.participants are canonical names, in stored order
};

// The entity mentions of one article, for graph building.
struct ArticleMentions {
  std::string article_id;
  std::string date;                                    // pub_date or ""
  std::vector<std::pair<int, std::int64_t>> mentions;  // (sentence index, entity id); metadata -1
};

struct RelationRow {
  std::int64_t subject, object;  // entity ids
  std::string role, article_id;
};

struct StoreStats {
  std::int64_t articles, entities, mentions, relations, times, events;
};

class Store {
 public:
  // Opens or creates the database and migrates it to the current schema (WAL journal, foreign
  // keys on, 5 s busy timeout). Throws StoreError when the file cannot be opened, is not a
  // database, is read-only and needs migrating, or was written by a newer schema version.
  // ":memory:" gives a private in-memory store. A path starting with "file:" is an SQLite URI
  // filename: "file:news.db?mode=ro" opens read-only, so every ingest fails cleanly.
  static Store open(const std::string& path);
  // Opens an existing database for queries (migrating it if it is older). Throws
  // StoreError("<path>: no such database ...") when the file does not exist.
  static Store open_existing(const std::string& path);

  // A moved-from Store may only be destroyed or assigned to.
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // The schema version this build writes, and the one the open file has (equal after open()).
  static int current_schema_version();
  int schema_version() const;

  // Ingests a batch inside ONE transaction, one SAVEPOINT per article, returning one result per
  // input in order.
  // - duplicate: an article whose id or content_hash is already stored (earlier or in this batch);
  //   nothing changes. An empty content_hash is computed from the text first.
  // - failed: the article could not be stored and is rolled back alone; the rest still commits.
  //   Besides SQLite errors, an article fails when it has no id, an entity has no name, or a
  //   relation subject/object or event participant is not the name of one of its entities.
  // Each Mention::text that differs from its entity's name is recorded as an alias.
  // If the commit itself fails, throws StoreError and nothing of the batch is kept.
  // If SQLite aborts the transaction itself (disk full, I/O error, out of memory) or the
  // database is read-only, throws StoreError naming the database; nothing of the batch is kept.
  // Waits for other writers (other processes) up to about a minute before giving up.
  std::vector<IngestResult> ingest(const std::vector<Extraction>& batch);

  // True when an article with this id or content hash is stored: what ingest() would call a
  // duplicate. Lets a re-run skip extracting what an earlier (perhaps killed) run stored.
  bool contains_article(const std::string& id, const std::string& content_hash) const;

  // Caps the database file at `pages` pages (PRAGMA max_page_count) for this connection; an
  // ingest that would grow it further fails as if the disk were full. For tests and quotas.
  void set_max_pages(std::int64_t pages);

  // All articles, by pub_date (undated last), then id.
  std::vector<ArticleRow> articles() const;
  // The articles with these ids, in articles() order; unknown ids are skipped.
  std::vector<ArticleRow> articles_by_id(const std::vector<std::string>& ids) const;

  // Entities (of one type, if given), by number of articles desc, then name, then type.
  std::vector<EntityRow> entities(std::optional<EntityType> type = std::nullopt) const;
  // Every entity's id, name and type, by id, with no counts and no aliases: the cheap list graph
  // building needs (entities() runs two counts and an alias query per entity).
  std::vector<GraphEntity> entity_nodes() const;
  // Entities called `name_or_alias`: canonical-name matches first, then alias matches, each
  // group by articles desc. More than one result means the name is ambiguous ("삼성" as a
  // company and as a place); none means unknown. The name is NFC-normalized first.
  std::vector<EntityRow> find_entities(const std::string& name_or_alias) const;
  // The entity with this id, if any.
  std::optional<EntityRow> entity(std::int64_t entity_id) const;

  // Ids of the articles whose title or text contains every whitespace-separated word of
  // `topic` (case-insensitive for Latin letters), in articles() order. Words of 3+ code points
  // go through the FTS5 trigram index; shorter ones ("AI", "발표") fall back to a substring
  // scan, since trigrams cannot match them. The topic is NFC-normalized first, like the stored
  // text. An empty topic matches nothing.
  std::vector<std::string> search_articles(const std::string& topic) const;
  // Ids of the articles that list the entity, in articles() order.
  std::vector<std::string> articles_with_entity(std::int64_t entity_id) const;

  // The event mentions of these articles: by article (articles() order), then the order the
  // extraction gave. Unknown ids are skipped.
  std::vector<StoredEvent> events_for_articles(const std::vector<std::string>& article_ids) const;

  // Every other entity that shares an article with `entity_id`, sorted by articles desc,
  // sentences desc, name. Metadata mentions (sentence -1) count for articles, not sentences.
  std::vector<CoAppearance> co_appearances(std::int64_t entity_id) const;

  // The same for articles dated within `range` only (all articles when it is empty).
  std::vector<CoAppearance> co_appearances(std::int64_t entity_id, const DateRange& range) const;

  // Up to `limit` sentences (0 = all) that mention both entities, in articles() order then
  // sentence order, from articles within `range`. Empty when they never share a sentence
  // (e.g. one of them is only the publisher) or either id is unknown.
  std::vector<EvidenceSentence> shared_sentences(std::int64_t a, std::int64_t b,
                                                 const DateRange& range, std::size_t limit) const;

  // Every article's distinct (sentence, entity) pairs in two sequential scans (articles, then
  // the covering mentions index), for graph building; O(articles + mentions) with no
  // per-article query. Rows within an article are ordered by sentence then entity id.
  MentionTable mention_table() const;

  // Calls fn once per article (articles() order) with its mentions ordered by sentence and
  // offset, holding only one article in memory. fn may query the store; it must not ingest.
  void for_each_article_mentions(const std::function<void(const ArticleMentions&)>& fn) const;

  // Every relation, by article (articles() order) then extraction order.
  std::vector<RelationRow> relations() const;
  StoreStats stats() const;
  const std::string& path() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sillok
