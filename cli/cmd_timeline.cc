// sillok timeline: the dated entries for a topic and/or an entity, oldest first.
#include <algorithm>
#include <iostream>
#include <unordered_set>

#include "cli/common.h"
#include "store/store.h"
#include "timeline/timeline.h"

namespace sillok::cli {

Command register_timeline(CLI::App& app) {
  struct State {
    std::string db, topic, entity, entity_type, from, to, format;
    std::size_t limit = 0;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("timeline", "Dated events and articles for a topic or an entity");
  add_db_option(*cmd, st->db);
  cmd->add_option("--topic", st->topic, "Articles whose title or text contains these words");
  cmd->add_option("--entity", st->entity, "Articles that mention this entity (name or alias)");
  cmd->add_option("--type", st->entity_type, "Entity type, when --entity names several");
  cmd->add_option("--from", st->from, "First date (ISO 8601, any precision)");
  cmd->add_option("--to", st->to, "Last date (ISO 8601, any precision)");
  cmd->add_option("--limit", st->limit, "Keep the N most-reported entries (0 = all)");
  add_format_option(*cmd, st->format, {"text", "json", "md", "timelinejs", "html"});
  return {cmd, [st]() {
            const Store store = Store::open_existing(st->db);
            std::vector<std::string> ids;
            if (!st->topic.empty()) ids = store.search_articles(st->topic);
            if (!st->entity.empty()) {
              std::unordered_set<std::string> with;
              for (const std::int64_t id : resolve_entity(store, st->entity, st->entity_type)) {
                for (std::string& a : store.articles_with_entity(id)) with.insert(std::move(a));
              }
              if (st->topic.empty()) {
                ids.assign(with.begin(), with.end());
              } else {
                ids.erase(std::remove_if(ids.begin(), ids.end(),
                                         [&](const std::string& a) { return with.count(a) == 0; }),
                          ids.end());
              }
            }
            if (st->topic.empty() && st->entity.empty()) {
              for (const ArticleRow& a : store.articles()) ids.push_back(a.id);
            }
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            std::vector<TimelineArticle> articles;
            for (const ArticleRow& a : store.articles_by_id(ids)) {
              TimelineArticle t;
              t.id = a.id;
              t.title = a.title;
              t.publisher = a.publisher;
              t.date = a.pub_date;
              articles.push_back(std::move(t));
            }
            std::vector<SourcedEvent> events;
            for (StoredEvent& e : store.events_for_articles(ids)) {
              SourcedEvent s;
              s.article_id = std::move(e.article_id);
              s.article_date = std::move(e.article_date);
              s.event = std::move(e.event);
              events.push_back(std::move(s));
            }
            TimelineOptions options;
            options.from = st->from;
            options.to = st->to;
            options.limit = st->limit;
            options.topic = !st->topic.empty() ? st->topic : st->entity;
            const std::vector<TimelineEntry> entries =
                build_timeline(articles, events, options, TimelineRules::load_default());
            if (st->format == "json") {
              std::cout << render_json(entries, options).dump(2) << "\n";
            } else if (st->format == "timelinejs") {
              std::cout << render_timelinejs(entries, options).dump(2) << "\n";
            } else if (st->format == "md") {
              render_markdown(std::cout, entries, options);
            } else if (st->format == "html") {
              render_html(std::cout, entries, options);
            } else {
              render_text(std::cout, entries, options);
            }
            return kExitOk;
          }};
}

}  // namespace sillok::cli
