#include "store/schema.h"

#include <string>

#include "store/error.h"

namespace sillok::schema {
namespace {

// Version 1: the whole model of extract/types.h. Offsets are code points (start_cp, end_cp:
// `end` is an SQL keyword). Article children cascade on delete so an article can be removed
// whole; entities are shared between articles and are never deleted by an article.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE articles (
  pk           INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,        -- source id ("277_0005699798")
  title        TEXT NOT NULL,
  publisher    TEXT NOT NULL,
  author       TEXT NOT NULL,
  url          TEXT NOT NULL,
  category     TEXT NOT NULL,
  published_at TEXT,                        -- ISO 8601 with offset; NULL when unknown
  pub_date     TEXT,                        -- 'YYYY-MM-DD', local to its offset; or NULL
  text         TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,        -- hex FNV-1a 64 of text: same text, same article
  source       TEXT NOT NULL,
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_by_date ON articles(pub_date, id);

CREATE TABLE entities (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL,                       -- canonical name
  type TEXT NOT NULL,                       -- "person", "government", ...
  UNIQUE (name, type)
);

CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  alias     TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_by_alias ON aliases(alias);

-- Which entities an article knows, even those without a mention in the body.
CREATE TABLE article_entities (
  article   INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (article, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_entity ON article_entities(entity_id, article);

CREATE TABLE sentences (
  article  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  idx      INTEGER NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp   INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
  id        INTEGER PRIMARY KEY,
  article   INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  start_cp  INTEGER NOT NULL,
  end_cp    INTEGER NOT NULL,
  surface   TEXT NOT NULL,
  rule      TEXT NOT NULL,
  field     TEXT NOT NULL,                  -- '' for the body, else "publisher" / "author"
  sentence  INTEGER NOT NULL                -- -1 for metadata
);
CREATE INDEX mentions_by_article ON mentions(article, sentence, entity_id);
CREATE INDEX mentions_by_entity ON mentions(entity_id, article, sentence);

CREATE TABLE relations (
  id       INTEGER PRIMARY KEY,
  article  INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  subject  INTEGER NOT NULL REFERENCES entities(id),
  role     TEXT NOT NULL,
  object   INTEGER NOT NULL REFERENCES entities(id),
  rule     TEXT NOT NULL,
  sentence INTEGER NOT NULL
);
CREATE INDEX relations_by_article ON relations(article);

CREATE TABLE times (
  id        INTEGER PRIMARY KEY,
  article   INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  start_cp  INTEGER NOT NULL,
  end_cp    INTEGER NOT NULL,
  text      TEXT NOT NULL,
  value     TEXT NOT NULL,
  type      TEXT NOT NULL,
  precision TEXT NOT NULL,
  mod       TEXT NOT NULL,
  value_end TEXT NOT NULL,
  sentence  INTEGER NOT NULL
);
CREATE INDEX times_by_article ON times(article);

CREATE TABLE events (
  id            INTEGER PRIMARY KEY,        -- insertion order = order within the article
  article       INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  label         TEXT NOT NULL,
  trigger_word  TEXT NOT NULL,
  trigger_class TEXT NOT NULL,
  date_value    TEXT NOT NULL,
  precision     TEXT NOT NULL,
  mod           TEXT NOT NULL,
  time_of_day   TEXT NOT NULL,
  status        TEXT NOT NULL,
  place         TEXT NOT NULL,
  sentence      INTEGER NOT NULL,
  sentence_text TEXT NOT NULL,
  rule          TEXT NOT NULL
);
CREATE INDEX events_by_article ON events(article);

CREATE TABLE event_participants (
  event     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (event, ord)
) WITHOUT ROWID;
CREATE INDEX event_participants_by_entity ON event_participants(entity_id);

-- Topic search. External content (no second copy of the text); the triggers keep it in step
-- with articles, inside the same transaction and savepoints. Trigram suits Korean, which has
-- no spaces between a noun and its particle.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='pk', tokenize='trigram');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
)sql";

// Version 2: the same model in less space (issue 6: <= 100 bytes per mention at 10^6 articles).
// - The trigram index keeps no positions (detail=none) and no column sizes: phrase matching
//   of a word is done by Store::search_articles (every trigram of the word through the index,
//   then a substring check on the candidates), so the index stores only which articles hold
//   each trigram, about a third of the size.
// - Mention rules and fields are interned in `labels` (3,769 distinct rules over 28,466
//   mentions in a generated 1,000-article corpus: most are "gazetteer:<file>#<entry>").
// - A mention's surface, a time's text and an event's sentence_text are NULL when they equal
//   the stored text at their offsets (the article text, or the metadata field), which is
//   almost always; readers take them back with substr (SQLite counts code points in TEXT).
// - mentions is clustered by (article, sentence, entity_id, ord): the graph's scan in that
//   order needs no second index, and an article's rows are contiguous. `ord` is the mention's
//   insertion order within the article.
// events is a parent table (event_participants cascade from it), so it is altered in place
// (DROP/ADD COLUMN), never dropped and recreated; times the same way, for symmetry.
constexpr const char* kVersion2 = R"sql(
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='pk', tokenize='trigram',
  detail='none', columnsize=0);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE TABLE labels (
  id   INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE
);
INSERT OR IGNORE INTO labels(text) SELECT rule FROM mentions UNION SELECT field FROM mentions;

CREATE TABLE mentions_v2 (
  article   INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  sentence  INTEGER NOT NULL,               -- -1 for metadata
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  ord       INTEGER NOT NULL,               -- insertion order within the article
  start_cp  INTEGER NOT NULL,
  end_cp    INTEGER NOT NULL,
  field     INTEGER NOT NULL REFERENCES labels(id),  -- label '' for the body
  rule      INTEGER NOT NULL REFERENCES labels(id),
  surface   TEXT,                           -- NULL: the field's text at [start_cp, end_cp)
  PRIMARY KEY (article, sentence, entity_id, ord)
) WITHOUT ROWID;
INSERT INTO mentions_v2(article, sentence, entity_id, ord, start_cp, end_cp, field, rule, surface)
  SELECT m.article, m.sentence, m.entity_id,
         row_number() OVER (PARTITION BY m.article ORDER BY m.id) - 1,
         m.start_cp, m.end_cp, f.id, r.id,
         CASE WHEN m.surface IS substr(CASE m.field WHEN '' THEN a.text
                                                    WHEN 'publisher' THEN a.publisher
                                                    WHEN 'author' THEN a.author END,
                                       m.start_cp + 1, m.end_cp - m.start_cp)
              THEN NULL ELSE m.surface END
    FROM mentions m JOIN articles a ON a.pk = m.article
    JOIN labels f ON f.text = m.field JOIN labels r ON r.text = m.rule;
DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;
CREATE INDEX mentions_by_entity ON mentions(entity_id, article, sentence);

CREATE TEMP TABLE event_texts AS
  SELECT e.id, e.sentence_text AS t FROM events e
    LEFT JOIN articles a ON a.pk = e.article
    LEFT JOIN sentences s ON s.article = e.article AND s.idx = e.sentence
   WHERE e.sentence_text IS NOT substr(a.text, s.start_cp + 1, s.end_cp - s.start_cp);
ALTER TABLE events DROP COLUMN sentence_text;
ALTER TABLE events ADD COLUMN sentence_text TEXT;  -- NULL: the article text of its sentence
UPDATE events SET sentence_text = (SELECT t FROM event_texts WHERE event_texts.id = events.id)
 WHERE id IN (SELECT id FROM event_texts);
DROP TABLE event_texts;

CREATE TEMP TABLE time_texts AS
  SELECT t.id, t.text AS t FROM times t LEFT JOIN articles a ON a.pk = t.article
   WHERE t.text IS NOT substr(a.text, t.start_cp + 1, t.end_cp - t.start_cp);
ALTER TABLE times DROP COLUMN text;
ALTER TABLE times ADD COLUMN text TEXT;  -- NULL: the article text at [start_cp, end_cp)
UPDATE times SET text = (SELECT t FROM time_texts WHERE time_texts.id = times.id)
 WHERE id IN (SELECT id FROM time_texts);
DROP TABLE time_texts;
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations{
      {1, "articles, entities, mentions, relations, times, events, full-text index", kVersion1},
      {2, "smaller store: positionless trigram index, interned mention labels, derived texts",
       kVersion2},
  };
  return kMigrations;
}

int current_version() { return migrations().back().version; }

int version_of(sql::Database& db) {
  sql::Statement st(db, "PRAGMA user_version");
  st.step();
  return static_cast<int>(st.column_int(0));
}

void migrate(sql::Database& db) { migrate(db, migrations()); }

void migrate(sql::Database& db, const std::vector<Migration>& steps) {
  const int found = version_of(db);
  const int latest = steps.empty() ? 0 : steps.back().version;
  if (found > latest) {
    throw StoreError(db.path() + ": schema version " + std::to_string(found) +
                     " is newer than this sillok supports (" + std::to_string(latest) +
                     "); upgrade sillok");
  }
  for (const Migration& m : steps) {
    if (m.version <= found) continue;
    sql::Transaction tx(db);
    // Another process may have migrated while this one waited for the write lock (two ingests
    // creating the same new database): read the version again under the lock.
    if (version_of(db) >= m.version) continue;
    db.exec(m.sql, "migration " + std::to_string(m.version) + " (" + m.description + ")");
    // user_version lives in the file header and is part of the transaction, so the schema
    // change and its version number commit together.
    db.exec("PRAGMA user_version = " + std::to_string(m.version), "set schema version");
    tx.commit();
  }
}

}  // namespace sillok::schema
